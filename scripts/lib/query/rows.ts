// Rows for `list experiments`, from the row cache (cache/row-cache.ts) so a
// query over 100,000 experiments reads a few small files instead of re-parsing
// YAML (issue #5). Each queryable leaf (a metric, a tag, a nested parameter, a
// dataset field, created/version/status/description) is one column. A file
// whose version token changed is re-read through the check session; anything
// wrong with the cache (header, checksum, shape) rebuilds it.
import { realpathSync } from "node:fs";
import { defaultCacheDir } from "../cache/cache.ts";
import { type RowIndex as Index, RowCache, type Cell as Stored } from "../cache/row-cache.ts";
import { fileVersions } from "../registry/file-versions.ts";
import { assertRegistryDir } from "../registry/listing.ts";
import { type ExperimentLocation, listExperiments } from "../registry/refs.ts";
import { CheckSession } from "../registry/session.ts";
import { schemasFingerprint } from "../schema/schemas.ts";
import type { ExperimentData, FileRef } from "../schema/types.ts";
import type { Field, QueryRow } from "./query.ts";

/** Bumped whenever what a column holds changes. */
const ROW_LAYOUT = "rows-2";
type Path = string[];

const SECTIONS = ["evaluations", "tags", "parameters", "datasets"] as const;
const TOP = ["created", "version", "status", "description"] as const;

function leaves(value: unknown, path: Path, out: Array<[Path, unknown]>, nested: boolean): void {
  if (nested && value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const k of Object.keys(value)) leaves((value as Record<string, unknown>)[k], [...path, k], out, true);
  } else out.push([path, value]);
}

/** Every queryable leaf of an experiment, as (path, value). */
function columnsOf(d: ExperimentData): Array<[Path, unknown]> {
  const out: Array<[Path, unknown]> = [];
  for (const k of TOP) if (d[k] !== undefined) out.push([[k], d[k]]);
  for (const s of SECTIONS) {
    const v = d[s];
    if (!v) continue;
    for (const k of Object.keys(v)) leaves((v as Record<string, unknown>)[k], [s, k], out, s === "parameters" || s === "datasets");
  }
  return out;
}

const encode = (v: unknown): Stored => (v === undefined ? null : v === null || typeof v === "object" ? { $: v } : v);
const decode = (v: Stored): unknown => (v === null ? undefined : typeof v === "object" ? (v as { $: unknown }).$ : v);

/** Which stored columns a field can read (params may use nested or dotted keys, so match by prefix). */
function wanted(field: Field, path: Path): boolean {
  const [head, ...rest] = path;
  const dotted = rest.join(".");
  switch (field.source) {
    case "metrics":
      return head === "evaluations" && dotted === field.path[0];
    case "tags":
      return head === "tags" && dotted === field.path[0];
    case "datasets":
      return head === "datasets" && rest[0] === field.path[0] && rest[1] === field.path[1];
    case "params": {
      const key = field.path.join(".");
      return head === "parameters" && (dotted === key || dotted.startsWith(`${key}.`) || key.startsWith(`${dotted}.`));
    }
    case "attributes": {
      const name = field.path[0];
      if (name === "run_name") return (head === "tags" && dotted === "mlflow.runName") || head === "version";
      return rest.length === 0 && head === name;
    }
  }
}

/** Rows are built from prototype-less objects, so a `__proto__` key is plain data. */
function setPath(target: Record<string, unknown>, path: Path, value: unknown): void {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    node[path[i]] ??= Object.create(null);
    node = node[path[i]] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}

/** Whether every column loaded (a missing or corrupt column file reads as null). */
function allPresent(columns: Array<Stored[] | null>): columns is Stored[][] {
  return columns.every((c) => c !== null);
}

export interface QueryRows {
  rows: QueryRow[];
  /** Experiment files left out because they fail validation. */
  invalid: number;
}

/** Rows holding just the fields asked for; `null` fields means every column. */
export async function loadQueryRows(
  registry: string,
  scope: { project?: string; model?: string },
  fields: Field[] | null,
  cacheDir = defaultCacheDir(),
): Promise<QueryRows> {
  assertRegistryDir(registry);
  const root = realpathSync(registry);
  const store = new RowCache(cacheDir, root, { name: "rows", fingerprint: `${ROW_LAYOUT}:${schemasFingerprint()}` });
  const versionsOf = fileVersions(root);
  const all = listExperiments(root);
  const stored = store.readIndex();
  const versions = await versionsOf(all.map((e) => e.file));

  const fresh =
    stored !== null &&
    stored.files.length === all.length &&
    all.every((e, i) => stored.files[i] === e.file && versions[i] !== undefined && stored.versions[i] === versions[i]);
  const first = fresh ? { index: stored, columns: null } : await rebuild(root, store, all, versions, stored);
  const pickFrom = (idx: Index) => idx.columns.map((p, i) => (fields === null || fields.some((f) => wanted(f, p)) ? i : -1)).filter((i) => i >= 0);
  let idx = first.index;
  let pick = pickFrom(idx);
  const read = pick.map((i) => first.columns?.[i] ?? store.readColumn(first.index, i));
  let loaded: Stored[][];
  if (allPresent(read)) loaded = read;
  else {
    // A column file is missing or fails its checksum: rebuild from the YAML.
    const rebuilt = await rebuild(root, store, all, versions, null);
    idx = rebuilt.index;
    pick = pickFrom(idx);
    loaded = pick.map((i) => rebuilt.columns[i]);
  }
  const invalid = new Set(idx.invalid);
  const rows: QueryRow[] = [];
  all.forEach((e, r) => {
    if (invalid.has(r) || (scope.project && e.project !== scope.project) || (scope.model && e.model !== scope.model)) return;
    const data = Object.create(null) as Record<string, unknown>;
    data.id = e.id;
    pick.forEach((c, k) => {
      const v = decode(loaded[k][r]);
      if (v !== undefined) setPath(data, idx.columns[c], v);
    });
    rows.push({ project: e.project, model: e.model, id: e.id, data: data as unknown as ExperimentData });
  });
  const invalidInScope = idx.invalid.filter(
    (r) => (!scope.project || all[r].project === scope.project) && (!scope.model || all[r].model === scope.model),
  ).length;
  return { rows, invalid: invalidInScope };
}

/**
 * Makes the column files anew: rows whose file is unchanged are copied from the
 * old columns (when they all load cleanly), the rest are read and checked on
 * all cores. Files that fail validation become empty, invalid rows.
 */
async function rebuild(
  root: string,
  store: RowCache,
  all: ExperimentLocation[],
  versions: Array<string | undefined>,
  old: Index | null,
): Promise<{ index: Index; columns: Stored[][] }> {
  const oldRow = new Map(old?.files.map((f, i) => [f, i]) ?? []);
  const reuse = all.map((e, i) => {
    const r = oldRow.get(e.file);
    return old && r !== undefined && versions[i] !== undefined && old.versions[r] === versions[i] ? r : -1;
  });
  const read = old && reuse.some((r) => r >= 0) ? old.columns.map((_, c) => store.readColumn(old, c)) : [];
  const oldColumns = allPresent(read) ? read : [];
  if (!allPresent(read)) reuse.fill(-1);
  const parse = all.map((_, i) => i).filter((i) => reuse[i] < 0 || oldColumns.length === 0);
  const refs: FileRef[] = parse.map((i) => ({ file: all[i].file, kind: "experiment", project: all[i].project, model: all[i].model, id: all[i].id }));
  // The session reads and checks exactly as validate does; the rows are this cache's own record of the results.
  const session = new CheckSession({ root, cacheDir: false, keepValues: true, versionOf: () => undefined });
  const checked = await session.check(refs);

  const byPath = new Map<string, { path: Path; values: Stored[] }>();
  const put = (path: Path, row: number, value: Stored) => {
    const k = JSON.stringify(path);
    let col = byPath.get(k);
    if (!col) {
      col = { path, values: new Array<Stored>(all.length).fill(null) };
      byPath.set(k, col);
    }
    col.values[row] = value;
  };
  if (old && oldColumns.length > 0) {
    old.columns.forEach((path, c) => {
      const values = oldColumns[c];
      reuse.forEach((r, row) => {
        if (r >= 0 && values[r] !== null) put(path, row, values[r]);
      });
    });
  }
  const invalid: number[] = old && oldColumns.length > 0 ? reuse.flatMap((r, row) => (r >= 0 && old.invalid.includes(r) ? [row] : [])) : [];
  checked.forEach((c, k) => {
    if (c.value === undefined) invalid.push(parse[k]);
    else for (const [path, v] of columnsOf(c.value as ExperimentData)) put(path, parse[k], encode(v));
  });
  const cols = [...byPath.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
  const index = {
    files: all.map((e) => e.file),
    versions: versions.map((v) => v ?? null),
    invalid: invalid.sort((a, b) => a - b),
    columns: cols.map((c) => c.path),
  };
  const columns = cols.map((c) => c.values);
  store.write(index, columns);
  return { index: { ...index, checksums: [] }, columns };
}
