// The shape of `modelreg report` (issue #8): what a reviewer needs about one
// change to a registry. `--format json` prints exactly this.
import type { Diagnostic, Goal, Kind } from "../schema/types.ts";

export type { Goal };

export interface MetricRef {
  name: string;
  goal: Goal;
  /** True when the model names no primary metric and the one most runs report was taken. */
  inferred: boolean;
}

/** A run as the report names it: its id, version and primary-metric value. */
export interface RunRef {
  id: string;
  version?: string;
  value?: number;
}

/** This run's primary metric against another run's. */
export interface Comparison {
  run: RunRef;
  /** This value minus the other's; absent when either has no value. */
  delta?: number;
  verdict?: "better" | "worse" | "same";
}

export interface ExperimentEntry {
  status: "added" | "modified";
  /** As `validate` prints it: relative to the current directory. */
  file: string;
  id: string;
  version?: string;
  /** Absent when the file does not validate (its problems say why). */
  value?: number;
  readable: boolean;
  /** The same experiment before this change (modified files). */
  previous?: Comparison;
  /** The run the model's `production` alias named before this change. */
  production?: Comparison;
  /** The best run before this change measured on the same test data (same fingerprint). */
  bestComparable?: Comparison;
  /** Parameters that differ from the production run (dotted keys). */
  parameters: Array<{ key: string; production: unknown; value: unknown }>;
  errors: number;
  warnings: number;
}

export interface AliasEntry {
  alias: string;
  /** The target before and after, as written in model.yaml. */
  fromTarget?: string;
  toTarget?: string;
  from?: RunRef;
  to?: RunRef;
  delta?: number;
  verdict?: Comparison["verdict"];
}

export interface ModelEntry {
  project: string;
  model: string;
  name: string;
  /** The model did not exist before this change. */
  new: boolean;
  metric?: MetricRef;
  production?: RunRef;
  experiments: ExperimentEntry[];
  aliases: AliasEntry[];
}

export interface DeletedEntry {
  file: string;
  kind: Kind;
  project: string;
  model?: string;
  id?: string;
  version?: string;
  /** Aliases that named this experiment before the change. */
  aliases: string[];
}

export interface ProjectEntry {
  project: string;
  name?: string;
  status: "added" | "modified";
}

export interface ReportData {
  base: { ref: string; commit: string };
  /** `ref` and `commit` are null when the head is the working tree. */
  head: { ref: null; commit: null } | { ref: string; commit: string };
  counts: { added: number; modified: number; deleted: number; aliasChanges: number; models: number; errors: number; warnings: number };
  projects: ProjectEntry[];
  models: ModelEntry[];
  deleted: DeletedEntry[];
  /** Validation problems of the changed files (paths as `validate` prints them). */
  problems: Diagnostic[];
}
