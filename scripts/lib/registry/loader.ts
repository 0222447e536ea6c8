// The one loader: reads a registry into typed records for the CLI's read
// commands, reports and the site. It runs every check the
// validator runs, so a record here is always a schema-valid file.
//
// registry/ is the one reader of registry files (issue #13): listing.ts (the
// tree, read by nobody else), check-file.ts and pool.ts (bytes → diagnostics
// and records, on all cores), session.ts (version token → cached result, for
// validate, this loader and `list`), read.ts and peek.ts (single files),
// refs.ts (finding what a reference names). No other folder parses a registry
// file. It may import core, schema, yaml, cache and rules/ (the pure checks,
// which check-file.ts and registry-rules.ts run).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PathSegment } from "../core/record-path.ts";
import type { Diagnostic, ExperimentData, FileRef, Kind, KindData, ModelData, ProjectData } from "../schema/types.ts";
import { locate, type ParsedYaml, type Position, parseYaml } from "../yaml/yaml.ts";
import { fileVersions } from "./file-versions.ts";
import { listRegistry } from "./listing.ts";
import { byPosition, placedRefs, runRegistryRules } from "./registry-rules.ts";
import { CheckSession } from "./session.ts";

interface RegistryRecord<K extends Kind> {
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
  /**
   * File → its version token (a clean tracked file's git blob id, else its
   * `lstat`), as the record cache knows it; only when the cache is on. The
   * site's incremental build hashes these instead of whole records.
   */
  versions?: ReadonlyMap<string, string>;
}

/**
 * Adds a checked file's value to `loaded` as the record of its kind. Positions
 * are computed when asked, from `text` (the file's content): keeping a line and
 * column for every key of 100,000 experiments would cost more memory than the
 * records, and only the few keys an error names are ever looked up. The report
 * (report/snapshot.ts) adds records read from git this way too, so positions
 * come from the content checked, not from whatever the working tree holds now.
 */
export function addRecord(loaded: LoadedRegistry, ref: FileRef, value: unknown, text: () => string): void {
  let parsed: ParsedYaml | undefined;
  const locateIn = (at: readonly PathSegment[]): Position => {
    parsed ??= parseYaml(text());
    return locate(parsed, at);
  };
  const base = { file: ref.file, path: join(loaded.root, ref.file), project: ref.project, locate: locateIn };
  // The value passed its kind's schema in check-file.ts.
  if (ref.kind === "project") loaded.projects.push({ ...base, kind: "project", data: value as ProjectData });
  else if (ref.kind === "model") loaded.models.push({ ...base, kind: "model", model: ref.model, data: value as ModelData });
  else loaded.experiments.push({ ...base, kind: "experiment", model: ref.model, id: ref.id, data: value as ExperimentData });
}

export async function loadRegistry(opts: { registry: string; workers?: number; cacheDir?: string | false }): Promise<LoadedRegistry> {
  const versionsOf = opts.cacheDir ? fileVersions(opts.registry) : undefined;
  const listing = await listRegistry(opts.registry);
  const refs = placedRefs(listing);
  const tokens = versionsOf ? await versionsOf(refs.map((r) => r.file)) : [];
  const versions = new Map<string, string>();
  for (const [i, r] of refs.entries()) if (tokens[i] !== undefined) versions.set(r.file, tokens[i]);
  // A site build of an unchanged 100k registry parses nothing: every record comes from the cache.
  const session = new CheckSession({
    root: listing.root,
    cacheDir: opts.cacheDir ?? false,
    keepValues: true,
    versionOf: (file) => versions.get(file),
    workers: opts.workers,
  });
  const entries = await session.check(refs);
  session.save((file) => listing.files.has(file));
  const checked = refs.map((ref, i) => ({ ref, value: entries[i].value }));
  const diagnostics = [
    ...entries.flatMap((c) => c.diagnostics),
    ...runRegistryRules({ paths: listing.paths, files: listing.files, dirs: listing.dirs, refs, summaries: session.summaries, scope: null }),
  ].sort(byPosition);

  const loaded: LoadedRegistry = { root: listing.root, projects: [], models: [], experiments: [], diagnostics, ...(versionsOf ? { versions } : {}) };
  for (const { ref, value } of checked) {
    if (value !== undefined) addRecord(loaded, ref, value, () => readFileSync(join(listing.root, ref.file), "utf8"));
  }
  return loaded;
}
