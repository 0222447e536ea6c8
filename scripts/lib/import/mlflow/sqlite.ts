// Reads MLflow's SQLite backend store (issue #18) into the shape both MLflow
// readers share (../mlflow/source.ts), so the file-store mapping applies
// unchanged. It alone (with _sqlite-open.ts and _sqlite-registry.ts) runs SQL
// against MLflow's tables.
// Experiments, runs, params, tags, dataset inputs and the registry are small
// and read whole; metrics (millions of rows in a big store) are streamed in
// run order and each run is handed on as soon as its last metric row is read.

import { define } from "../values.ts";
import { type Db, type OpenStore, openMlflowDb, sqliteError } from "./_sqlite-open.ts";
import { readSqliteRegistry } from "./_sqlite-registry.ts";
import type { LoggedModel, MetricPoint, MlflowExperiment, MlflowRun, MlflowStore, RunDataset } from "./source.ts";

type Row = Record<string, unknown>;

/** `col` when the table has it, else `NULL AS col`: one query for every schema revision. */
function pick(s: OpenStore, table: string, cols: string[]): string {
  const have = s.tables.get(table) ?? new Set<string>();
  return cols.map((c) => (have.has(c) ? `"${c}"` : `NULL AS "${c}"`)).join(", ");
}

const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : undefined);

function keyed(db: Db, table: string, owner: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const [id, key, value] of db.prepare(`SELECT "${owner}", "key", "value" FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
    const k = String(id);
    const m = out.get(k) ?? {};
    out.set(k, m);
    define(m, String(key), value === null ? "" : String(value));
  }
  return out;
}

function readExperiments(s: OpenStore): MlflowExperiment[] {
  const tags = s.tables.has("experiment_tags") ? keyed(s.db, "experiment_tags", "experiment_id") : new Map();
  const logged = new Map<string, LoggedModel[]>();
  if (s.tables.has("logged_models")) {
    const q = `SELECT ${pick(s, "logged_models", ["model_id", "experiment_id", "name", "artifact_location", "source_run_id", "lifecycle_stage"])} FROM logged_models`;
    for (const m of s.db.prepare(q).all() as Row[]) {
      if (m.lifecycle_stage === "deleted") continue;
      const list = logged.get(String(m.experiment_id)) ?? [];
      list.push({ id: String(m.model_id), name: str(m.name) || String(m.model_id), runId: str(m.source_run_id), artifactLocation: str(m.artifact_location) });
      logged.set(String(m.experiment_id), list);
    }
  }
  const q = `SELECT ${pick(s, "experiments", ["experiment_id", "name", "artifact_location", "lifecycle_stage", "creation_time"])} FROM experiments ORDER BY experiment_id`;
  return (s.db.prepare(q).all() as Row[]).map((e) => {
    const id = String(e.experiment_id);
    const meta: Record<string, unknown> = { name: str(e.name) ?? "", lifecycle_stage: str(e.lifecycle_stage) ?? "active" };
    if (num(e.creation_time) !== undefined) meta.creation_time = num(e.creation_time);
    if (str(e.artifact_location)) meta.artifact_location = str(e.artifact_location);
    return { id, meta, tags: tags.get(id) ?? {}, deleted: e.lifecycle_stage === "deleted", loggedModels: logged.get(id) ?? [] };
  });
}

/** run id → its dataset inputs with their context tag. */
function readInputs(s: OpenStore): Map<string, RunDataset[]> {
  const out = new Map<string, RunDataset[]>();
  if (!s.tables.has("inputs") || !s.tables.has("datasets")) return out;
  const context = s.tables.has("input_tags")
    ? `(SELECT t.value FROM input_tags t WHERE t.input_uuid = i.input_uuid AND t.name = 'mlflow.data.context')`
    : "NULL";
  const profile = s.tables.get("datasets")?.has("dataset_profile") ? "d.dataset_profile" : "NULL";
  const q = `SELECT i.destination_id AS run, d.name, d.digest, d.dataset_source_type AS type, d.dataset_source AS source, ${profile} AS profile, ${context} AS context
    FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id
    WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' ORDER BY i.destination_id, d.name`;
  for (const r of s.db.prepare(q).all() as Row[]) {
    let rows: number | undefined;
    try {
      const p = JSON.parse(String(r.profile ?? "null"));
      if (Number.isInteger(p?.num_rows) && p.num_rows >= 0) rows = p.num_rows;
    } catch {
      // A profile is optional and free-form; without it the row count is unknown.
    }
    const list = out.get(String(r.run)) ?? [];
    list.push({ name: String(r.name), digest: String(r.digest), sourceType: String(r.type), source: String(r.source), context: str(r.context), rows });
    out.set(String(r.run), list);
  }
  return out;
}

function* streamRuns(s: OpenStore, file: string): Generator<MlflowRun> {
  try {
    const params = keyed(s.db, "params", "run_uuid");
    const tags = keyed(s.db, "tags", "run_uuid");
    const inputs = readInputs(s);
    const cols = pick(s, "runs", ["run_uuid", "experiment_id", "name", "status", "start_time", "end_time", "lifecycle_stage", "artifact_uri"]);
    const runs = s.db.prepare(`SELECT ${cols} FROM runs ORDER BY run_uuid`).all() as Row[];
    const metricCols = pick(s, "metrics", ["run_uuid", "key", "value", "timestamp", "step", "is_nan"]);
    const metricRows = s.db.prepare(`SELECT ${metricCols} FROM metrics ORDER BY run_uuid`).raw().iterate() as Iterator<unknown[]>;
    let next = metricRows.next();
    for (const r of runs) {
      const id = String(r.run_uuid);
      const metrics: Record<string, MetricPoint[]> = {};
      // Metric rows of runs not in `runs` (orphans) sort before this run and are passed over.
      while (!next.done && String(next.value[0]) < id) next = metricRows.next();
      while (!next.done && String(next.value[0]) === id) {
        const [, key, value, timestamp, step, isNan] = next.value;
        const name = String(key);
        if (!Object.hasOwn(metrics, name)) define(metrics, name, [] as MetricPoint[]);
        const points = metrics[name];
        points.push({ timestamp: num(timestamp) ?? 0, value: num(isNan) === 1 ? "nan" : String(value), step: num(step) ?? 0 });
        next = metricRows.next();
      }
      const meta: Record<string, unknown> = {
        run_name: str(r.name) ?? "",
        status: str(r.status),
        lifecycle_stage: str(r.lifecycle_stage) ?? "active",
        artifact_uri: str(r.artifact_uri),
      };
      if (num(r.start_time) !== undefined) meta.start_time = num(r.start_time);
      if (num(r.end_time) !== undefined) meta.end_time = num(r.end_time);
      yield {
        id,
        experimentId: String(r.experiment_id),
        meta,
        params: params.get(id) ?? {},
        metrics,
        tags: tags.get(id) ?? {},
        datasets: inputs.get(id) ?? [],
      };
    }
    metricRows.return?.();
  } catch (err) {
    throw sqliteError(file, err);
  } finally {
    s.db.close();
  }
}

/** The store as the mapping reads it; runs stream from the open database, which closes when they are read (or on an error). */
export function readSqliteStore(file: string): MlflowStore {
  const s = openMlflowDb(file);
  try {
    // One read transaction, so every table is read from the same snapshot.
    s.db.prepare("BEGIN").run();
    const experiments = readExperiments(s);
    const registered = readSqliteRegistry(s);
    return { experiments, runs: streamRuns(s, file), registered, problems: [], ignored: [], notes: s.notes };
  } catch (err) {
    s.db.close();
    throw sqliteError(file, err);
  }
}
