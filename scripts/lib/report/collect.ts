// `modelreg report` (issue #8): what changed in a registry between the merge
// base of a ref and a head (a commit, or the working tree), compared with the
// state before the change. Reads only the touched models' files, never the
// whole registry, and returns data; the command formats it.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { place } from "../core/layout.ts";
import { type RegistryRuns, registryRuns } from "../domain/model-runs.ts";
import { type ChangedFile, changedFiles, commitOf, filesAt, mergeBase } from "../git/git.ts";
import { readAt } from "../git/git-blobs.ts";
import { assertRegistryDir } from "../registry/listing.ts";
import type { ExperimentRecord, LoadedRegistry } from "../registry/loader.ts";
import type { Diagnostic } from "../schema/types.ts";
import { validateRegistry } from "../validate/validate.ts";
import { bestComparable, compare, delta, type ModelView, parameterChanges, runRef } from "./compare.ts";
import { snapshotOf } from "./snapshot.ts";
import type { AliasEntry, DeletedEntry, ExperimentEntry, ModelEntry, ProjectEntry, ReportData } from "./types.ts";

export interface ReportOptions {
  registry: string;
  /** Compared from the merge base of this ref and the head. */
  base: string;
  /** A commit to report on; the working tree when absent. */
  head?: string;
}

/** The models with their runs (domain/model-runs.ts, as the site shapes them), and the project names. */
type Runs = RegistryRuns<ModelView["record"], ExperimentRecord> & { projectName: Map<string, string> };

function runsOf(loaded: LoadedRegistry): Runs {
  const projectName = new Map(loaded.projects.map((p) => [p.project, p.data.name]));
  return { ...registryRuns({ models: loaded.models, experiments: loaded.experiments, exists: (p) => projectName.has(p) }), projectName };
}

/** The files of the touched projects and models: enough to rank, resolve aliases and diff. */
function scopeOf(changes: ChangedFile[]): string[] {
  const scope = new Set<string>();
  for (const c of changes) {
    const p = place(c.file);
    if (!p.ok) continue;
    scope.add(`${p.ref.project}/project.yaml`);
    if (p.ref.model) scope.add(`${p.ref.project}/models/${p.ref.model}`);
  }
  return [...scope];
}

async function headContents(opts: ReportOptions, files: string[]): Promise<Map<string, Buffer | undefined>> {
  if (opts.head !== undefined) return readAt(opts.registry, opts.head, files);
  return new Map(files.map((f) => [f, readFileSync(join(opts.registry, f))]));
}

async function problemsOf(opts: ReportOptions, base: string, fileProblems: Diagnostic[], changed: Set<string>): Promise<Diagnostic[]> {
  // On the working tree, everything `validate --changed-since` says (registry rules too); on a commit, the file checks.
  const all =
    opts.head === undefined
      ? (await validateRegistry({ registry: opts.registry, changedSince: base, cacheDir: false })).diagnostics
      : fileProblems.filter((d) => changed.has(d.file));
  return all.map((d) => ({ ...d, file: relative(process.cwd(), join(opts.registry, d.file)) || d.file }));
}

export async function collectReport(opts: ReportOptions): Promise<ReportData> {
  assertRegistryDir(opts.registry);
  const base = await mergeBase(opts.registry, opts.base, opts.head);
  const head: ReportData["head"] = opts.head === undefined ? { ref: null, commit: null } : { ref: opts.head, commit: await commitOf(opts.registry, opts.head) };
  const changes = await changedFiles(opts.registry, base, opts.head);
  const scope = scopeOf(changes);
  const before = await readAt(opts.registry, base, await filesAt(opts.registry, base, scope));
  const present = changes.filter((c) => c.status !== "deleted").map((c) => c.file);
  const after = new Map(before);
  for (const c of changes) if (c.status === "deleted") after.delete(c.file);
  for (const [file, bytes] of await headContents(opts, present)) after.set(file, bytes);

  const defined = (m: Map<string, Buffer | undefined>) => new Map([...m].filter((e): e is [string, Buffer] => e[1] !== undefined));
  const old = snapshotOf(opts.registry, defined(before));
  const now = snapshotOf(opts.registry, defined(after));
  const oldSite = runsOf(old.loaded);
  const newSite = runsOf(now.loaded);
  const problems = await problemsOf(opts, base, now.diagnostics, new Set(present));
  const display = (file: string) => relative(process.cwd(), join(opts.registry, file)) || file;
  const count = (file: string, severity: Diagnostic["severity"]) => problems.filter((d) => d.file === display(file) && d.severity === severity).length;

  const models = new Map<string, ModelEntry>();
  const projects: ProjectEntry[] = [];
  const deleted: DeletedEntry[] = [];
  const modelEntry = (key: string): ModelEntry => {
    const known = models.get(key);
    if (known) return known;
    const entry = newModelEntry(key, oldSite, newSite);
    models.set(key, entry);
    return entry;
  };
  for (const c of changes) {
    const p = place(c.file);
    if (!p.ok) continue;
    const { ref } = p;
    const key = `${ref.project}/${ref.model}`;
    if (c.status === "deleted") {
      deleted.push(deletedEntry(display(c.file), ref.kind, ref.project, ref.model, ref.id, oldSite));
    } else if (ref.kind === "project") {
      projects.push({ project: ref.project, name: newSite.projectName.get(ref.project), status: c.status });
    } else if (ref.kind === "model") {
      modelEntry(key);
    } else {
      const entry = modelEntry(key);
      entry.experiments.push(
        experimentEntry({
          file: c.file,
          id: ref.id,
          status: c.status,
          after: newSite.modelsByKey.get(key),
          before: oldSite.modelsByKey.get(key),
          entry,
          display: display(c.file),
          errors: count(c.file, "error"),
          warnings: count(c.file, "warning"),
        }),
      );
    }
  }
  for (const [key, entry] of models) entry.aliases = aliasChanges(oldSite.modelsByKey.get(key), newSite.modelsByKey.get(key), entry);
  const list = [...models.values()].sort((a, b) => `${a.project}/${a.model}`.localeCompare(`${b.project}/${b.model}`));
  const all = list.flatMap((m) => m.experiments);
  return {
    base: { ref: opts.base, commit: base },
    head,
    counts: {
      added: all.filter((e) => e.status === "added").length,
      modified: all.filter((e) => e.status === "modified").length,
      deleted: deleted.length,
      aliasChanges: list.reduce((n, m) => n + m.aliases.length, 0),
      models: list.length,
      errors: problems.filter((d) => d.severity === "error").length,
      warnings: problems.filter((d) => d.severity === "warning").length,
    },
    projects,
    models: list,
    deleted,
    problems,
  };
}

function newModelEntry(key: string, before: Runs, after: Runs): ModelEntry {
  const [project, model] = key.split("/");
  const now = after.modelsByKey.get(key);
  const old = before.modelsByKey.get(key);
  const metric = now?.primary ?? old?.primary;
  const production = old?.aliases.get("production");
  return {
    project,
    model,
    name: now?.record.data.name ?? old?.record.data.name ?? model,
    new: old === undefined,
    ...(metric && { metric }),
    ...(production && { production: runRef(production, metric) }),
    experiments: [],
    aliases: [],
  };
}

function experimentEntry(o: {
  file: string;
  id: string;
  status: "added" | "modified";
  after?: ModelView;
  before?: ModelView;
  entry: ModelEntry;
  display: string;
  errors: number;
  warnings: number;
}): ExperimentEntry {
  const run = o.after?.experiments.find((e) => e.file === o.file);
  const bare = { status: o.status, file: o.display, id: o.id, errors: o.errors, warnings: o.warnings, parameters: [] };
  if (!run || !o.after) return { ...bare, readable: false };
  const metric = o.entry.metric;
  const value = metric ? run.data.evaluations?.[metric.name] : undefined;
  const production = o.before?.aliases.get("production");
  const previous = o.before?.experiments.find((e) => e.id === run.id);
  const best = bestComparable(run, o.before, metric);
  return {
    ...bare,
    ...(run.data.version !== undefined && { version: run.data.version }),
    ...(value !== undefined && { value }),
    readable: true,
    ...(previous && { previous: compare(value, previous, metric) }),
    ...(production && { production: compare(value, production, metric) }),
    ...(best && { bestComparable: compare(value, best, metric) }),
    parameters: parameterChanges(run, production),
  };
}

function aliasChanges(before: ModelView | undefined, after: ModelView | undefined, entry: ModelEntry): AliasEntry[] {
  const was = before?.record.data.aliases ?? {};
  const is = after?.record.data.aliases ?? {};
  const out: AliasEntry[] = [];
  for (const alias of [...new Set([...Object.keys(was), ...Object.keys(is)])].sort()) {
    if (was[alias] === is[alias]) continue;
    const from = before?.aliases.get(alias);
    const to = after?.aliases.get(alias);
    const fromRef = from && runRef(from, entry.metric);
    const toRef = to && runRef(to, entry.metric);
    out.push({
      alias,
      ...(was[alias] !== undefined && { fromTarget: was[alias] }),
      ...(is[alias] !== undefined && { toTarget: is[alias] }),
      ...(fromRef && { from: fromRef }),
      ...(toRef && { to: toRef }),
      ...(entry.metric ? delta(toRef?.value, fromRef?.value, entry.metric.goal) : {}),
    });
  }
  return out;
}

function deletedEntry(
  file: string,
  kind: DeletedEntry["kind"],
  project: string,
  model: string | undefined,
  id: string | undefined,
  before: Runs,
): DeletedEntry {
  const run: ExperimentRecord | undefined = id ? before.experiments.get(id) : undefined;
  return {
    file,
    kind,
    project,
    ...(model && { model }),
    ...(id && { id }),
    ...(run?.data.version !== undefined && { version: run.data.version }),
    aliases: (id && before.aliasesOf.get(id)) || [],
  };
}
