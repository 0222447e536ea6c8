// The query language of `--where` (issue #5), close to MLflow's search_runs
// filter strings (https://mlflow.org/docs/latest/ml/search/search-runs), plus OR and parentheses:
//   expr := term (OR term)*          term := factor (AND factor)*
//   factor := '(' expr ')' | key op value | key [NOT] IN '(' value (',' value)* ')'
//           | key [NOT] LIKE|ILIKE 'pattern'
// Keys and literals are checked while parsing, so `matches` only walks the tree.
import { type Field, fieldOf, normalKey, parseField, type QueryRow, valueOfField } from "./_query-fields.ts";
import { columnOf, found, lex, type Op, QueryError, type Token } from "./_query-lexer.ts";

export type { Field, QueryRow } from "./_query-fields.ts";
export { QueryError } from "./_query-lexer.ts";

type Literal = { type: "number"; value: number; raw: string } | { type: "string"; value: string } | { type: "boolean"; value: boolean };
interface Target {
  /** The key in its normal form (`attributes.id` for `attr.run_id`). */
  key: string;
  field: Field;
}
export type Query =
  | { type: "and"; items: Query[] }
  | { type: "or"; items: Query[] }
  | (Target & { type: "compare"; op: Op; value: Literal })
  | (Target & { type: "in"; not: boolean; values: Literal[] })
  | (Target & { type: "like"; not: boolean; ilike: boolean; pattern: string; regex: RegExp });

const GRAMMAR_HINT =
  "Conditions look like metrics.accuracy > 0.9, params.optimizer IN ('adam', 'sgd') or tags.team LIKE 'vis%', joined with and / or and grouped with ( ).";
const VALUE_HINT = "Compare with a number (0.9), a quoted string ('adam') or true / false.";
const DATE_HINT = "Compare attributes.created with a quoted date: '2026-01-01' (midnight UTC) or '2026-01-01T09:30:00+09:00'.";

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;
const times = new Map<string, number>();
/** Milliseconds of an ISO date or date-time (no offset = UTC), NaN for anything else. Cached: sorting asks often. */
function timeOf(s: string): number {
  let t = times.get(s);
  if (t === undefined) {
    const m = ISO_TIME.exec(s);
    const zone = m?.[3]?.toUpperCase() ?? "Z";
    t = !m ? NaN : Date.parse(m[2] === undefined ? m[1] : `${m[1]}T${m[2]}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
    if (times.size >= 100_000) times.clear();
    times.set(s, t);
  }
  return t;
}

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const asNumber = (s: string) => (NUMERIC.test(s) ? Number(s) : undefined);
const sign = (a: number | string, b: number | string | undefined) => (b === undefined ? undefined : a < b ? -1 : a > b ? 1 : a === b ? 0 : undefined);
const isCreated = (f: Field) => f.source === "attributes" && f.path[0] === "created";

/** `=`: same types compare directly; a number against a string literal compares as text or as a number (`params.lr = '0.01'`). */
function equal(v: string | number | boolean, lit: Literal, created: boolean): boolean {
  if (created && typeof v === "string") return timeOf(v) === timeOf(lit.value as string);
  if (typeof v === typeof lit.value) return v === lit.value;
  if (lit.type === "string") return typeof v === "number" ? String(v) === lit.value || asNumber(lit.value) === v : String(v) === lit.value.toLowerCase();
  if (typeof v !== "string") return false;
  // A string equals a number as written or in its shortest form ("0.05" = 0.050), so version "1.10" is not 1.1.
  return lit.type === "number" ? v === lit.raw || v === String(lit.value) : v.toLowerCase() === String(lit.value);
}

/** Ordering: numbers (and numeric-looking strings against numbers) numerically, strings lexically, created by time. */
function order(v: string | number | boolean, lit: Literal, created: boolean): number | undefined {
  if (created && typeof v === "string") return sign(timeOf(v), timeOf(lit.value as string));
  if (typeof v === "number") return sign(v, lit.type === "number" ? lit.value : lit.type === "string" ? asNumber(lit.value) : undefined);
  if (typeof v !== "string") return undefined;
  if (lit.type === "string") return sign(v, lit.value);
  const n = lit.type === "number" ? asNumber(v) : undefined;
  return n === undefined ? undefined : sign(n, lit.value as number);
}

const HOLDS: Record<Op, (c: number) => boolean> = {
  "=": (c) => c === 0,
  "!=": (c) => c !== 0,
  "<": (c) => c < 0,
  "<=": (c) => c <= 0,
  ">": (c) => c > 0,
  ">=": (c) => c >= 0,
};

export function matches(q: Query, row: QueryRow): boolean {
  if (q.type === "and") return q.items.every((item) => matches(item, row));
  if (q.type === "or") return q.items.some((item) => matches(item, row));
  const v = valueOfField(row, q.field);
  // Missing keys (and lists or maps, which are not values) match nothing, not even `!=` or NOT IN.
  if (typeof v !== "number" && typeof v !== "string" && typeof v !== "boolean") return false;
  const created = isCreated(q.field);
  if (q.type === "in") return q.values.some((lit) => equal(v, lit, created)) !== q.not;
  if (q.type === "like") return q.regex.test(String(v)) !== q.not;
  if (q.op === "=" || q.op === "!=") return equal(v, q.value, created) === (q.op === "=");
  const c = order(v, q.value, created);
  return c !== undefined && HOLDS[q.op](c);
}

/** LIKE: % is any run of characters, _ exactly one, a backslash makes the next one literal. */
function likeRegex(pattern: string, ilike: boolean): RegExp {
  const chars = [...pattern];
  let source = "";
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === "%") source += ".*";
    else if (c === "_") source += ".";
    else source += (c === "\\" && i + 1 < chars.length ? chars[++i] : c).replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, ilike ? "isu" : "su");
}

const isWord = (tok: Token, ...words: string[]) => tok.kind === "keyword" && words.includes(tok.word);

/** Parses a filter string; throws QueryError pointing at the column of the first problem. */
export function parseQuery(text: string): Query {
  const tokens = lex(text);
  let i = 0;
  const fail = (tok: Token, reason: string, hint = GRAMMAR_HINT): never => {
    throw new QueryError(text, tok.at, reason, hint);
  };

  const list = (type: "and" | "or", item: () => Query): Query => {
    const items = [item()];
    while (isWord(tokens[i], type)) {
      i++;
      items.push(item());
    }
    return items.length === 1 ? items[0] : { type, items };
  };
  const expr = (): Query => list("or", () => list("and", factor));

  function factor(): Query {
    const tok = tokens[i++];
    if (tok.kind === "(") {
      const inner = expr();
      const close = tokens[i++];
      if (close.kind !== ")") fail(close, `expected "and", "or" or ")" to close the "(" at column ${columnOf(text, tok.at)}, found ${found(close)}`);
      return inner;
    }
    if (tok.kind !== "key") return fail(tok, `expected a key like metrics.accuracy, found ${found(tok)}`);
    return comparison(tok, parseField(text, tok));
  }

  function value(after: Token, field: Field): Literal {
    const tok = tokens[i++];
    let lit: Literal | undefined;
    if (tok.kind === "number") lit = { type: "number", value: tok.value, raw: tok.text };
    else if (tok.kind === "string") lit = { type: "string", value: tok.value };
    else if (tok.kind === "keyword" && (tok.word === "true" || tok.word === "false")) lit = { type: "boolean", value: tok.word === "true" };
    else {
      const hint =
        tok.kind !== "key" ? VALUE_HINT : tok.segments.length > 1 ? "A key is compared with a value, not with another key." : `Quote strings: '${tok.text}'.`;
      return fail(tok, `expected a value after "${after.text}", found ${found(tok)}`, hint);
    }
    if (isCreated(field) && (lit.type !== "string" || Number.isNaN(timeOf(lit.value)))) fail(tok, `${tok.text} is not a date`, DATE_HINT);
    // MLflow spells statuses in capitals (attributes.status = 'FINISHED'); ours are lower-case.
    if (field.source === "attributes" && field.path[0] === "status" && lit.type === "string") lit.value = lit.value.toLowerCase();
    return lit;
  }

  function comparison(keyTok: Token, field: Field): Query {
    const target = { key: normalKey(field), field };
    let tok = tokens[i++];
    const not = isWord(tok, "not");
    if (not) {
      tok = tokens[i++];
      if (!isWord(tok, "in", "like", "ilike")) fail(tok, `expected IN, LIKE or ILIKE after NOT, found ${found(tok)}`);
    }
    if (tok.kind === "op") return { ...target, type: "compare", op: tok.op, value: value(tok, field) };
    if (isWord(tok, "in")) {
      let open = tokens[i++];
      if (open.kind !== "(")
        fail(
          open,
          `expected "(" after ${tok.text.toUpperCase()}, found ${found(open)}`,
          "Write the values in parentheses: params.optimizer IN ('adam', 'sgd').",
        );
      const values = [value(open, field)];
      for (open = tokens[i++]; open.kind === ","; open = tokens[i++]) values.push(value(open, field));
      if (open.kind !== ")") fail(open, `expected "," or ")" in the ${tok.text.toUpperCase()} list, found ${found(open)}`);
      return { ...target, type: "in", not, values };
    }
    if (isWord(tok, "like", "ilike")) {
      const pattern = tokens[i++];
      if (pattern.kind !== "string")
        return fail(
          pattern,
          `expected a quoted pattern after ${tok.text.toUpperCase()}, found ${found(pattern)}`,
          "Patterns are strings: tags.team LIKE 'vis%' (% is any run of characters, _ one character).",
        );
      const ilike = isWord(tok, "ilike");
      return { ...target, type: "like", not, ilike, pattern: pattern.value, regex: likeRegex(pattern.value, ilike) };
    }
    return fail(tok, `expected an operator (=, !=, <, <=, >, >=, IN, LIKE or ILIKE) after "${keyTok.text}", found ${found(tok)}`);
  }

  if (tokens[0].kind === "end")
    fail({ ...tokens[0], at: 0 }, "the query is empty", "Write a condition like metrics.accuracy > 0.9 and params.optimizer = 'adam'.");
  const query = expr();
  const rest = tokens[i];
  if (rest.kind !== "end")
    fail(rest, `expected "and", "or" or the end of the query, found ${found(rest)}`, rest.kind === ")" ? 'This ")" has no "(" to close.' : GRAMMAR_HINT);
  return query;
}

/** Checks a key (for --sort and --columns) and returns its normal form: `attr.run_id` → `attributes.id`. */
export function parseFieldKey(text: string): string {
  return normalKey(fieldOf(text));
}

/** The value a key names in a row, or undefined when the row does not have it. */
export function fieldValue(row: QueryRow, key: string): unknown {
  return valueOfField(row, fieldOf(key));
}

const rank = (v: unknown) =>
  typeof v === "number" ? (Number.isNaN(v) ? 4 : 0) : typeof v === "string" ? 1 : typeof v === "boolean" ? 2 : v === undefined || v === null ? 4 : 3;

/**
 * For sorting: numbers numerically, then strings (ISO dates by time, others by code unit), then booleans.
 * Missing values (undefined, null) sort last in both directions: pass "desc" instead of negating the result.
 */
export function compareValues(a: unknown, b: unknown, direction: "asc" | "desc" = "asc"): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra === 4 || rb === 4) return ra === rb ? 0 : ra === 4 ? 1 : -1;
  let c = ra - rb;
  if (c === 0 && ra === 1) {
    const [ta, tb] = (a as string)[4] === "-" && (b as string)[4] === "-" ? [timeOf(a as string), timeOf(b as string)] : [NaN, NaN];
    c = Number.isNaN(ta) || Number.isNaN(tb) ? (sign(a as string, b as string) ?? 0) : (sign(ta, tb) ?? 0);
  } else if (c === 0 && ra !== 3) c = sign(Number(a), Number(b)) ?? 0;
  return direction === "desc" && c !== 0 ? -c : c;
}

/** The fields a query reads, so a caller can load just those (cache/row-cache.ts). */
export function queryFields(q: Query): Field[] {
  return q.type === "and" || q.type === "or" ? q.items.flatMap(queryFields) : [q.field];
}

/** The field a stand-alone key (--sort, --columns) names. */
export function keyField(key: string): Field {
  return fieldOf(key);
}
