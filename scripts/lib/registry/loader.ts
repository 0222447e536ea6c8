// The one loader (BRIEF.md "Parts"): reads a registry into typed records for
// the CLI's read commands, reports and the site. It runs every check the
// validator runs, so a record here is always a schema-valid file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cachePath, readStore, writeStore } from "../cache/cache.ts";
import type { Diagnostic, ExperimentData, FileRef, FileSummary, Kind, KindData, ModelData, ProjectData } from "../schema/types.ts";
import { byPosition, cacheKey, placedRefs, runRegistryRules } from "../validate/validate.ts";
import { locate, type PathSegment, type Position, parseYaml } from "../yaml/yaml.ts";
import { fileVersions } from "./file-versions.ts";
import { listRegistry } from "./listing.ts";
import { checkFiles } from "./pool.ts";
import type { CheckedFile } from "./read-and-check.ts";

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

/** A file as the record cache keeps it: version token, content hash, and what checking it gave. */
type Stored = [version: string, hash: string, summary: FileSummary | null, diagnostics: Diagnostic[], value: unknown];

/**
 * Every file checked, from the record cache where its version token is
 * unchanged (a site build of an unchanged 100k registry parses nothing), the
 * rest read, parsed and checked on both cores. The cache is written back only
 * when something was parsed or a file went away.
 */
async function checkWithCache(
  root: string,
  refs: FileRef[],
  versions: Array<string | undefined>,
  opts: { cacheDir?: string | false; workers?: number },
): Promise<CheckedFile[]> {
  const store = opts.cacheDir ? cachePath(opts.cacheDir, "records", root) : undefined;
  const cached = store ? readStore<Stored>(store, cacheKey()).entries : new Map<string, Stored>();
  const out = new Map<string, CheckedFile>();
  const misses: FileRef[] = [];
  refs.forEach((ref, i) => {
    const e = cached.get(ref.file);
    if (e && versions[i] && e[0] === versions[i]) out.set(ref.file, { ref, hash: e[1], summary: e[2], diagnostics: e[3], value: e[4] ?? undefined });
    else misses.push(ref);
  });
  for (const c of await checkFiles(root, misses, { keepValues: true, workers: opts.workers })) out.set(c.ref.file, c);
  if (store && (misses.length > 0 || cached.size !== refs.length)) {
    writeStore(
      store,
      cacheKey(),
      new Map(
        refs.map((ref, i): [string, Stored] => {
          const c = out.get(ref.file)!;
          return [ref.file, [versions[i] ?? "", c.hash, c.summary, c.diagnostics, c.value ?? null]];
        }),
      ),
    );
  }
  return refs.map((r) => out.get(r.file)!);
}

export async function loadRegistry(opts: { registry: string; workers?: number; cacheDir?: string | false }): Promise<LoadedRegistry> {
  const versionsOf = opts.cacheDir ? fileVersions(opts.registry) : undefined;
  const listing = await listRegistry(opts.registry);
  const refs = placedRefs(listing);
  const versions = versionsOf ? await versionsOf(refs.map((r) => r.file)) : [];
  const checked = await checkWithCache(listing.root, refs, versions, opts);
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
