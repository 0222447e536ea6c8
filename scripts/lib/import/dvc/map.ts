// One DVC state (the files of a commit, or one row of `dvc exp show --json`)
// → one experiment record (issue #9). Parameters are params.yaml as written;
// evaluations are the numbers in the metrics files (nested maps flattened to
// dotted names); the md5 of every dependency and output in dvc.lock is kept
// under `environment`, and the data dependencies whose names say train / val /
// test become datasets with their md5 (DVC's hash, kept as md5).
import { basename } from "node:path";
import type { Dataset, DatasetRole, ExperimentData, HistoryPoint } from "../../schema/types.ts";
import { isTree, type Tree } from "../_source-file.ts";
import type { ImportPlan, PlannedExperiment, Skip } from "../types.ts";
import { define, MAX_NAME, metricValue } from "../values.ts";

/** A dependency or output in dvc.lock (or in `dvc exp show` output), with its md5. */
export interface LockEntry {
  path: string;
  md5?: string;
  stage: string;
  role: "dep" | "out";
}

export interface DvcState {
  params?: Tree;
  /** Metrics file (repo-relative) → its content, or undefined when the file is not there. */
  metrics: Map<string, unknown>;
  lock: LockEntry[];
  /** `artifacts:` of dvc.yaml: name → path. */
  artifacts: Record<string, string>;
  history?: Record<string, HistoryPoint[]>;
}

const MD5 = /^[0-9a-f]{32}(\.dir)?$/;
const CODE_DIRS = new Set(["src", "scripts", "code", "lib", "notebooks", "configs", "config"]);
const CODE = /\.(py|ipynb|r|sh|js|ts|jl|scala|java|cpp|c|go|rs|sql|yaml|yml|toml|cfg|ini|md)$/i;
const MODEL = /\.(pkl|pickle|joblib|h5|hdf5|keras|pt|pth|onnx|safetensors|bin|ckpt|pb|tflite)$/i;
const ROLES: Array<[DatasetRole, RegExp]> = [
  ["training", /(^|[^a-z])train(ing)?([^a-z]|$)/i],
  ["validation", /(^|[^a-z])(val|valid|validation|dev)([^a-z]|$)/i],
  ["test", /(^|[^a-z])test(ing)?([^a-z]|$)/i],
];

const isCode = (path: string) => CODE.test(path) || CODE_DIRS.has(path.split("/")[0]);

function evaluations(metrics: Map<string, unknown>, label: string, skipped: Skip[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [file, content] of metrics) {
    if (content === undefined) {
      skipped.push({
        what: `metrics file ${file}`,
        why: "it is not in the project (DVC outputs are often not committed): run `dvc pull` or `dvc repro` first, or import `dvc exp show --json` output with --exp-show",
      });
      continue;
    }
    const walk = (node: unknown, prefix: string) => {
      if (isTree(node)) {
        for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
        return;
      }
      const name = Object.hasOwn(out, prefix) ? `${file}:${prefix}` : prefix;
      const v = metricValue(node);
      if (name.length > MAX_NAME || name === "")
        skipped.push({ what: `metric "${name.slice(0, 40)}" in ${file} of ${label}`, why: "its name is empty or too long" });
      else if ("skip" in v) skipped.push({ what: `metric "${name}" in ${file} of ${label}`, why: Array.isArray(node) ? "it is a list, not a number" : v.skip });
      else define(out, name, v.value);
    };
    walk(content, "");
  }
  return out;
}

function datasets(lock: LockEntry[], notes: string[], label: string): Partial<Record<DatasetRole, Dataset>> {
  const seen = new Set<string>();
  const deps = lock.filter((e) => e.role === "dep" && !isCode(e.path) && !seen.has(e.path) && seen.add(e.path));
  const out: Partial<Record<DatasetRole, Dataset>> = {};
  const dataset = (e: LockEntry): Dataset => (e.md5 && MD5.test(e.md5) ? { uri: e.path, md5: e.md5 } : { uri: e.path });
  for (const [role, pattern] of ROLES) {
    const hit = deps.find((e) => pattern.test(e.path) && !Object.values(out).some((d) => d.uri === e.path || (e.md5 && d.md5 === e.md5)));
    if (hit) out[role] = dataset(hit);
  }
  if (!out.training) {
    const produced = lock.filter((e) => e.role === "out").map((e) => e.path);
    const roots = deps.filter((e) => !produced.some((p) => e.path === p || e.path.startsWith(`${p}/`)));
    if (roots.length === 1 && !Object.values(out).some((d) => d.uri === roots[0].path)) {
      out.training = dataset(roots[0]);
      notes.push(
        `${label}: ${roots[0].path} is recorded as the training data: its name says neither train, val nor test, and it is the pipeline's only data input`,
      );
    }
  }
  return out;
}

function lockHashes(lock: LockEntry[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of [...lock].sort((a, b) => a.path.localeCompare(b.path))) if (e.md5 && MD5.test(e.md5)) define(out, e.path, e.md5);
  return out;
}

function artifacts(state: DvcState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, path] of Object.entries(state.artifacts)) define(out, name.slice(0, MAX_NAME), path);
  for (const e of state.lock) if (e.role === "out" && MODEL.test(e.path) && !Object.values(out).includes(e.path)) define(out, basename(e.path), e.path);
  return out;
}

export interface DvcMeta {
  label: string;
  model: string;
  sourceId: string;
  id: string;
  created: string;
  code?: ExperimentData["code"];
  tags?: Record<string, string>;
}

export function dvcExperiment(state: DvcState, m: DvcMeta, plan: Pick<ImportPlan, "skipped" | "notes">): PlannedExperiment {
  const { skipped, notes } = plan;
  const record: Record<string, unknown> = {
    id: m.id,
    created: m.created,
    parameters: state.params,
    datasets: datasets(state.lock, notes, m.label),
    evaluations: evaluations(state.metrics, m.label, skipped),
    history: state.history,
    artifacts: artifacts(state),
    code: m.code,
    environment: { "dvc.lock": lockHashes(state.lock) },
    source: { system: "dvc", id: m.sourceId },
    tags: m.tags,
  };
  const empty = (v: unknown) => v === undefined || (isTree(v) && Object.values(v).every(empty));
  for (const [k, v] of Object.entries(record)) if (empty(v)) delete record[k];
  return { model: m.model, label: m.label, record: record as unknown as PlannedExperiment["record"] };
}
