// `modelreg promote` (issue #4): moves an alias (`production`, `staging`) of a
// model to one of its experiments, optionally giving that experiment its
// version label at the same time; `--remove` deletes an alias. Versions are
// immutable labels: one is given once, and never reused within a model, since
// inference logs carry it for years.
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { DataError, UsageError } from "../core/errors.ts";
import { VERSION_PATTERN } from "../core/ids.ts";
import { filePathFor, place } from "../core/layout.ts";
import { parseRef } from "../core/ref.ts";
import { didYouMean } from "../core/suggest.ts";
import { versionTaken } from "../domain/versions.ts";
import { assertRegistryDir } from "../registry/listing.ts";
import { assertModelExists, type ExperimentLocation, experimentsWithVersion, resolveSelector } from "../registry/refs.ts";
import { type EditableFile, keysOf, mapAt, openForEdit, removeKey, render, rootMap, setScalar, valueAt } from "../yaml/edit.ts";
import { assertValidEdit, loadValidators } from "./edit-check.ts";
import { withLock } from "./lock.ts";
import { replaceFile } from "./write.ts";

/** The schema's pattern for alias names (schemas/model.schema.json). */
export const ALIAS_PATTERN = /^[a-z][a-z0-9_-]{0,62}$/;

export interface PromoteOptions {
  registry: string;
  /** `project/model@version|alias|id`, or `project/model` with `remove`. */
  ref: string;
  alias: string;
  version?: string;
  remove: boolean;
  dryRun: boolean;
}

export interface PromoteResult {
  project: string;
  model: string;
  alias: string;
  /** What the alias named before and after; undefined when it did not exist / was removed. */
  before?: string;
  after?: string;
  experiment?: ExperimentLocation;
  /** Set when the experiment was given its version label by this promotion. */
  labelled?: string;
  changed: boolean;
  /** Files written (or, on a dry run, that would have been). */
  files: string[];
}

/** A registry file opened for editing, with what is needed to check and write it. */
interface Target {
  abs: string;
  shown: string;
  rel: string;
  edit: EditableFile;
}

function open(registry: string, rel: string): Target {
  const abs = join(registry, rel);
  const shown = relative(process.cwd(), abs) || abs;
  return { abs, shown, rel, edit: openForEdit(readFileSync(abs), shown) };
}

/** Renders and validates every edited file, then writes them: nothing is written unless all are valid. */
function commit(targets: Target[], dryRun: boolean): string[] {
  const texts = targets.map((t) => {
    const { text } = render(t.edit);
    const placed = place(t.rel);
    if (!placed.ok) throw new DataError(`${t.shown} is not where a registry file can be`, "E_INVALID", placed.hint);
    assertValidEdit(placed.ref, t.edit, text);
    return text;
  });
  if (!dryRun) {
    for (const [i, t] of targets.entries()) replaceFile(t.abs, texts[i]);
  }
  return targets.map((t) => t.shown);
}

function parseTarget(opts: PromoteOptions): { project: string; model: string; selector?: string } {
  if (!ALIAS_PATTERN.test(opts.alias)) {
    throw new UsageError(
      `--alias "${opts.alias}" is not an alias name`,
      "E_BAD_FLAG",
      "Alias names are lower-case: a letter, then letters, digits, `_` or `-` (e.g. `production`, `staging`, `canary-eu`).",
    );
  }
  if (opts.version !== undefined && !VERSION_PATTERN.test(opts.version)) {
    throw new UsageError(
      `--version "${opts.version}" is not a version label`,
      "E_BAD_FLAG",
      "Versions are letters, digits, `.`, `_`, `+` and `-`, starting with a letter or digit (e.g. `1.4.0`, `v7`, `2026-03-rc1`).",
    );
  }
  const ref = parseRef(opts.ref);
  if (ref.kind !== "model" && ref.kind !== "experiment") {
    throw new UsageError(
      `"${opts.ref}" does not name a model's experiment`,
      "E_BAD_REF",
      "Write `project/model@version` (or `@id-prefix`), e.g. `modelreg promote animals/resnet50@1.3.0 --alias production`.",
    );
  }
  const selector = ref.kind === "experiment" ? ref.selector : undefined;
  if (opts.remove && (selector !== undefined || opts.version !== undefined)) {
    throw new UsageError(
      "--remove takes only `project/model` and --alias",
      "E_BAD_FLAG",
      `Write \`modelreg promote ${ref.project}/${ref.model} --alias ${opts.alias} --remove\`.`,
    );
  }
  if (!opts.remove && selector === undefined) {
    throw new UsageError(
      `"${opts.ref}" names a model; which experiment gets the alias?`,
      "E_BAD_REF",
      `Write \`${ref.project}/${ref.model}@<version|id-prefix>\`, or add --remove to delete the alias.`,
    );
  }
  return { project: ref.project, model: ref.model, selector };
}

export async function promote(opts: PromoteOptions): Promise<PromoteResult> {
  const { project, model, selector } = parseTarget(opts);
  assertRegistryDir(opts.registry);
  assertModelExists(opts.registry, project, model);
  const modelRel = filePathFor({ kind: "model", project, model });
  loadValidators();
  // One lock per model: versions are unique per model, so two promotions (or a
  // promotion and an `add --version`) must not both see a label as free.
  return withLock(dirname(join(opts.registry, modelRel)), async () => {
    const m = open(opts.registry, modelRel);
    const aliases = mapAt(m.edit, "aliases", false);
    const names = keysOf(aliases);
    const held = aliases ? valueAt(aliases, opts.alias) : undefined;
    const before = held === undefined ? undefined : String(held);
    const base = { project, model, alias: opts.alias, before };
    if (selector === undefined) {
      if (before === undefined) {
        throw new DataError(
          `${project}/${model} has no alias "${opts.alias}"`,
          "E_NO_ALIAS",
          `${didYouMean(opts.alias, names)}Aliases: ${names.join(", ") || "(none)"}.`,
        );
      }
      removeKey(m.edit, "aliases", opts.alias);
      return { ...base, changed: true, files: commit([m], opts.dryRun) };
    }
    const experiment = resolveSelector(opts.registry, project, model, selector);
    // The experiment file is locked too: `update` on it locks only the file.
    return withLock(join(opts.registry, experiment.file), () => {
      const e = open(opts.registry, experiment.file);
      const root = rootMap(e.edit);
      const current = valueAt(root, "version");
      if (current !== undefined && typeof current !== "string") {
        throw new DataError(`${e.shown}: \`version\` is not a string`, "E_INVALID", "Fix the file first (`modelreg validate` shows how), then promote it.");
      }
      const labelled = opts.version !== undefined && opts.version !== current ? opts.version : undefined;
      if (labelled !== undefined) checkNewVersion(opts.registry, { project, model, names, experiment, current, version: labelled });
      const after = labelled ?? current ?? experiment.id;
      if (before === undefined && experimentsWithVersion(opts.registry, project, model, opts.alias).length > 0) {
        throw new DataError(
          `"${opts.alias}" is a version of ${project}/${model}, so it cannot also be an alias`,
          "E_ALIAS_IS_VERSION",
          `\`${project}/${model}@${opts.alias}\` would keep meaning the version. Pick another alias name.`,
        );
      }
      const result = { ...base, after, experiment, labelled };
      if (before === after && labelled === undefined) return { ...result, changed: false, files: [] };
      const targets: Target[] = [];
      if (labelled !== undefined) {
        // Where the schema (and `add`) puts it: right after the id.
        setScalar(e.edit, root, "version", labelled, "id");
        targets.push(e);
      }
      if (before !== after) {
        setScalar(m.edit, mapAt(m.edit, "aliases", true), opts.alias, after);
        targets.push(m);
      }
      // The experiment first: a crash between the two renames leaves a labelled
      // experiment and the old alias, which is still a valid registry.
      return { ...result, changed: true, files: commit(targets, opts.dryRun) };
    });
  });
}

function checkNewVersion(
  registry: string,
  c: { project: string; model: string; names: string[]; experiment: ExperimentLocation; current?: string; version: string },
): void {
  const name = `${c.project}/${c.model}`;
  if (c.current !== undefined) {
    throw new DataError(
      `experiment ${c.experiment.id} already has version "${c.current}"`,
      "E_VERSION_SET",
      `Versions are immutable labels: promote it as \`${name}@${c.current}\` without --version, or record a new experiment for ${c.version}.`,
    );
  }
  const holders = experimentsWithVersion(registry, c.project, c.model, c.version)
    .filter((x) => x.id !== c.experiment.id)
    .map((x) => x.id);
  if (holders.length > 0) {
    const taken = versionTaken({ model: name, version: c.version, holders });
    throw new DataError(taken.message, taken.code, taken.hint);
  }
  if (c.names.includes(c.version)) {
    throw new DataError(
      `"${c.version}" is an alias of ${name}, so it cannot also be a version`,
      "E_VERSION_IS_ALIAS",
      `\`${name}@${c.version}\` would stop meaning the alias. Pick another label.`,
    );
  }
}
