// The library API (`import { validateRegistry } from "modelreg"`, issue #14):
// the functions the CLI's commands call, for scripts and services that would
// rather not spawn a process. Everything else under scripts/lib is internal.
export { DataError, ModelregError, UsageError } from "./lib/core/errors.ts";
export { type DiffRow, diffExperiments } from "./lib/domain/diff.ts";
export { type ListOptions, listExperimentRows } from "./lib/query/list.ts";
export { experimentFromRef, type ResolvedExperiment } from "./lib/registry/experiment-ref.ts";
export { type ExperimentRecord, type LoadedRegistry, loadRegistry, type ModelRecord, type ProjectRecord } from "./lib/registry/loader.ts";
export { type DiagnosticFormat, formatReport } from "./lib/rules/format-diagnostics.ts";
export type { Diagnostic, ExperimentData, Kind, ModelData, ProjectData, Severity } from "./lib/schema/types.ts";
export { type ValidateOptions, type ValidateResult, validateRegistry } from "./lib/validate/validate.ts";
export { type AddResult, addExperiment, addModel, addProject, type ExperimentInput, type ModelInput, type ProjectInput } from "./lib/write/add.ts";
export { type PromoteOptions, type PromoteResult, promote } from "./lib/write/promote.ts";
export { type UpdateResult, updateExperiment } from "./lib/write/update.ts";
