// The MLflow model registry in a file store: `models/<name>/meta.yaml` (with
// `aliases: {champion: '1'}` since MLflow 2.3, also kept as
// `aliases/<alias>` files) and `models/<name>/version-N/meta.yaml` (run id,
// stage, storage location).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readKeyed, readMeta, type StoreReader, subdirs } from "./_files.ts";
import type { RegisteredModel, RegisteredVersion } from "./source.ts";

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function readVersions(r: StoreReader, dir: string): RegisteredVersion[] {
  const out: RegisteredVersion[] = [];
  for (const name of subdirs(dir).filter((n) => /^version-\d+$/.test(n))) {
    const meta = readMeta(r, join(dir, name, "meta.yaml"), ["version"]);
    if (!meta) continue;
    out.push({
      version: Number(meta.version),
      runId: text(meta.run_id),
      stage: text(meta.current_stage),
      location: text(meta.storage_location) ?? text(meta.source),
    });
  }
  return out.sort((a, b) => a.version - b.version);
}

export function readRegistry(r: StoreReader, dir: string): RegisteredModel[] {
  if (!existsSync(dir)) return [];
  const out: RegisteredModel[] = [];
  for (const name of subdirs(dir)) {
    const meta = readMeta(r, join(dir, name, "meta.yaml"), ["name"]);
    if (!meta) continue;
    const aliases: Record<string, number> = {};
    const given = meta.aliases && typeof meta.aliases === "object" && !Array.isArray(meta.aliases) ? (meta.aliases as Record<string, unknown>) : {};
    const files = readKeyed(join(dir, name, "aliases"));
    for (const [alias, version] of [...Object.entries(given), ...Object.entries(files)]) {
      const n = Number(String(version).trim());
      if (Number.isInteger(n)) aliases[alias] = n;
    }
    out.push({ name: String(meta.name), aliases, versions: readVersions(r, join(dir, name)) });
  }
  return out;
}
