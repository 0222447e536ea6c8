// What every importer (issue #9) hands the planner: the records it would
// write, what it left out and why, and the source files it could not read.
import type { ExperimentData, ModelData } from "../schema/types.ts";

export type SourceSystem = NonNullable<ExperimentData["source"]>["system"];

/** A source file that could not be read. Without --keep-going any problem stops the import before anything is written. */
export interface SourceProblem {
  file: string;
  message: string;
  hint: string;
}

/** Something deliberately left out, and why. */
export interface Skip {
  what: string;
  why: string;
}

export interface PlannedExperiment {
  /** The model slug inside the plan's project. */
  model: string;
  /** The full record; `source` is required, it is what makes re-runs idempotent. */
  record: ExperimentData & { source: NonNullable<ExperimentData["source"]> };
  /** How reports name it: `run 7b6ab766 (adorable-dove-83)`. */
  label: string;
}

interface PlannedModel {
  slug: string;
  /** Written only when the model does not exist yet. */
  record: ModelData;
  /** alias → the source id of the experiment it points at (set to its version label, or its id). */
  aliases: Record<string, string>;
}

export interface ImportPlan {
  system: SourceSystem;
  project: string;
  models: PlannedModel[];
  experiments: PlannedExperiment[];
  skipped: Skip[];
  notes: string[];
  problems: SourceProblem[];
}

export function emptyPlan(system: SourceSystem, project: string): ImportPlan {
  return { system, project, models: [], experiments: [], skipped: [], notes: [], problems: [] };
}

/** RFC 3339 in UTC, to the second (as `modelreg add` writes). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
