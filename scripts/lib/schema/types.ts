// The schema/ folder owns the JSON Schemas' view in code: the one ajv module
// (schemas.ts), its messages, and these types. It may import core/ only.
//
// Record types for the three kinds. Every shape comes from schemas/*.schema.json
// through types.generated.ts (`npm run gen:types`); this file only names parts of
// it. test/schemas.test.ts fails when the generated file is stale.
import type { FileRef, Kind } from "../core/layout.ts";
import type { KindRecords } from "./types.generated.ts";

// Kind and FileRef are path facts, so they live in core/layout.ts (below schema/);
// Pick fails to compile if a kind there has no record schema here.
export type { FileRef, Kind };
export type KindData = Pick<KindRecords, Kind>;
export type ProjectData = KindData["project"];
export type ModelData = KindData["model"];
export type ExperimentData = KindData["experiment"];

export type Tags = NonNullable<ProjectData["tags"]>;
/** Whether higher or lower values of a metric are better (common.schema.json `$defs/goal`). */
export type Goal = NonNullable<ModelData["primary_metric"]>["goal"];

type Datasets = NonNullable<ExperimentData["datasets"]>;
export type DatasetRole = keyof Datasets;
export type Dataset = NonNullable<Datasets[DatasetRole]>;
export type HistoryPoint = NonNullable<ExperimentData["history"]>[string][number];

export type Severity = "error" | "warning";

/** The one diagnostic shape, for every check: where, which rule, what is wrong and what to type instead. `file` is relative to the registry root. */
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
