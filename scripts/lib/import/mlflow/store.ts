// Reads an MLflow file store (`mlruns/`, MLflow 1.x to 3.x) into plain
// objects (issue #9). Layout: `<experiment>/meta.yaml` and `tags/`;
// `<experiment>/<run>/{meta.yaml,params/,metrics/,tags/}`; MLflow 3 adds logged
// models under `<experiment>/models/m-…/` and `<run>/outputs/m-…/`, which are
// not runs; `.trash/` holds deleted experiments; `models/` is the model registry.
// A file that cannot be read becomes a problem, and the run, experiment or
// registered model it belongs to is left out whole.
import { existsSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { Skip } from "../types.ts";
import { define } from "../values.ts";
import { readKeyed, readMeta, type StoreReader, subdirs } from "./_files.ts";
import { readRegistry } from "./_registry.ts";
import type { LoggedModel, MetricPoint, MlflowExperiment, MlflowRun, MlflowStore } from "./source.ts";

/** `timestamp value step` lines (MLflow 1.x may omit the step). */
function parseMetric(r: StoreReader, file: string, text: string): MetricPoint[] | undefined {
  const points: MetricPoint[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const [ts, value, step = "0", ...rest] = lines[i].trim().split(/\s+/);
    if (value === undefined || rest.length > 0 || !/^\d+$/.test(ts) || !/^-?\d+$/.test(step)) {
      r.problems.push({
        file: `${file}:${i + 1}`,
        message: `expected "timestamp value step", found "${lines[i].slice(0, 80)}"`,
        hint: "Each line of an MLflow metric file is `<ms since epoch> <value> <step>`; fix or delete the line.",
      });
      return undefined;
    }
    points.push({ timestamp: Number(ts), value, step: Number(step) });
  }
  return points;
}

function readRun(r: StoreReader, dir: string, experimentId: string): MlflowRun | undefined {
  const before = r.problems.length;
  const meta = readMeta(r, join(dir, "meta.yaml"), ["experiment_id"]);
  const metrics: Record<string, MetricPoint[]> = {};
  for (const [name, text] of Object.entries(readKeyed(join(dir, "metrics")))) {
    const points = parseMetric(r, join(dir, "metrics", name), text);
    if (points) define(metrics, name, points);
  }
  if (!meta || r.problems.length > before) return undefined;
  // The directory name is the run id; meta.yaml repeats it (and a hand-made
  // store may leave an all-digit id unquoted, which YAML reads as a number).
  const id = basename(dir);
  return { id, experimentId, meta, params: readKeyed(join(dir, "params")), metrics, tags: readKeyed(join(dir, "tags")), datasets: [] };
}

/** Directories inside an experiment that are not runs. */
const NOT_RUNS = new Set(["tags", "models", "datasets", "traces"]);

function readLoggedModels(r: StoreReader, dir: string): LoggedModel[] {
  const out: LoggedModel[] = [];
  for (const name of subdirs(join(dir, "models"))) {
    const meta = readMeta(r, join(dir, "models", name, "meta.yaml"), []);
    if (!meta) continue;
    const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
    out.push({ id: str(meta.model_id) ?? name, name: str(meta.name) ?? name, runId: str(meta.source_run_id), artifactLocation: str(meta.artifact_location) });
  }
  return out;
}

function readExperiment(r: StoreReader, dir: string, deleted: boolean, runs: MlflowRun[]): MlflowExperiment | undefined {
  const meta = readMeta(r, join(dir, "meta.yaml"), ["name"]);
  if (!meta) return undefined;
  const id = basename(dir);
  for (const name of subdirs(dir)) {
    if (NOT_RUNS.has(name)) continue;
    const run = readRun(r, join(dir, name), id);
    if (run) runs.push(run);
  }
  return { id, meta, tags: readKeyed(join(dir, "tags")), deleted: deleted || meta.lifecycle_stage === "deleted", loggedModels: readLoggedModels(r, dir) };
}

export function readMlflowStore(root: string): MlflowStore {
  const r: StoreReader = { problems: [] };
  const experiments: MlflowExperiment[] = [];
  const runs: MlflowRun[] = [];
  const ignored: Skip[] = [];
  const visit = (dir: string, deleted: boolean) => {
    for (const name of subdirs(dir)) {
      if (!deleted && (name === ".trash" || name === "models")) continue;
      const path = join(dir, name);
      if (!existsSync(join(path, "meta.yaml"))) {
        ignored.push({ what: relative(root, path), why: "not an experiment: it has no meta.yaml" });
        continue;
      }
      const e = readExperiment(r, path, deleted, runs);
      if (e) experiments.push(e);
    }
  };
  visit(root, false);
  visit(join(root, ".trash"), true);
  const registered = readRegistry(r, join(root, "models"));
  return { experiments, runs, registered, problems: r.problems, ignored, notes: [] };
}
