// `modelreg list experiments`: filter with the query language, sort by any
// keys, cut to a limit, and show the chosen columns.

import { UsageError } from "../core/errors.ts";
import type { Cell } from "../core/table.ts";
import { readModels } from "../registry/read.ts";
import { compareValues, fieldValue, keyField, matches, parseFieldKey, parseQuery, type QueryRow, queryFields } from "./query.ts";
import { loadQueryRows } from "./rows.ts";

export interface ListOptions {
  registry: string;
  project?: string;
  model?: string;
  where?: string;
  /** Flat, as commander collects it: keys, each optionally followed by asc|desc. */
  sort?: string[];
  limit?: string;
  columns?: string;
}

interface SortKey {
  key: string;
  desc: boolean;
}

function parseSort(tokens: string[] = []): SortKey[] {
  const keys: SortKey[] = [];
  for (const t of tokens) {
    const dir = t.toLowerCase();
    if (dir === "asc" || dir === "desc") {
      if (keys.length === 0) throw new UsageError(`--sort ${t} needs a key before it`, "E_BAD_SORT", "Write e.g. --sort metrics.accuracy desc.");
      keys[keys.length - 1].desc = dir === "desc";
    } else {
      keys.push({ key: parseFieldKey(t), desc: false });
    }
  }
  return keys;
}

export function parseLimit(text?: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--limit must be a whole number of at least 1, got "${text}"`, "E_BAD_LIMIT", "Write e.g. --limit 20.");
  return n;
}

/** The query key of a metric, whatever characters its name holds. */
function metricKey(name: string): string {
  return parseFieldKey(`metrics.\`${name.replace(/`/g, "``")}\``);
}

const DEFAULT_COLUMNS = ["attributes.id", "attributes.model", "attributes.version", "attributes.created", "attributes.status"];

export async function listExperimentRows(opts: ListOptions): Promise<{ headers: string[]; rows: Cell[][]; objects: Record<string, unknown>[] }> {
  const query = opts.where === undefined ? undefined : parseQuery(opts.where);
  const sort = parseSort(opts.sort);
  const limit = parseLimit(opts.limit);
  const primary = new Map(readModels(opts.registry, opts.project).rows.map((m) => [`${m.project}/${m.model}`, m.data.primary_metric?.name]));
  const oneModel = opts.model ? primary.get(`${opts.project}/${opts.model}`) : undefined;

  let columns = opts.columns ? opts.columns.split(",").map((c) => parseFieldKey(c.trim())) : [...DEFAULT_COLUMNS];
  if (!opts.columns) {
    if (oneModel) columns.push(metricKey(oneModel));
    for (const s of sort) if (!columns.includes(s.key)) columns.push(s.key);
  }
  columns = [...new Set(columns)];
  const showPrimary = !opts.columns && !oneModel;

  // Load only what is filtered on, sorted by or shown.
  const metricKeys = [...new Set([...primary.values()].filter((m): m is string => m !== undefined))].map(metricKey);
  const fields = [...(query ? queryFields(query) : []), ...[...columns, ...sort.map((s) => s.key), ...metricKeys].map(keyField)];
  const { rows, invalid } = await loadQueryRows(opts.registry, { project: opts.project, model: opts.model }, fields);
  if (invalid > 0)
    process.stderr.write(`modelreg: ${invalid} invalid experiment file${invalid === 1 ? "" : "s"} left out; run \`modelreg validate\` to see why\n`);
  let hits = query ? rows.filter((r) => matches(query, r)) : rows;
  const primaryOf = (r: QueryRow) => primary.get(`${r.project}/${r.model}`);
  hits = hits.sort((a, b) => {
    for (const s of sort) {
      const c = compareValues(fieldValue(a, s.key), fieldValue(b, s.key), s.desc ? "desc" : "asc");
      if (c !== 0) return c;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  if (limit !== undefined) hits = hits.slice(0, limit);

  const value = (r: QueryRow, key: string): unknown => (key === "attributes.model" ? `${r.project}/${r.model}` : fieldValue(r, key));
  const headers = [...columns.map((c) => c.replace(/^attributes\./, "")), ...(showPrimary ? ["primary metric"] : [])];
  const cell = (v: unknown): Cell => (typeof v === "object" && v !== null ? JSON.stringify(v) : (v as Cell));
  const table = hits.map((r) => {
    const p = primaryOf(r);
    const pv = p === undefined ? undefined : fieldValue(r, metricKey(p));
    return [...columns.map((c) => cell(value(r, c))), ...(showPrimary ? [pv === undefined ? undefined : `${p} ${pv}`] : [])];
  });
  const objects = hits.map((r) => {
    const o: Record<string, unknown> = { project: r.project, model: r.model, id: r.id };
    for (const c of columns) o[c] = fieldValue(r, c);
    const primary = showPrimary ? primaryOf(r) : undefined;
    if (primary) o.primary_metric = { name: primary, value: fieldValue(r, metricKey(primary)) };
    return o;
  });
  return { headers, rows: table, objects };
}
