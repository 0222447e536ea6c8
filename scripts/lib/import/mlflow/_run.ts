// One MLflow run → one experiment record (issue #9). The last value of each
// metric is its evaluation and the series its history; `mlflow.note.content`
// is the description; `mlflow.source.git.*` the code; every other tag is kept
// (`mlflow.runName` is the run's name, which queries read as attributes.run_name).
import { makeUlid } from "../../core/ids.ts";
import { stripCredentials } from "../../git/provenance.ts";
import type { ExperimentData, HistoryPoint } from "../../schema/types.ts";
import { MAX_HISTORY_POINTS, thin } from "../_history.ts";
import { isoSeconds, type PlannedExperiment, type Skip } from "../types.ts";
import { define, MAX_NAME, MAX_TAG_KEY, metricValue, typedParam } from "../values.ts";
import { runDatasets } from "./_datasets.ts";
import type { LoggedModel, MetricPoint, MlflowExperiment, MlflowRun } from "./source.ts";

/** RunStatus in MLflow's protos, and the names newer stores write. */
const STATUS: Record<string, ExperimentData["status"]> = {
  "1": "running",
  "2": "scheduled",
  "3": "finished",
  "4": "failed",
  "5": "killed",
  RUNNING: "running",
  SCHEDULED: "scheduled",
  FINISHED: "finished",
  FAILED: "failed",
  KILLED: "killed",
};
/** Tags that become fields of the record instead of tags. */
const MAPPED = new Set(["mlflow.note.content", "mlflow.source.git.commit", "mlflow.source.git.repoURL", "mlflow.source.git.branch"]);
const COMMIT = /^[0-9a-f]{7,64}$/;

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** Sorted as MLflow orders a metric's history: by step, then time. */
function ordered(points: MetricPoint[]): MetricPoint[] {
  return [...points].sort((a, b) => a.step - b.step || a.timestamp - b.timestamp);
}

function metrics(run: MlflowRun, label: string, skipped: Skip[]): Pick<ExperimentData, "evaluations" | "history"> {
  const evaluations: Record<string, number> = {};
  const history: Record<string, HistoryPoint[]> = {};
  for (const [name, raw] of Object.entries(run.metrics)) {
    const what = `metric "${name}" of ${label}`;
    if (name.length > MAX_NAME) {
      skipped.push({ what, why: `its name is longer than ${MAX_NAME} characters` });
      continue;
    }
    const points = ordered(raw);
    if (points.length === 0) continue;
    const last = metricValue(points[points.length - 1].value);
    if ("skip" in last) skipped.push({ what, why: `its last value ${last.skip.replace(/^the value /, "")}` });
    else define(evaluations, name, last.value);
    if (points.length < 2) continue;
    const curve: HistoryPoint[] = [];
    for (const p of points) {
      const v = metricValue(p.value);
      if ("value" in v && p.step >= 0) curve.push({ step: p.step, value: v.value, timestamp: p.timestamp });
    }
    if (curve.length < points.length)
      skipped.push({ what: `${points.length - curve.length} of ${points.length} history points of ${what}`, why: "not finite numbers, or a negative step" });
    if (curve.length > MAX_HISTORY_POINTS) skipped.push({ what: `history of ${what}`, why: `${curve.length} points thinned evenly to ${MAX_HISTORY_POINTS}` });
    // One step logged twice is a value, not a curve.
    if (new Set(curve.map((p) => p.step)).size > 1) define(history, name, thin(curve));
  }
  return { evaluations, history };
}

function tagsAndCode(run: MlflowRun, label: string, skipped: Skip[]): Pick<ExperimentData, "tags" | "code" | "description"> {
  const t = run.tags;
  const tags: Record<string, string> = {};
  const code: NonNullable<ExperimentData["code"]> = {};
  const commit = t["mlflow.source.git.commit"]?.trim();
  if (commit && COMMIT.test(commit)) code.commit = commit;
  const repo = t["mlflow.source.git.repoURL"] && stripCredentials(t["mlflow.source.git.repoURL"]);
  if (repo) code.repo = repo;
  else if (t["mlflow.source.git.repoURL"]) skipped.push({ what: `the git remote of ${label}`, why: "it carries a secret that cannot be stripped" });
  if (t["mlflow.source.git.branch"]) code.branch = t["mlflow.source.git.branch"];
  const runName =
    typeof run.meta.run_name === "string" && run.meta.run_name
      ? run.meta.run_name
      : typeof run.meta.name === "string" && run.meta.name
        ? run.meta.name
        : undefined;
  if (runName && t["mlflow.runName"] === undefined) define(tags, "mlflow.runName", runName);
  for (const [key, value] of Object.entries(t)) {
    // A commit that is not a git SHA stays a tag rather than being lost.
    const becameField = MAPPED.has(key) && !(key === "mlflow.source.git.commit" && !code.commit);
    if (becameField) continue;
    if (key.length > MAX_TAG_KEY) skipped.push({ what: `tag "${key.slice(0, 40)}…" of ${label}`, why: `its key is longer than ${MAX_TAG_KEY} characters` });
    else define(tags, key, value);
  }
  const description = t["mlflow.note.content"] || undefined;
  return { tags, code: Object.keys(code).length > 0 ? code : undefined, description };
}

function artifacts(run: MlflowRun, logged: LoggedModel[], label: string, skipped: Skip[]): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (name: string, uri: unknown) => {
    if (typeof uri !== "string" || uri === "") return;
    const clean = stripCredentials(uri);
    if (clean) define(out, Object.hasOwn(out, name) ? `${name}-${Object.keys(out).length}` : name, clean);
    else skipped.push({ what: `artifact "${name}" of ${label}`, why: "its URI carries a secret that cannot be stripped" });
  };
  add("run", run.meta.artifact_uri);
  for (const m of logged.filter((l) => l.runId === run.id)) add(m.name, m.artifactLocation);
  return out;
}

/** Keys in the schema's order; empty maps and unknown values left out. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(record)) {
    if (v === undefined || (typeof v === "object" && v !== null && Object.keys(v).length === 0)) delete record[k];
  }
  return record;
}

export function runLabel(run: MlflowRun): string {
  const name = run.tags["mlflow.runName"] || (typeof run.meta.run_name === "string" ? run.meta.run_name : "");
  return `run ${run.id.slice(0, 8)}${name ? ` (${name})` : ""}`;
}

export function runRecord(run: MlflowRun, experiment: MlflowExperiment, model: string, skipped: Skip[]): PlannedExperiment {
  const label = runLabel(run);
  const start = num(run.meta.start_time) ?? num(experiment.meta.creation_time) ?? Date.now();
  const parameters: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(run.params)) define(parameters, k, typedParam(v));
  const { tags, code, description } = tagsAndCode(run, label, skipped);
  const record = compact({
    id: makeUlid(start),
    created: isoSeconds(start),
    description,
    status: STATUS[String(run.meta.status)],
    parameters,
    datasets: runDatasets(run.datasets, label, skipped),
    ...metrics(run, label, skipped),
    artifacts: artifacts(run, experiment.loggedModels, label, skipped),
    code,
    source: { system: "mlflow", id: run.id },
    tags,
  });
  return { model, label, record: record as unknown as PlannedExperiment["record"] };
}
