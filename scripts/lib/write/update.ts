// `modelreg update experiment` (issue #4): the seed's
// update_experiment_evaluation and update_experiment_artifact_file_paths, as
// a merge. New keys are added, equal values are left alone, and a value that
// would change is refused unless forced, so a re-run of an evaluation job
// never silently rewrites a recorded number.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { DataError, UsageError } from "../core/errors.ts";
import { place } from "../core/layout.ts";
import { parseRef } from "../core/ref.ts";
import { assertRegistryDir } from "../registry/listing.ts";
import { type ExperimentLocation, findExperimentById, resolveSelector } from "../registry/refs.ts";
import type { FileRef } from "../schema/types.ts";
import { type EditableFile, type EditableMap, mapAt, openForEdit, render, rootMap, type ScalarValue, setScalar, valueAt } from "../yaml/edit.ts";
import { assertValidEdit } from "./edit-check.ts";
import { withLock } from "./lock.ts";
import { replaceFile } from "./write.ts";

export interface ExperimentUpdate {
  evaluations: Record<string, number>;
  artifacts: Record<string, string>;
  tags: Record<string, string>;
  description?: string;
}

/** One value set by the update; `before` is undefined for a new key. */
interface Change {
  path: string;
  before: unknown;
  after: ScalarValue;
}

export interface UpdateResult {
  experiment: ExperimentLocation;
  /** The file as the user can open it (registry path joined, relative to the current directory). */
  path: string;
  changes: Change[];
  written: boolean;
  /** The yaml package had to re-format lines beyond the change (rare; hand-written files only). */
  reformatted: boolean;
}

const SECTIONS = ["evaluations", "artifacts", "tags"] as const;

/** An id, a unique id prefix, or `project/model@version|alias|id`. */
function locateExperiment(registry: string, text: string): ExperimentLocation {
  const ref = parseRef(text);
  if (ref.kind === "experiment") return resolveSelector(registry, ref.project, ref.model, ref.selector);
  if (ref.kind === "model") {
    throw new UsageError(
      `"${text}" names a model, not an experiment`,
      "E_NOT_EXPERIMENT",
      `Name one of its experiments: \`${text}@<version|alias|id>\`, or the experiment's id.`,
    );
  }
  // A word that is not quite an id (a typo) still gets the id's "did you mean".
  return findExperimentById(registry, ref.kind === "id" ? ref.prefix : ref.project);
}

/** A value as people read it in a one-line change list. */
export function showValue(v: unknown): string {
  if (v === undefined) return "(none)";
  if (typeof v === "string") return /[\n"]/.test(v) || v.length > 60 ? JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}…` : v) : v;
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

/** A tag written as `2` in the file and given as `--tag n=2` is the same tag. */
function same(before: unknown, after: ScalarValue, section: string): boolean {
  return before === after || (section === "tags" && (typeof before === "number" || typeof before === "boolean") && String(before) === after);
}

/** Every value that would change, in the order given, and which of them overwrite a recorded value. */
function plan(f: EditableFile, update: ExperimentUpdate): { changes: Change[]; conflicts: Change[] } {
  const changes: Change[] = [];
  const conflicts: Change[] = [];
  const consider = (section: string, map: EditableMap | undefined, key: string, after: ScalarValue) => {
    const before = map ? valueAt(map, key) : undefined;
    const change = { path: section ? `${section}.${key}` : key, before, after };
    if (before !== undefined && same(before, after, section)) return;
    changes.push(change);
    if (before !== undefined) conflicts.push(change);
  };
  for (const section of SECTIONS) {
    const map = mapAt(f, section, false);
    for (const [key, value] of Object.entries(update[section])) consider(section, map, key, value);
  }
  if (update.description !== undefined) consider("", rootMap(f), "description", update.description);
  return { changes, conflicts };
}

function apply(f: EditableFile, changes: readonly Change[]): void {
  for (const c of changes) {
    if (c.path === "description") {
      // Where the schema (and `add`) puts it, when the file has none yet.
      setScalar(f, rootMap(f), "description", c.after, "created");
      continue;
    }
    const dot = c.path.indexOf(".");
    setScalar(f, mapAt(f, c.path.slice(0, dot), true), c.path.slice(dot + 1), c.after);
  }
}

/** The whole edit, from the file's bytes: conflicts refused, new text rendered and validated. */
function prepare(bytes: Buffer, ctx: { path: string; ref: FileRef; id: string; update: ExperimentUpdate; force: boolean }) {
  const f = openForEdit(bytes, ctx.path);
  const { changes, conflicts } = plan(f, ctx.update);
  if (conflicts.length > 0 && !ctx.force) {
    const list = conflicts.map((c) => `  ${c.path}: ${showValue(c.before)} → ${showValue(c.after)}`).join("\n");
    const n = conflicts.length === 1 ? "1 value" : `${conflicts.length} values`;
    throw new DataError(
      `${n} of experiment ${ctx.id} would change:\n${list}`,
      "E_CONFLICT",
      "Nothing was written. Recorded values are not overwritten silently: pass --force to replace them, or leave those flags out to add only the new keys.",
    );
  }
  if (changes.length === 0) return { changes, text: "", reformatted: false };
  apply(f, changes);
  const { text, reformatted } = render(f);
  assertValidEdit(ctx.ref, f, text);
  return { changes, text, reformatted };
}

export async function updateExperiment(opts: {
  registry: string;
  ref: string;
  update: ExperimentUpdate;
  force: boolean;
  dryRun: boolean;
}): Promise<UpdateResult> {
  const { registry, update } = opts;
  const given = SECTIONS.reduce((n, s) => n + Object.keys(update[s]).length, update.description === undefined ? 0 : 1);
  if (given === 0) {
    throw new UsageError(
      "nothing to update: no values were given",
      "E_NOTHING",
      "Pass at least one of --metric name=value, --metrics FILE, --artifact name=uri, --tag key=value, --description TEXT.",
    );
  }
  assertRegistryDir(registry);
  const experiment = locateExperiment(registry, opts.ref);
  const file = join(registry, experiment.file);
  const path = relative(process.cwd(), file) || file;
  const placed = place(experiment.file);
  if (!placed.ok) throw new DataError(`${path} is not where an experiment file can be`, "E_INVALID", placed.hint);
  const ctx = { path, ref: placed.ref, id: experiment.id, update, force: opts.force };
  const result = (p: ReturnType<typeof prepare>, written: boolean): UpdateResult => ({
    experiment,
    path,
    changes: p.changes,
    reformatted: p.reformatted,
    written,
  });

  // The work (parsing, merging, compiling the validator on first use) happens
  // before the lock is taken. Locks go stale after a few seconds without a
  // refresh, and a process starved of CPU while holding one could otherwise
  // lose it to a parallel job mid-write; under the lock there is only a
  // compare and a rename, plus a second merge when another job wrote first.
  const read = readFileSync(file);
  let prepared = prepare(read, ctx);
  if (prepared.changes.length === 0 || opts.dryRun) return result(prepared, false);
  return withLock(file, () => {
    const now = readFileSync(file);
    if (!now.equals(read)) prepared = prepare(now, ctx);
    if (prepared.changes.length === 0) return result(prepared, false);
    replaceFile(file, prepared.text);
    return result(prepared, true);
  });
}
