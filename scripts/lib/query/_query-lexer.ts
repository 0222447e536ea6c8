// Tokens of the query language (query.ts) and its error type. Positions are
// string indexes; QueryError turns them into the column people see.
import { DataError } from "../core/errors.ts";

/** The 1-based column of a string index, counted in characters (code points). */
export function columnOf(text: string, at: number): number {
  return [...text.slice(0, at)].length + 1;
}

/** A bad query or key: exit 1, with the column, the query and a caret under the spot. */
export class QueryError extends DataError {
  /** 1-based, counted in characters (code points). */
  readonly column: number;
  constructor(
    readonly query: string,
    at: number,
    readonly reason: string,
    hint: string,
  ) {
    const column = columnOf(query, at);
    const shown = query.replace(/[\t\r\n]/g, " ");
    super(`column ${column}: ${reason}\n  ${shown}\n  ${" ".repeat(column - 1)}^`, "E_BAD_QUERY", hint);
    this.column = column;
  }
}

export type Op = "=" | "!=" | "<" | "<=" | ">" | ">=";
type Keyword = "and" | "or" | "not" | "in" | "like" | "ilike" | "true" | "false";
/** One dot-separated part of a key, without its quotes. */
export interface Segment {
  name: string;
  at: number;
}

interface Base {
  /** The token as written. */
  text: string;
  at: number;
}
export type Token = Base &
  (
    | { kind: "key"; segments: Segment[] }
    | { kind: "keyword"; word: Keyword }
    | { kind: "op"; op: Op }
    | { kind: "number"; value: number }
    | { kind: "string"; value: string }
    | { kind: "(" | ")" | "," | "end" }
  );

const KEYWORDS = new Set<string>(["and", "or", "not", "in", "like", "ilike", "true", "false"]);
const NUMBER = /-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const GLUED = /[\w.:+-]*/y;
const BARE_SEGMENT = /[A-Za-z0-9_-]+/y;
const WRONG_OPS = new Map([
  ["==", "Write a single = to compare: metrics.accuracy = 0.9."],
  ["<>", 'Write != for "not equal".'],
]);

function match(re: RegExp, text: string, at: number): string {
  re.lastIndex = at;
  return re.exec(text)?.[0] ?? "";
}

function lexString(text: string, at: number): Token {
  const q = text[at];
  let value = "";
  for (let j = at + 1; j < text.length; j++) {
    const c = text[j];
    const next = text[j + 1];
    if (c === "\\" && (next === "'" || next === '"' || next === "\\")) {
      value += next;
      j++;
    } else if (c === q && next === q) {
      value += q;
      j++;
    } else if (c === q) {
      return { kind: "string", value, text: text.slice(at, j + 1), at };
    } else {
      value += c; // other backslashes stay, so LIKE patterns can escape % and _ (`'50\%'`)
    }
  }
  throw new QueryError(text, at, `unterminated string: no closing ${q}`, `Close the string with ${q}; inside it, write ${q}${q} or \\${q} for a ${q}.`);
}

function lexKey(text: string, at: number): Token {
  const segments: Segment[] = [];
  let j = at;
  for (;;) {
    const q = text[j];
    // As in MLflow, a part with spaces or symbols goes in backticks (or, after a dot, double quotes).
    if (q === "`" || (q === '"' && j > at)) {
      let name = "";
      let k = j + 1;
      for (; k < text.length && !(text[k] === q && text[k + 1] !== q); k++) name += text[k] === q ? text[++k] : text[k];
      if (k >= text.length)
        throw new QueryError(text, j, `unterminated quoted key part: no closing ${q}`, `Close it with ${q}; write ${q}${q} for a ${q} inside it.`);
      segments.push({ name, at: j });
      j = k + 1;
    } else {
      const name = match(BARE_SEGMENT, text, j);
      if (!name) {
        const before = text.slice(at, j);
        throw new QueryError(
          text,
          j,
          `expected a name after "${before}"`,
          `Write a name after the dot (${before}accuracy), in backticks if it has spaces or symbols (${before}\`my metric\`).`,
        );
      }
      segments.push({ name, at: j });
      j += name.length;
    }
    if (text[j] !== ".") break;
    j++;
  }
  const raw = text.slice(at, j);
  const word = raw.toLowerCase();
  if (segments.length === 1 && KEYWORDS.has(word)) return { kind: "keyword", word: word as Keyword, text: raw, at };
  return { kind: "key", segments, text: raw, at };
}

/** How a token is named in "found …" messages. */
export const found = (tok: Token) => (tok.kind === "end" ? "the end of the query" : `"${tok.text}"`);

export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) {
      tokens.push({ kind: "end", text: "", at: text.length });
      return tokens;
    }
    const c = text[i];
    const two = text.slice(i, i + 2);
    const num = match(NUMBER, text, i);
    const wrong = WRONG_OPS.get(two);
    let token: Token;
    if (c === "(" || c === ")" || c === ",") token = { kind: c, text: c, at: i };
    else if (wrong !== undefined) throw new QueryError(text, i, `"${two}" is not an operator`, wrong);
    else if (two === "!=" || two === "<=" || two === ">=") token = { kind: "op", op: two, text: two, at: i };
    else if (c === "=" || c === "<" || c === ">") token = { kind: "op", op: c, text: c, at: i };
    else if (c === "'" || c === '"') token = lexString(text, i);
    else if (/[A-Za-z_`]/.test(c)) token = lexKey(text, i);
    else if (num) {
      const glued = num + match(GLUED, text, i + num.length);
      if (glued !== num) throw new QueryError(text, i, `"${glued}" is not a number`, `Quote strings and dates: '${glued}'.`);
      token = { kind: "number", value: Number(num), text: num, at: i };
    } else {
      const hint =
        c === "&" || c === "|"
          ? "Combine conditions with and / or."
          : c === "!"
            ? 'Write != for "not equal", or NOT IN / NOT LIKE.'
            : "Quote strings ('…') and put unusual key parts in backticks (metrics.`my metric`).";
      throw new QueryError(text, i, `unexpected character "${c}"`, hint);
    }
    tokens.push(token);
    i += token.text.length;
  }
}
