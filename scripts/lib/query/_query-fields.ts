// Keys of the query language (query.ts): which part of an experiment a key
// names, its normal form, and reading its value from a row.

import { didYouMean } from "../core/suggest.ts";
import type { ExperimentData } from "../schema/types.ts";
import { found, lex, QueryError, type Segment } from "./_query-lexer.ts";

export interface QueryRow {
  project: string;
  model: string;
  id: string;
  data: ExperimentData;
}

type Source = "metrics" | "params" | "tags" | "attributes" | "datasets";
/** A resolved key: metrics and tags have one (possibly dotted) name; params a path. */
export interface Field {
  source: Source;
  path: string[];
}

const identity = (names: string[]) => new Map(names.map((n) => [n, n]));
const PREFIXES = new Map<string, Source>([
  ["metrics", "metrics"],
  ["params", "params"],
  ["tags", "tags"],
  ["attributes", "attributes"],
  ["attribute", "attributes"],
  ["attr", "attributes"],
  ["datasets", "datasets"],
]);
// run_name: our experiments have no name of their own; MLflow keeps a run's name in the tag mlflow.runName.
const ATTRIBUTES = new Map([...identity(["created", "id", "version", "status", "description", "model", "project", "run_name"]), ["run_id", "id"]]);
const ROLES = identity(["training", "validation", "test"]);
const DATASET_FIELDS = identity(["uri", "sha256", "md5", "rows", "name", "revision"]);
const KEY_HINT = "Keys start with metrics., params., tags., attributes. or datasets.";

function pick(query: string, seg: Segment, what: string, choices: Map<string, string>): string {
  const hit = choices.get(seg.name.toLowerCase());
  if (hit !== undefined) return hit;
  throw new QueryError(
    query,
    seg.at,
    `unknown ${what} "${seg.name}"`,
    `${didYouMean(seg.name, choices.keys())}Choose one of: ${[...choices.keys()].join(", ")}.`,
  );
}

export function parseField(query: string, tok: { text: string; at: number; segments: Segment[] }): Field {
  const [first, ...rest] = tok.segments;
  const source = PREFIXES.get(first.name.toLowerCase());
  const end = tok.at + tok.text.length;
  if (!source && rest.length === 0) {
    const attr = ATTRIBUTES.get(first.name.toLowerCase());
    throw new QueryError(
      query,
      tok.at,
      `"${tok.text}" has no prefix`,
      `${attr ? `Did you mean "attributes.${attr}"? ` : ""}${KEY_HINT} A metric: metrics.${tok.text}.`,
    );
  }
  if (!source) {
    const known = [...PREFIXES.keys()].map((p) => `${p}.`);
    throw new QueryError(query, first.at, `unknown key prefix "${first.name}." in "${tok.text}"`, `${didYouMean(`${first.name}.`, known)}${KEY_HINT}`);
  }
  const names = rest.map((s) => s.name);
  const needName = (choices?: Map<string, string>) =>
    new QueryError(
      query,
      end,
      `expected a name after "${tok.text}."`,
      choices ? `Choose one of: ${[...choices.keys()].join(", ")}.` : `For example ${source}.accuracy.`,
    );
  const noMore = (want: number) =>
    new QueryError(
      query,
      rest[want].at,
      `unexpected "${names.slice(want).join(".")}" after "${source}.${names.slice(0, want).join(".")}"`,
      "Attributes and dataset fields have no parts: attributes.created, datasets.test.sha256.",
    );
  if (rest.length === 0) throw needName(source === "attributes" ? ATTRIBUTES : source === "datasets" ? ROLES : undefined);
  if (source === "metrics" || source === "tags") return { source, path: [names.join(".")] };
  if (source === "params") return { source, path: names };
  if (source === "attributes") {
    if (rest.length > 1) throw noMore(1);
    return { source, path: [pick(query, rest[0], "attribute", ATTRIBUTES)] };
  }
  const role = pick(query, rest[0], "dataset role", ROLES);
  if (rest.length === 1) throw needName(DATASET_FIELDS);
  if (rest.length > 2) throw noMore(2);
  return { source, path: [role, pick(query, rest[1], "dataset field", DATASET_FIELDS)] };
}

const PLAIN = /^[A-Za-z0-9_-]+$/;
const backticked = (name: string) => `\`${name.replaceAll("`", "``")}\``;
export function normalKey(f: Field): string {
  if (f.source === "metrics" || f.source === "tags")
    return `${f.source}.${f.path[0].split(".").every((s) => PLAIN.test(s)) ? f.path[0] : backticked(f.path[0])}`;
  return [f.source, ...f.path.map((s) => (PLAIN.test(s) ? s : backticked(s)))].join(".");
}

// Own properties only: a key named __proto__ or constructor in a file must never reach Object.prototype.
function own(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== "object" || !Object.hasOwn(obj, key)) return undefined;
  if (Array.isArray(obj) && !/^\d+$/.test(key)) return undefined;
  return (obj as Record<string, unknown>)[key];
}

/** params.a.b.c: nested keys first, then dotted keys written as one (`{ "a.b": { c: 1 } }`). */
function lookup(value: unknown, path: string[], from: number): unknown {
  if (from === path.length) return value;
  for (let to = from + 1; to <= path.length; to++) {
    const found = lookup(own(value, path.slice(from, to).join(".")), path, to);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function valueOfField(row: QueryRow, f: Field): unknown {
  const d = row.data;
  switch (f.source) {
    case "metrics":
      return own(d.evaluations, f.path[0]);
    case "tags":
      return own(d.tags, f.path[0]);
    case "params":
      return lookup(d.parameters, f.path, 0);
    case "datasets":
      return own(own(d.datasets, f.path[0]), f.path[1]);
    case "attributes": {
      const name = f.path[0];
      if (name === "project" || name === "model" || name === "id") return row[name];
      if (name === "run_name") return own(d.tags, "mlflow.runName") ?? d.version;
      // The schema: an absent status means the run finished.
      if (name === "status") return own(d, "status") ?? "finished";
      return own(d, name);
    }
  }
}

const fields = new Map<string, Field>();
/** The field a stand-alone key names (--sort, --columns); cached, as sorting asks for every row. */
export function fieldOf(key: string): Field {
  let field = fields.get(key);
  if (!field) {
    const [tok, next] = lex(key);
    if (tok.kind !== "key") throw new QueryError(key, tok.at, `expected a key like metrics.accuracy, found ${found(tok)}`, KEY_HINT);
    if (next.kind !== "end") throw new QueryError(key, next.at, `expected one key, found ${found(next)} after it`, KEY_HINT);
    field = parseField(key, tok);
    if (fields.size >= 1000) fields.clear();
    fields.set(key, field);
  }
  return field;
}
