// The one loader (BRIEF.md "Parts"): reads a registry into typed records for
// the CLI's read commands, reports and the site. It runs every check the
// validator runs, so a record here is always a schema-valid file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { listRegistry } from "./listing.ts";
import { checkFiles } from "./pool.ts";
import type { Diagnostic, ExperimentData, FileSummary, Kind, KindData, ModelData, ProjectData } from "./types.ts";
import { byPosition, placedRefs, runRegistryRules } from "./validate.ts";
import { locate, parseYaml, type PathSegment, type Position } from "./yaml.ts";

export interface RegistryRecord<K extends Kind> {
  kind: K;
  /** Path relative to the registry root, `/`-separated. */
  file: string;
  /** Absolute path of the file. */
  path: string;
  project: string;
  data: KindData[K];
  /** Line and column of any key path in the file (`["evaluations", "accuracy"]`), read on demand. */
  locate(path: readonly PathSegment[]): Position;
}

export interface ProjectRecord extends RegistryRecord<"project"> {
  data: ProjectData;
}
export interface ModelRecord extends RegistryRecord<"model"> {
  model: string;
  data: ModelData;
}
export interface ExperimentRecord extends RegistryRecord<"experiment"> {
  model: string;
  id: string;
  data: ExperimentData;
}

export interface LoadedRegistry {
  root: string;
  projects: ProjectRecord[];
  models: ModelRecord[];
  experiments: ExperimentRecord[];
  /** Everything `modelreg validate` would report. */
  diagnostics: Diagnostic[];
}

/**
 * Positions are computed when asked, from the file itself: keeping a line and
 * column for every key of 100,000 experiments would cost more memory than the
 * records, and only the few keys an error names are ever looked up.
 */
function locator(path: string): (at: readonly PathSegment[]) => Position {
  let parsed: ReturnType<typeof parseYaml> | undefined;
  return (at) => {
    parsed ??= parseYaml(readFileSync(path, "utf8"));
    return locate(parsed, at);
  };
}

export async function loadRegistry(opts: { registry: string; workers?: number }): Promise<LoadedRegistry> {
  const listing = await listRegistry(opts.registry);
  const refs = placedRefs(listing);
  const checked = await checkFiles(listing.root, refs, { keepValues: true, workers: opts.workers });
  const summaries = new Map<string, FileSummary>();
  for (const c of checked) if (c.summary) summaries.set(c.ref.file, c.summary);
  const diagnostics = [...checked.flatMap((c) => c.diagnostics), ...runRegistryRules({ paths: listing.paths, refs, summaries, scope: null })].sort(byPosition);

  const loaded: LoadedRegistry = { root: listing.root, projects: [], models: [], experiments: [], diagnostics };
  for (const { ref, value } of checked) {
    if (value === undefined) continue;
    const path = join(listing.root, ref.file);
    const base = { file: ref.file, path, project: ref.project, locate: locator(path) };
    if (ref.kind === "project") loaded.projects.push({ ...base, kind: "project", data: value as ProjectData });
    else if (ref.kind === "model") loaded.models.push({ ...base, kind: "model", model: ref.model!, data: value as ModelData });
    else loaded.experiments.push({ ...base, kind: "experiment", model: ref.model!, id: ref.id!, data: value as ExperimentData });
  }
  return loaded;
}
