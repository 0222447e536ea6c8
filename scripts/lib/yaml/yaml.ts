// The one YAML module: nobody else imports the yaml package (.dependency-cruiser.mjs
// checks it). Parsing is strict YAML 1.2 (core schema) with every safety limit in
// one place. yaml/ may import only core/.
import { Document, isMap, isScalar, isSeq, LineCounter, type Node, parse, parseDocument, visit, type YAMLError } from "yaml";
import type { PathSegment } from "../core/record-path.ts";

export const LIMITS = {
  /** Largest registry file accepted, in bytes. */
  maxBytes: 1024 * 1024,
  /** Deepest nesting of maps and lists accepted. */
  maxDepth: 32,
  /** Most alias expansions in one file (alias bombs stop here). */
  maxAliasCount: 100,
} as const;

const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

export interface Position {
  line: number;
  col: number;
}

export interface YamlProblem extends Position {
  code: string;
  message: string;
  hint: string;
}

export interface ParsedYaml {
  value: unknown;
  doc: Document | null;
  lineCounter: LineCounter;
  problems: YamlProblem[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const REPLACEMENT = "\uFFFD";

/** Decodes strict UTF-8 (a BOM is dropped); on bad bytes says where the first one is. */
export function decodeUtf8(bytes: Buffer): { text: string } | { problem: YamlProblem } {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    // Lenient decoding turns each bad sequence into U+FFFD; the first one that is
    // not a real, correctly encoded U+FFFD (EF BF BD) is the culprit.
    const lenient = bytes.toString("utf8");
    let offset = 0;
    let idx = lenient.indexOf(REPLACEMENT);
    for (; idx !== -1; idx = lenient.indexOf(REPLACEMENT, idx + 1)) {
      offset = Buffer.byteLength(lenient.slice(0, idx));
      if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) break;
    }
    return {
      problem: {
        code: "NOT_UTF8",
        ...positionAt(lenient, Math.max(idx, 0)),
        message: `byte 0x${bytes[offset]?.toString(16).padStart(2, "0")} at offset ${offset} is not valid UTF-8`,
        hint: "Save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8 FILE > FILE.new` and rename it).",
      },
    };
  }
}

/** Line and column (1-based) of a character offset. */
function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

/**
 * Refuses flow nesting deeper than the limit before the parser sees it: the yaml
 * package composes recursively, and `[[[[…` a few hundred thousand deep exhausts
 * memory instead of throwing. Brackets inside strings are counted too; a file
 * needs more than 32 unclosed ones in a row to be refused by mistake.
 */
function flowTooDeep(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > LIMITS.maxDepth) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return -1;
}

function tooDeep(at: Position): YamlProblem {
  return {
    code: "TOO_DEEP",
    ...at,
    message: `nesting is deeper than ${LIMITS.maxDepth} levels`,
    hint: `Flatten the structure; registry files allow at most ${LIMITS.maxDepth} levels of maps and lists.`,
  };
}

const HINTS: Record<string, string> = {
  DUPLICATE_KEY: "Keep one of the two keys; YAML maps must not repeat a key.",
  MULTIPLE_DOCS: "Put one document in each file: remove the `---` separator and what follows, or split it into its own file.",
  TAB_AS_INDENT: "Indent with spaces, not tabs.",
  TAG_RESOLVE_FAILED: "Remove the tag: registry files hold plain data (maps, lists, strings, numbers, booleans).",
  BAD_ALIAS: "Define the anchor (`&name`) before using the alias (`*name`).",
};

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const problems: YamlProblem[] = [];
  const fail = (p: YamlProblem): ParsedYaml => ({ value: undefined, doc: null, lineCounter, problems: [p] });

  const deepAt = flowTooDeep(text);
  if (deepAt !== -1) return fail(tooDeep(positionAt(text, deepAt)));

  const doc = parseDocument(text, {
    version: "1.2",
    schema: "core",
    merge: false,
    strict: true,
    uniqueKeys: true,
    lineCounter,
  });
  for (const e of withoutEchoes([...doc.errors, ...doc.warnings])) problems.push(describe(doc, text, lineCounter, e));
  if (problems.length === 0 && text.includes("!")) problems.push(...checkNodes(doc, lineCounter));
  if (problems.length > 0) return { value: undefined, doc, lineCounter, problems };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch (err) {
    return fail({
      code: "ALIAS_BOMB",
      ...lineCounter.linePos(firstAliasOffset(doc)),
      message: `aliases expand too much (${(err as Error).message})`,
      hint: `Write the data out instead of using anchors and aliases; at most ${LIMITS.maxAliasCount} alias expansions are allowed.`,
    });
  }
  if (value === null || value === undefined) {
    return fail({ code: "EMPTY", line: 1, col: 1, message: "the file is empty", hint: "Write the record's fields, or delete the file." });
  }
  const deep = depthExceeded(doc.contents as Node);
  if (deep) return fail(tooDeep(lineCounter.linePos(deep.range?.[0] ?? 0)));
  return { value, doc, lineCounter, problems };
}

/**
 * After a syntax error the parser resynchronises by guessing, and most of what it
 * reports next echoes that error (one tab-indented line gives a dozen). Keep the
 * problems up to the first syntax error, and later ones of the same kind: each
 * tab-indented line is worth naming.
 */
function withoutEchoes(errors: YAMLError[]): YAMLError[] {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const first = sorted.find((e) => e.name === "YAMLParseError" && e.code !== "DUPLICATE_KEY");
  return first ? sorted.filter((e) => e.pos[0] <= first.pos[0] || e.code === first.code) : sorted;
}

/** A parser error as a problem, reworded where the parser speaks to a programmer rather than to the file's author. */
function describe(doc: Document, text: string, lc: LineCounter, e: YAMLError): YamlProblem {
  const quoteAt = unclosedQuoteStart(doc, e);
  if (quoteAt !== null) {
    return { code: e.code, ...lc.linePos(quoteAt), message: "this quoted string is never closed", hint: "Add the closing quote where the value ends." };
  }
  const message =
    e.code === "DUPLICATE_KEY"
      ? `the key \`${keyAt(doc, e.pos[0])}\` is repeated in this map`
      : e.code === "MULTIPLE_DOCS"
        ? "the file holds more than one YAML document (a `---` line starts another)"
        : e.code === "TAG_RESOLVE_FAILED"
          ? `the tag ${text.slice(e.pos[0], e.pos[1])} is not allowed`
          : e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  return {
    code: e.code,
    ...(e.linePos?.[0] ?? { line: 1, col: 1 }),
    message,
    hint: HINTS[e.code] ?? "Fix the YAML syntax at this spot; `yamllint` or your editor's YAML mode shows the structure.",
  };
}

/** The map key whose node starts at an offset, as read. */
function keyAt(doc: Document, offset: number): string {
  let key = "";
  visit(doc, {
    Pair(_key, pair) {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return;
      key = String(pair.key.value);
      return visit.BREAK;
    },
  });
  return key;
}

/**
 * An unclosed quote is only noticed where the file ends; the useful spot is the
 * opening quote, which is where the string's node starts.
 */
function unclosedQuoteStart(doc: Document, e: YAMLError): number | null {
  if (e.code !== "MISSING_CHAR" || !/closing .?quote/.test(e.message)) return null;
  let start: number | null = null;
  visit(doc, {
    Scalar(_key, node) {
      if (node.range?.[1] !== e.pos[0] || (node.type !== "QUOTE_DOUBLE" && node.type !== "QUOTE_SINGLE")) return;
      start = node.range[0];
      return visit.BREAK;
    },
  });
  return start;
}

/** Where an alias bomb starts: the first alias in the file. */
function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** Explicit tags outside the core schema (`!!binary`, `!!js/function`, `!python/…`) are refused. */
function checkNodes(doc: Document, lc: LineCounter): YamlProblem[] {
  const found: YamlProblem[] = [];
  visit(doc, {
    Node(_key, node) {
      const tag = (node as { tag?: string }).tag;
      if (tag && !CORE_TAGS.has(tag)) {
        const at = lc.linePos(node.range?.[0] ?? 0);
        found.push({
          code: "CUSTOM_TAG",
          ...at,
          message: `the tag ${tag.replace("tag:yaml.org,2002:", "!!")} is not allowed`,
          hint: HINTS.TAG_RESOLVE_FAILED,
        });
      }
    },
  });
  return found;
}

function depthExceeded(root: Node | null): Node | null {
  const stack: Array<[Node, number]> = root ? [[root, 1]] : [];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    if (isMap(node) || isSeq(node)) {
      if (depth > LIMITS.maxDepth) return node;
      for (const item of node.items as unknown[]) {
        const child = isMap(node) ? (item as { value: Node | null }).value : (item as Node);
        if (child && !isScalar(child)) stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/**
 * The yaml package's own parse with its defaults: no limits, no positions.
 * Only the benchmark's naive baselines call it, to time the obvious code
 * against ours; registry files always go through parseYaml.
 */
export function parseUnchecked(text: string): unknown {
  return parse(text);
}

/**
 * The position of a path in a document: the key of the deepest map entry (or
 * the list item) that exists along it. Used to point errors at the exact spot.
 */
export function locate(parsed: Pick<ParsedYaml, "doc" | "lineCounter">, path: readonly PathSegment[]): Position {
  let node: unknown = parsed.doc?.contents;
  let offset = (node as Node | undefined)?.range?.[0] ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number" && node.items[seg]) {
      node = node.items[seg];
      offset = (node as Node).range?.[0] ?? offset;
    } else break;
  }
  return parsed.lineCounter.linePos(offset);
}

/** The source text of the scalar at a path, as written (e.g. `1.10`, not 1.1). */
export function sourceAt(parsed: Pick<ParsedYaml, "doc">, path: readonly PathSegment[]): string | undefined {
  const node = parsed.doc?.getIn(path, true);
  return isScalar(node) ? ((node.source as string | undefined) ?? String(node.value)) : undefined;
}

/** How every registry file is written: no line folding, `{a: 1}` flow maps. Edits re-serialise with the same options so untouched lines stay as they were. */
const STRINGIFY_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/** Serialises a parsed (and possibly edited) document the way registry files are written. */
export function stringifyDocument(doc: Document): string {
  return doc.toString(STRINGIFY_OPTIONS);
}

/**
 * Small maps inside lists (history points) read best on one line each. A walk
 * of maps and lists only: `visit` also steps through every scalar, which made
 * it a seventh of an import's time (issue #18).
 */
function flowSmallMapsInLists(node: unknown): void {
  if (isSeq(node)) {
    for (const item of node.items) {
      if (isMap(item) && item.items.every((p) => isScalar(p.value))) item.flow = true;
      else flowSmallMapsInLists(item);
    }
  } else if (isMap(node)) {
    for (const pair of node.items) flowSmallMapsInLists(pair.value);
  }
}

/**
 * Serialises a record for a registry file: the editor's schema line first, keys
 * in the order given, strings quoted only where YAML needs it.
 */
export function stringifyRecord(value: unknown, schemaPath: string): string {
  const doc = new Document(value, { version: "1.2", schema: "core" });
  flowSmallMapsInLists(doc.contents);
  return `# yaml-language-server: $schema=${schemaPath}\n${doc.toString(STRINGIFY_OPTIONS)}`;
}

/** Serialises plain data the way registry files are written, without the schema line: YAML that goes elsewhere, such as a model card's front matter. */
export function stringifyYaml(value: unknown): string {
  return new Document(value, { version: "1.2", schema: "core" }).toString(STRINGIFY_OPTIONS);
}
