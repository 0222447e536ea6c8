// Record types for the three kinds. They mirror schemas/*.schema.json; the test
// test/types-match-schemas.test.ts fails when a property is added to one side only.

export type Kind = "project" | "model" | "experiment";
export type Tags = Record<string, string | number | boolean>;

export interface ProjectData {
  name: string;
  description?: string;
  created: string;
  owners?: string[];
  tags?: Tags;
}

export interface ModelData {
  name: string;
  description?: string;
  created: string;
  task?: string;
  primary_metric?: { name: string; goal: "maximize" | "minimize" };
  aliases?: Record<string, string>;
  tags?: Tags;
}

export interface Dataset {
  uri: string;
  sha256?: string;
  md5?: string;
  rows?: number;
  name?: string;
  revision?: string;
}

export type DatasetRole = "training" | "validation" | "test";

export interface HistoryPoint {
  step: number;
  value: number;
  timestamp?: number;
}

export interface ExperimentData {
  id: string;
  version?: string;
  created: string;
  description?: string;
  status?: "scheduled" | "running" | "finished" | "failed" | "killed";
  parameters?: Record<string, unknown>;
  datasets?: Partial<Record<DatasetRole, Dataset>>;
  evaluations?: Record<string, number>;
  history?: Record<string, HistoryPoint[]>;
  artifacts?: Record<string, string>;
  code?: { repo?: string; commit?: string; branch?: string; dirty?: boolean; path?: string };
  environment?: Record<string, unknown>;
  source?: { system: "mlflow" | "dvc" | "huggingface" | "wandb"; id: string; uri?: string };
  tags?: Tags;
}

export interface KindData {
  project: ProjectData;
  model: ModelData;
  experiment: ExperimentData;
}

/** Where a file sits in the layout, from its path alone. */
export interface FileRef {
  /** Path relative to the registry root, with `/` separators. */
  file: string;
  kind: Kind;
  project: string;
  model?: string;
  /** The experiment id the file name claims. */
  id?: string;
}

export type Severity = "error" | "warning";

/** The one diagnostic shape (STYLE.md §5). `file` is relative to the registry root. */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  col: number;
  /** JSON path inside the file (`parameters.lr`), or "" for the whole file. */
  path: string;
  message: string;
  hint: string;
}

/** What the registry-wide rules need from one file, small enough to cache. */
export interface FileSummary {
  project?: { name: string; at: [number, number] };
  model?: { aliases: Record<string, { target: string; at: [number, number] }> };
  experiment?: { id: string; version?: string; versionAt?: [number, number] };
}
