// What both MLflow readers hand the mapping (issue #9, #18): the file store
// (`store.ts`, `mlruns/`) and the SQLite store (`sqlite.ts`, `mlflow.db`) differ
// only in how they read; `map.ts` turns this one shape into an import plan.
// Runs are an iterable so the SQLite reader can stream them one at a time
// instead of holding every metric of a large store in memory.
import type { Skip, SourceProblem } from "../types.ts";

export interface MetricPoint {
  timestamp: number;
  /** As written: `0.93`, `nan`, `inf` (the SQLite store's `is_nan` rows are `nan`). */
  value: string;
  step: number;
}

/** One dataset input of a run (MLflow 2.4+: `datasets`, `inputs`, `input_tags`). */
export interface RunDataset {
  name: string;
  /** MLflow's own short content hash of the data. */
  digest: string;
  /** `local`, `http`, `s3`, `hf`, `code`, … */
  sourceType: string;
  /** The source as MLflow stores it: a JSON object (`{"uri": …}`, `{"url": …}`, `{"path": …}`). */
  source: string;
  /** The `mlflow.data.context` input tag: `train`, `eval`, `test`, … */
  context?: string;
  rows?: number;
}

export interface MlflowRun {
  id: string;
  experimentId: string;
  /** run_name, start_time, end_time, status, lifecycle_stage, artifact_uri (as meta.yaml names them). */
  meta: Record<string, unknown>;
  params: Record<string, string>;
  metrics: Record<string, MetricPoint[]>;
  tags: Record<string, string>;
  datasets: RunDataset[];
}

export interface LoggedModel {
  id: string;
  name: string;
  runId?: string;
  artifactLocation?: string;
}

export interface MlflowExperiment {
  id: string;
  /** name, lifecycle_stage, creation_time, artifact_location. */
  meta: Record<string, unknown>;
  tags: Record<string, string>;
  deleted: boolean;
  loggedModels: LoggedModel[];
}

export interface RegisteredVersion {
  version: number;
  runId?: string;
  /** `Production`, `Staging`, `Archived` or `None`. */
  stage?: string;
  location?: string;
}

export interface RegisteredModel {
  name: string;
  /** alias → version number. */
  aliases: Record<string, number>;
  versions: RegisteredVersion[];
}

export interface MlflowStore {
  experiments: MlflowExperiment[];
  /** Every run of every experiment, in any order; read once. */
  runs: Iterable<MlflowRun>;
  registered: RegisteredModel[];
  problems: SourceProblem[];
  ignored: Skip[];
  notes: string[];
}
