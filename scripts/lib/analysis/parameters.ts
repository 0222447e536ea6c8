// The parameters of a group of comparable runs (issue #17): which vary, which
// are the same in every run (left out and listed), what kind each is, and each
// run's value encoded as a number for the forest and the axes.
import { flatten } from "../domain/diff.ts";
import type { ExperimentData } from "../schema/types.ts";

export interface RunLike {
  id: string;
  data: ExperimentData;
}

export type ParamKind = "numeric" | "boolean" | "categorical";

export interface VariedParam {
  key: string;
  kind: ParamKind;
  /** Runs of the group that have the parameter. */
  count: number;
  /** Booleans and categories, in the order of their codes (0, 1, …): the ordinal encoding. */
  categories?: string[];
  /** Numbers only: all positive, spanning at least two decades and bunched at the low end (as a learning rate swept on a log scale), so a log axis reads better. */
  log?: boolean;
  /** Per run, in group order: the number, or the category's code; null where the run has no value. */
  values: Array<number | null>;
}

export interface Parameters {
  varied: VariedParam[];
  /** Parameters with one value in every run of the group. */
  constants: Array<[string, unknown]>;
  /** Text parameters with more than MAX_CATEGORIES values (names, paths): no order or axis makes sense of them. */
  skipped: Array<{ key: string; values: number }>;
}

const MAX_CATEGORIES = 50;

/** The text a category is shown and ordered by: strings as they are, anything else as JSON. */
const labelOf = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));
const byLabel = new Intl.Collator("en", { numeric: true }).compare;

function kindOf(values: unknown[]): ParamKind {
  if (values.every((v) => typeof v === "number" && Number.isFinite(v))) return "numeric";
  if (values.every((v) => typeof v === "boolean")) return "boolean";
  return "categorical";
}

function varied(key: string, column: unknown[]): VariedParam {
  const present = column.filter((v) => v !== undefined);
  const kind = kindOf(present);
  if (kind === "numeric") {
    const numbers = present as number[];
    const sorted = [...numbers].sort((a, b) => a - b);
    const [min, max] = [sorted[0], sorted[sorted.length - 1]];
    const median = sorted[Math.floor(sorted.length / 2)];
    const log = min > 0 && max / min >= 100 && (median - min) / (max - min) < 0.2;
    const values = column.map((v) => (v === undefined ? null : (v as number)));
    return { key, kind, count: numbers.length, ...(log && { log: true }), values };
  }
  const categories = kind === "boolean" ? ["false", "true"] : [...new Set(present.map(labelOf))].sort(byLabel);
  const code = new Map(categories.map((c, i) => [c, i]));
  return { key, kind, count: present.length, categories, values: column.map((v) => (v === undefined ? null : (code.get(labelOf(v)) ?? null))) };
}

/** Nulls count as missing: a YAML `lr: ~` says nothing about the run. */
export function groupParameters(runs: readonly RunLike[]): Parameters {
  const columns = new Map<string, unknown[]>();
  runs.forEach((run, i) => {
    for (const [key, value] of flatten(run.data.parameters)) {
      if (value === null || value === undefined) continue;
      const column = columns.get(key) ?? new Array(runs.length).fill(undefined);
      if (!columns.has(key)) columns.set(key, column);
      column[i] = value;
    }
  });
  const out: Parameters = { varied: [], constants: [], skipped: [] };
  for (const [key, column] of [...columns].sort((a, b) => byLabel(a[0], b[0]))) {
    const texts = new Set(column.map((v) => (v === undefined ? undefined : JSON.stringify(v))));
    if (texts.size === 1 && !texts.has(undefined)) out.constants.push([key, column[0]]);
    else {
      const param = varied(key, column);
      const categories = param.categories?.length ?? 0;
      if (categories > MAX_CATEGORIES) out.skipped.push({ key, values: categories });
      else out.varied.push(param);
    }
  }
  return out;
}
