// The model registry in the SQLite store (issue #18): registered_models,
// model_versions (run id, the old stages, storage location) and, since MLflow
// 2.3, registered_model_aliases — into the shape the file-store registry has.

import type { OpenStore } from "./_sqlite-open.ts";
import type { RegisteredModel } from "./source.ts";

type Row = Record<string, unknown>;

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

export function readSqliteRegistry(s: OpenStore): RegisteredModel[] {
  if (!s.tables.has("registered_models")) return [];
  const models = new Map<string, RegisteredModel>();
  for (const r of s.db.prepare("SELECT name FROM registered_models ORDER BY name").all() as Row[])
    models.set(String(r.name), { name: String(r.name), aliases: {}, versions: [] });
  if (s.tables.has("model_versions")) {
    const location = s.tables.get("model_versions")?.has("storage_location") ? "storage_location" : "NULL AS storage_location";
    const q = `SELECT name, version, run_id, current_stage, source, ${location} FROM model_versions ORDER BY name, version`;
    for (const v of s.db.prepare(q).all() as Row[]) {
      // MLflow marks a deleted version with this stage instead of removing the row.
      if (v.current_stage === "Deleted_Internal") continue;
      models.get(String(v.name))?.versions.push({
        version: Number(v.version),
        runId: text(v.run_id),
        stage: text(v.current_stage),
        location: text(v.storage_location) ?? text(v.source),
      });
    }
  }
  if (s.tables.has("registered_model_aliases")) {
    for (const a of s.db.prepare("SELECT name, alias, version FROM registered_model_aliases ORDER BY name, alias").all() as Row[]) {
      const m = models.get(String(a.name));
      if (m && Number.isInteger(Number(a.version))) m.aliases[String(a.alias)] = Number(a.version);
    }
  }
  return [...models.values()];
}
