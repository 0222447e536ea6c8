// Editing a registry file in place (issue #4: `update`, `promote`). The file is
// parsed strictly (parseYaml), the returned yaml Document is changed, and the
// result is written back so that only the edited lines differ: comments, blank
// lines, key order and the spelling of untouched values all survive. Checking
// the edited text is write/edit-check.ts's job: yaml/ imports only core/.
import { type Document, isMap, isScalar, type Node, type Pair, Scalar, YAMLMap } from "yaml";
import { DataError } from "../core/errors.ts";
import { carryOver } from "./_carry-over.ts";
import { decodeUtf8, parseYaml, stringifyDocument } from "./yaml.ts";

export type ScalarValue = string | number | boolean;

/** A map in an edited document (the yaml package's type, named here so editors need not import the package). */
export type EditableMap = YAMLMap;

export interface EditableFile {
  /** The path as the user sees it, for messages. */
  file: string;
  doc: Document;
  /** The text as read (line endings made `\n`). */
  original: string;
  /** How the yaml package writes the unedited document; usually `original` itself. */
  before: string;
  crlf: boolean;
}

/** Parses a registry file for editing; one that is not UTF-8 or well-formed YAML is refused. */
export function openForEdit(bytes: Buffer, file: string): EditableFile {
  const decoded = decodeUtf8(bytes);
  const text = "text" in decoded ? decoded.text : "";
  const parsed = parseYaml(text);
  const problem = "problem" in decoded ? decoded.problem : parsed.problems[0];
  if (problem || !parsed.doc || !isMap(parsed.doc.contents)) {
    throw new DataError(
      `${file}${problem ? `:${problem.line}:${problem.col}: ${problem.message}` : " does not hold a map of fields"}`,
      "E_INVALID",
      `Fix the file first (\`modelreg validate\` shows every problem), then run the command again.${problem ? ` ${problem.hint}` : ""}`,
    );
  }
  return { file, doc: parsed.doc, original: text.replace(/\r\n/g, "\n"), before: stringifyDocument(parsed.doc), crlf: text.includes("\r\n") };
}

/** The file's top-level map; openForEdit refused any file whose top level is not one. */
export function rootMap(f: EditableFile): YAMLMap {
  const root = f.doc.contents;
  if (!isMap(root)) throw new Error(`internal: ${f.file} was opened for editing without a top-level map`);
  return root;
}

/** The map under a top-level key; created empty at the end of the file when missing and `create` is set. */
export function mapAt(f: EditableFile, key: string, create: true): YAMLMap;
export function mapAt(f: EditableFile, key: string, create: boolean): YAMLMap | undefined;
export function mapAt(f: EditableFile, key: string, create: boolean): YAMLMap | undefined {
  const root = rootMap(f);
  const node = root.get(key, true);
  if (isMap(node)) return node;
  if (node !== undefined && !(isScalar(node) && node.value === null)) {
    throw new DataError(
      `${f.file}: \`${key}\` is not a map`,
      "E_INVALID",
      `Fix the file first: \`${key}\` holds name: value lines. \`modelreg validate\` shows every problem.`,
    );
  }
  if (!create) return undefined;
  const map = new YAMLMap();
  root.set(key, map);
  return map;
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** The keys of a map, in file order. */
export function keysOf(map: YAMLMap | undefined): string[] {
  return map ? map.items.map(keyOf) : [];
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => keyOf(p) === key);
}

/** The plain value under a key (a scalar's value, a collection as JS data), or undefined when absent. */
export function valueAt(map: YAMLMap, key: string): unknown {
  const value = pairOf(map, key)?.value;
  if (value === undefined) return undefined;
  return isScalar(value) ? value.value : (value as Node).toJSON();
}

/**
 * Sets a scalar. A new key goes at the end of the map, or right after
 * `after` when given; a replaced value keeps its comments, the blank line
 * before it and, for text, its quoting style.
 */
export function setScalar(f: EditableFile, map: YAMLMap, key: string, value: ScalarValue, after?: string): void {
  const pair = pairOf(map, key);
  if (!pair) {
    const fresh = f.doc.createPair(key, value);
    const anchor = after === undefined ? undefined : pairOf(map, after);
    const at = anchor === undefined ? -1 : map.items.indexOf(anchor);
    if (at === -1) map.items.push(fresh);
    else map.items.splice(at + 1, 0, fresh);
    return;
  }
  const next = new Scalar(value);
  const old = pair.value;
  if (isScalar(old)) {
    next.comment = old.comment;
    next.commentBefore = old.commentBefore;
    next.spaceBefore = old.spaceBefore;
    if (typeof value === "string" && typeof old.value === "string") next.type = old.type;
  }
  pair.value = next;
}

/** Removes a key; a map left empty is removed from the file too. */
export function removeKey(f: EditableFile, parent: string, key: string): void {
  const map = mapAt(f, parent, false);
  if (!map) return;
  map.delete(key);
  if (map.items.length === 0) rootMap(f).delete(parent);
}

/**
 * The edited file's new text. The change is replayed onto the original text so
 * untouched lines keep their bytes; if it cannot be, or the replay would not
 * mean exactly what the edited document means, the whole document is written
 * as the yaml package formats it, and `reformatted` says so.
 */
export function render(f: EditableFile): { text: string; reformatted: boolean } {
  const after = stringifyDocument(f.doc);
  const merged = carryOver(f.original, f.before, after);
  const same = merged !== null && (merged === after || sameData(merged, f.doc));
  const text = same ? merged : after;
  return { text: f.crlf ? text.replace(/\n/g, "\r\n") : text, reformatted: !same };
}

function sameData(text: string, doc: Document): boolean {
  const parsed = parseYaml(text);
  return parsed.problems.length === 0 && JSON.stringify(parsed.value) === JSON.stringify(doc.toJS());
}
