// Helpers for the read-path tests (issue #5): run a read command and check it
// never shows a stack, and compute what it should print from the loader's
// records in plain TypeScript — independently of the query engine.
import assert from "node:assert/strict";
import { join } from "node:path";
import { type ExperimentRecord, type LoadedRegistry, loadRegistry } from "../scripts/lib/registry/loader.ts";
import { type CliResult, ROOT, runCli } from "./_helpers.ts";

export const SAMPLE = join(ROOT, "registry");
export type Exp = ExperimentRecord;

const loaded = new Map<string, Promise<LoadedRegistry>>();
/** The registry as the library loads it, once per directory; it must be valid. */
export async function load(registry: string): Promise<LoadedRegistry> {
  let pending = loaded.get(registry);
  if (!pending) {
    pending = loadRegistry({ registry });
    loaded.set(registry, pending);
  }
  const reg = await pending;
  assert.deepEqual(reg.diagnostics, [], `${registry} should be valid`);
  return reg;
}

/** Runs `modelreg ARGS`; whatever happens, no stack trace and no internal error. */
async function cli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const r = await runCli(args, { env, timeoutMs: 60_000 });
  const shown = `modelreg ${args.join(" ")}\n${r.stderr}`;
  assert.doesNotMatch(r.stderr, /^\s+at .*(:\d+:\d+\)?|<anonymous>\)?)$/m, `stack trace from ${shown}`);
  assert.doesNotMatch(r.stderr, /internal error/, shown);
  return r;
}

/** stdout of a command that must succeed. */
export async function ok(args: string[], env: Record<string, string>): Promise<string> {
  const r = await cli(args, env);
  assert.equal(r.code, 0, `modelreg ${args.join(" ")} exited ${r.code}\n${r.stderr}`);
  return r.stdout;
}

/** stderr of a command that must fail with `code`, printing nothing on stdout. */
export async function fails(args: string[], code: number, env: Record<string, string>): Promise<string> {
  const r = await cli(args, env);
  assert.equal(r.code, code, `modelreg ${args.join(" ")} exited ${r.code}, expected ${code}\n${r.stderr}${r.stdout}`);
  assert.equal(r.stdout, "", `modelreg ${args.join(" ")} printed on stdout while failing`);
  assert.match(r.stderr, /^modelreg: |^error: /, "one message, prefixed");
  return r.stderr;
}

/** The ids of `list experiments --json` output, in order. */
export const jsonIds = (stdout: string): string[] => (JSON.parse(stdout) as Array<{ id: string }>).map((o) => o.id);

/** An own-property path into plain data; lists, scalars and absent keys end it with undefined. */
function at(value: unknown, path: string[]): unknown {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== "object" || Array.isArray(v) || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}
export const metric = (e: Exp, name: string): unknown => at(e.data.evaluations, [name]);
export const param = (e: Exp, dotted: string): unknown => at(e.data.parameters, dotted.split("."));
export const tag = (e: Exp, name: string): unknown => at(e.data.tags, [name]);
/** A number, or NaN (so every comparison with a missing or non-numeric value is false). */
export const num = (v: unknown): number => (typeof v === "number" ? v : NaN);
export const time = (iso: string): number => Date.parse(iso);

/** Ids in the CLI's default order (by id). */
export const idsOf = (rows: Exp[]): string[] => rows.map((e) => e.id).sort();

export interface SortKey {
  get(e: Exp): number | string | undefined;
  desc?: boolean;
}

/** Ids ordered by the keys; missing values last in either direction; ties by id. */
export function sortedIds(rows: Exp[], keys: SortKey[]): string[] {
  const compare = (a: Exp, b: Exp): number => {
    for (const k of keys) {
      const [x, y] = [k.get(a), k.get(b)];
      if (x === undefined || y === undefined) {
        if (x === y) continue;
        return x === undefined ? 1 : -1;
      }
      const c = x < y ? -1 : x > y ? 1 : 0;
      if (c !== 0) return k.desc ? -c : c;
    }
    return a.id < b.id ? -1 : 1;
  };
  return [...rows].sort(compare).map((e) => e.id);
}

/** RFC 4180 CSV into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && !(text[i] === '"' && text[i + 1] !== '"'); i++) field += text[i] === '"' ? text[++i] : text[i];
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      rows.push([...row, field]);
      [row, field] = [[], ""];
      i++;
    } else field += c;
  }
  return rows;
}

/** Table text into rows of cells (columns are separated by two or more spaces; the rule line is dropped). */
export function parseTable(text: string): string[][] {
  return text
    .trimEnd()
    .split("\n")
    .filter((line) => !/^[─\s]+$/.test(line))
    .map((line) => line.trim().split(/ {2,}/));
}

/** The message's column and whether the caret under the echoed query points at it. */
export function caretColumn(stderr: string): { column: number; query: string; caretAt: number } {
  const m = /^modelreg: column (\d+): .*\n {2}(.*)\n {2}( *)\^$/m.exec(stderr);
  assert.ok(m, `no "column N" message with a caret line in:\n${stderr}`);
  return { column: Number(m[1]), query: m[2], caretAt: m[3].length + 1 };
}
