// Reading records for the terminal's read commands (show, resolve, diff and
// the project and model listings): only the files a command needs, checked
// exactly as `validate` checks them. `list experiments` reads query/rows.ts.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { filePathFor } from "../core/layout.ts";
import type { Diagnostic, ExperimentData, FileRef, ModelData, ProjectData } from "../schema/types.ts";
import { checkFile } from "./check-file.ts";
import { assertRegistryDir } from "./listing.ts";
import { type ExperimentLocation, listDir } from "./refs.ts";

export interface ExperimentRow extends ExperimentLocation {
  data: ExperimentData;
}

export interface ReadResult<T> {
  rows: T[];
  /** Problems in files that were skipped (they fail validation). */
  skipped: Diagnostic[];
}

/** Reads and checks one record file; undefined (with diagnostics) when it is invalid. */
function readOne<T>(registry: string, ref: FileRef, skipped: Diagnostic[]): T | undefined {
  const check = checkFile(ref, readFileSync(join(registry, ref.file)), true);
  if (check.value === undefined) skipped.push(...check.diagnostics);
  return check.value as T | undefined;
}

export interface ProjectRow {
  project: string;
  data: ProjectData;
}

export interface ModelRow {
  project: string;
  model: string;
  data: ModelData;
}

export function readProjects(registry: string): ReadResult<ProjectRow> {
  assertRegistryDir(registry);
  const skipped: Diagnostic[] = [];
  const rows: ProjectRow[] = [];
  for (const project of listDir(registry)) {
    const file = filePathFor({ kind: "project", project });
    if (!existsSync(join(registry, file))) continue;
    const data = readOne<ProjectData>(registry, { file, kind: "project", project }, skipped);
    if (data) rows.push({ project, data });
  }
  return { rows, skipped };
}

export function readModels(registry: string, project?: string): ReadResult<ModelRow> {
  assertRegistryDir(registry);
  const skipped: Diagnostic[] = [];
  const rows: ModelRow[] = [];
  for (const p of project ? [project] : listDir(registry)) {
    for (const model of listDir(join(registry, p, "models"))) {
      const file = filePathFor({ kind: "model", project: p, model });
      if (!existsSync(join(registry, file))) continue;
      const data = readOne<ModelData>(registry, { file, kind: "model", project: p, model }, skipped);
      if (data) rows.push({ project: p, model, data });
    }
  }
  return { rows, skipped };
}

/** One experiment by location; a DataError names the validation problems if it is invalid. */
export function readExperiment(registry: string, at: ExperimentLocation): ExperimentRow | { skipped: Diagnostic[] } {
  const skipped: Diagnostic[] = [];
  const data = readOne<ExperimentData>(registry, { file: at.file, kind: "experiment", project: at.project, model: at.model, id: at.id }, skipped);
  return data ? { ...at, data } : { skipped };
}
