// One W&B run directory → one experiment record (issue #18). config →
// parameters (nested as-is); summary numbers → evaluations (nested keys
// dotted); metadata → code, environment and created; requirements.txt → a
// lockfile hash; wandb-history.jsonl → history. No personal data: email,
// username, host, working directory (root), the full program path and the
// command line are never read into the record.
import { basename, isAbsolute } from "node:path";
import { makeUlid } from "../../core/ids.ts";
import { stripCredentials } from "../../git/provenance.ts";
import type { ExperimentData, HistoryPoint } from "../../schema/types.ts";
import { MAX_HISTORY_POINTS, thin } from "../_history.ts";
import { isTree, type Tree } from "../_source-file.ts";
import { isoSeconds, type PlannedExperiment, type Skip } from "../types.ts";
import { define, MAX_NAME } from "../values.ts";
import type { WandbRun } from "./read.ts";

/** Summary keys W&B adds itself. */
const INTERNAL: Record<string, string> = {
  _runtime: "W&B's own run time in seconds, not a metric of the model",
  _step: "W&B's own step counter, not a metric of the model",
  _timestamp: "W&B's own clock, not a metric of the model",
  _wandb: "W&B's internal bookkeeping",
};
const COMMIT = /^[0-9a-f]{7,64}$/;

function runLabel(run: WandbRun): string {
  return `W&B run ${run.id}${run.offline ? " (offline)" : ""}`;
}

/** startedAt (UTC, often without a zone), else the directory's timestamp, else now. */
function startedMs(run: WandbRun): number {
  const at = run.metadata.startedAt;
  if (typeof at === "string") {
    const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(at) ? at : `${at}Z`);
    if (Number.isFinite(ms)) return ms;
  }
  const s = run.stamp;
  const ms = Date.parse(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`);
  return Number.isFinite(ms) ? ms : Date.now();
}

function evaluations(run: WandbRun, label: string, skipped: Skip[]): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, v] of Object.entries(tree)) {
      const name = prefix + key;
      const what = `summary "${name}" of ${label}`;
      if (prefix === "" && INTERNAL[key]) skipped.push({ what, why: INTERNAL[key] });
      else if (isTree(v) && typeof v._type === "string") skipped.push({ what, why: `a W&B media object (${v._type}), not a number` });
      else if (isTree(v)) walk(v, `${name}.`);
      else if (typeof v !== "number" || !Number.isFinite(v)) skipped.push({ what, why: `${JSON.stringify(v)?.slice(0, 60)} is not a finite number` });
      else if (name.length > MAX_NAME) skipped.push({ what, why: `its name is longer than ${MAX_NAME} characters` });
      else define(out, name, v);
    }
  };
  walk(run.summary, "");
  return out;
}

function history(run: WandbRun, label: string, skipped: Skip[]): Record<string, HistoryPoint[]> {
  const curves: Record<string, HistoryPoint[]> = {};
  let unreadable = 0;
  run.history.forEach((row, i) => {
    const step = row?._step ?? i;
    if (!row || typeof step !== "number" || !Number.isInteger(step) || step < 0) {
      unreadable++;
      return;
    }
    const ts = typeof row._timestamp === "number" ? Math.round(row._timestamp * 1000) : undefined;
    for (const [key, v] of Object.entries(row)) {
      if (key.startsWith("_") || typeof v !== "number" || !Number.isFinite(v) || key.length > MAX_NAME) continue;
      if (!Object.hasOwn(curves, key)) define(curves, key, [] as HistoryPoint[]);
      curves[key].push(ts !== undefined && ts >= 0 ? { step, value: v, timestamp: ts } : { step, value: v });
    }
  });
  if (unreadable > 0)
    skipped.push({ what: `${unreadable} lines of wandb-history.jsonl of ${label}`, why: "not a JSON object with a whole, non-negative _step" });
  const out: Record<string, HistoryPoint[]> = {};
  for (const [key, points] of Object.entries(curves)) {
    if (new Set(points.map((p) => p.step)).size < 2) continue;
    if (points.length > MAX_HISTORY_POINTS)
      skipped.push({ what: `history of "${key}" of ${label}`, why: `${points.length} points thinned evenly to ${MAX_HISTORY_POINTS}` });
    define(out, key, thin(points));
  }
  return out;
}

function code(meta: Tree, label: string, skipped: Skip[]): ExperimentData["code"] {
  const out: NonNullable<ExperimentData["code"]> = {};
  const git = isTree(meta.git) ? meta.git : {};
  if (typeof git.commit === "string" && COMMIT.test(git.commit)) out.commit = git.commit;
  if (typeof git.remote === "string" && git.remote.trim() !== "") {
    const repo = stripCredentials(git.remote);
    if (repo) out.repo = repo;
    else skipped.push({ what: `the git remote of ${label}`, why: "it carries a secret that cannot be stripped" });
  }
  if (typeof meta.codePath === "string" && meta.codePath !== "" && !isAbsolute(meta.codePath)) out.path = meta.codePath.slice(0, 1024);
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The program as the repository knows it: codePath, or `program` when it is not an absolute path (which would name a home directory). */
function program(meta: Tree): string | undefined {
  if (typeof meta.codePath === "string" && meta.codePath !== "") return meta.codePath;
  if (typeof meta.program !== "string" || meta.program === "") return undefined;
  return isAbsolute(meta.program) || /^[a-z]:[\\/]/i.test(meta.program) ? basename(meta.program.replace(/\\/g, "/")) : meta.program;
}

function environment(run: WandbRun): Record<string, unknown> {
  const m = run.metadata;
  const env: Record<string, unknown> = {};
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  const put = (key: string, v: unknown) => {
    if (v !== undefined) env[key] = v;
  };
  put("python", text(m.python));
  put("os", text(m.os));
  const apple = isTree(m.apple) ? text(m.apple.name) : isTree(m.gpuapple) ? text(m.gpuapple.type) && `Apple ${text(m.gpuapple.type)}` : undefined;
  put("gpu", text(m.gpu) ?? apple);
  put("gpu_count", typeof m.gpu_count === "number" && Number.isInteger(m.gpu_count) ? m.gpu_count : undefined);
  put("cuda", text(m.cudaVersion) ?? text(m.cuda));
  put("program", program(m));
  if (run.requirementsSha256) env.lockfile = { path: "requirements.txt", sha256: run.requirementsSha256 };
  return env;
}

export function wandbExperiment(run: WandbRun, model: string, skipped: Skip[]): PlannedExperiment {
  const label = runLabel(run);
  const start = startedMs(run);
  const record: Record<string, unknown> = {
    id: makeUlid(start),
    created: isoSeconds(start),
    parameters: run.config,
    evaluations: evaluations(run, label, skipped),
    history: history(run, label, skipped),
    code: code(run.metadata, label, skipped),
    environment: environment(run),
    source: { system: "wandb", id: run.id },
    tags: run.offline ? { "wandb.mode": "offline" } : undefined,
  };
  for (const [k, v] of Object.entries(record)) if (v === undefined || (isTree(v) && Object.keys(v).length === 0)) delete record[k];
  return { model, label, record: record as unknown as PlannedExperiment["record"] };
}
