// The checking and writing half of an import: each file is checked as
// `modelreg validate` checks it; files are then staged, linked into place
// exclusively (or replaced atomically, for model aliases), and if any write
// fails — or the process is killed — what was done is undone, so an import
// leaves all of its files or none.
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DataError } from "../core/errors.ts";
import { schemaPathFor } from "../core/layout.ts";
import { checkFile, recordValuePasses } from "../registry/check-file.ts";
import { schemaDocument } from "../schema/schemas.ts";
import type { Diagnostic, FileRef, Kind } from "../schema/types.ts";
import { replaceFile } from "../write/write.ts";
import { stringifyRecord } from "../yaml/yaml.ts";
import { renderedFaithfully } from "./_plain-tree.ts";
import { fsyncPaths, originalPath, sweepStaging, writeMarker, writeStaged } from "./_staging.ts";
import type { SourceProblem } from "./types.ts";

export interface Pending {
  kind: Kind;
  id: string;
  label: string;
  action: "created" | "updated";
  ref: FileRef;
  /** A new record (serialised on demand) or the full text of an edited file. */
  record?: object;
  text?: string;
  /** Where the checked file waits to be linked into place (see _staging.ts). */
  staged?: string;
}

/** Keys in the order the kind's schema lists them, so imported files read like added ones. */
function inSchemaOrder(kind: Kind, record: object): object {
  const order = Object.keys((schemaDocument(kind).properties ?? {}) as object);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => rank(a) - rank(b)));
}

function textOf(p: Pending): string {
  p.text ??= stringifyRecord(inSchemaOrder(p.kind, p.record ?? {}), schemaPathFor(p.kind));
  return p.text;
}

/**
 * What `modelreg validate` would say is wrong with the file. A new record we
 * rendered ourselves is checked as a value (the schema and the file rules);
 * only an edited file's text, a record outside the ground where rendering
 * round-trips, or one that fails goes through the full text check.
 */
export function errorsIn(p: Pending): Diagnostic[] {
  const text = textOf(p);
  if (p.record && renderedFaithfully(p.record, text) && recordValuePasses(p.ref, p.record, text)) return [];
  return checkFile(p.ref, Buffer.from(text)).diagnostics.filter((d) => d.severity === "error");
}

const KEEP_GOING = "Nothing was written. Fix the files named above and run the import again, or pass --keep-going to import everything else and skip them.";

/** Source files that could not be read: file, what is wrong, what to do. */
export function sourceProblems(problems: SourceProblem[]): DataError {
  const lines = problems.map((p) => `  ${p.file}: ${p.message}\n    hint: ${p.hint}`);
  return new DataError(
    `${problems.length === 1 ? "a source file" : `${problems.length} source files`} could not be imported:\n${lines.join("\n")}`,
    "E_BAD_SOURCE",
    KEEP_GOING,
  );
}

export function invalidRecords(bad: Pending[]): DataError {
  const lines = bad.flatMap((p) => [`  ${p.label} → ${p.ref.file}:`, ...errorsIn(p).map((d) => `    ${d.path || "(file)"}: ${d.message}  [${d.rule}]`)]);
  return new DataError(
    `${bad.length === 1 ? "a record" : `${bad.length} records`} would not pass \`modelreg validate\`:\n${lines.join("\n")}`,
    "E_INVALID_RECORD",
    KEEP_GOING,
  );
}

/** Writes a checked new file to its staging name now, so its text need not be kept until the end. */
export function stage(registry: string, p: Pending): void {
  p.staged = writeStaged(registry, p.ref.file, textOf(p));
  p.text = undefined;
}

function linkInto(staged: string, path: string): void {
  try {
    linkSync(staged, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    throw new DataError(
      `${path} already exists`,
      "E_EXISTS",
      "modelreg never overwrites a registry file; pick another id or slug, or edit the file with `modelreg update`.",
    );
  }
}

/**
 * Writes every file: new ones staged (if not yet), made durable with one pass
 * of fsyncs, linked into place; edited ones replaced atomically, their old text
 * kept until the end. A failure undoes what this call did and rethrows; a kill
 * is undone by the next import's sweep (_staging.ts).
 */
export function writeAll(registry: string, pending: Pending[]): void {
  const undo: Array<() => void> = [];
  const hidden: string[] = [];
  try {
    for (const p of pending) {
      const path = join(registry, p.ref.file);
      if (p.action === "created") p.staged ??= writeStaged(registry, p.ref.file, textOf(p));
      else writeFileSync(originalPath(registry, p.ref.file), readFileSync(path));
      hidden.push(p.staged ?? originalPath(registry, p.ref.file));
    }
    fsyncPaths(hidden);
    const dirs = new Set<string>();
    for (const p of pending) {
      const path = join(registry, p.ref.file);
      if (p.staged) {
        mkdirSync(dirname(path), { recursive: true });
        linkInto(p.staged, path);
        undo.push(() => unlinkSync(path));
      } else {
        replaceFile(path, textOf(p));
        undo.push(() => replaceFile(path, readFileSync(originalPath(registry, p.ref.file), "utf8")));
      }
      dirs.add(dirname(path));
    }
    fsyncPaths(dirs);
    writeMarker(registry);
  } catch (err) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Keep undoing the rest; the original error says what went wrong.
      }
    }
    sweepStaging(registry);
    throw err;
  }
  sweepStaging(registry);
}
