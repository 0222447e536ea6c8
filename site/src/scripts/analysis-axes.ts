// What the Analysis panel's views share (issue #17): an axis is a parameter
// or a metric with one value per run; scales (d3-scale) are linear, log or
// ordinal; filters are kept in data units, so what a brush keeps can be
// checked against the data itself.
import { scaleLinear, scaleLog, scalePoint } from "d3-scale";
import type { PanelGroup } from "../../../scripts/lib/site/analysis-files";

export interface Axis {
  /** `param:<key>` or `metric:<key>`. */
  id: string;
  key: string;
  metric: boolean;
  /** Booleans and categories: labels in code order (an ordinal axis). */
  categories?: string[];
  values: Array<number | null>;
  goal?: "maximize" | "minimize";
  /** Shown on a log scale (numbers that are all positive only). */
  log: boolean;
  canLog: boolean;
}

/** A brush: a value range for numbers, the codes inside it for categories. */
export interface Filter {
  axis: string;
  key: string;
  min?: number;
  max?: number;
  codes?: number[];
  labels?: string[];
}

/** Colour buckets of the lines, worst to best. */
export const BUCKETS = 8;

export function axesOf(group: PanelGroup): Axis[] {
  const params: Axis[] = group.params.map((p) => ({
    id: `param:${p.key}`,
    key: p.key,
    metric: false,
    categories: p.categories,
    values: p.values,
    log: p.log ?? false,
    canLog: !p.categories && p.values.every((v) => v === null || v > 0),
  }));
  const metrics: Axis[] = group.metrics.map((m) => ({
    id: `metric:${m.key}`,
    key: m.key,
    metric: true,
    values: m.values,
    goal: m.goal,
    log: false,
    canLog: m.values.every((v) => v === null || v > 0),
  }));
  return [...params, ...metrics];
}

function extent(values: ReadonlyArray<number | null>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) if (v !== null) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (lo === Infinity) return [0, 1];
  return lo === hi ? [lo - (Math.abs(lo) || 1) * 0.1, hi + (Math.abs(hi) || 1) * 0.1] : [lo, hi];
}

/** A scale from the axis's values to pixels in `range` ([bottom, top] for a vertical axis). */
export function scaleFor(a: Axis, range: [number, number]) {
  if (a.categories) {
    return scalePoint<number>()
      .domain(a.categories.map((_, c) => c))
      .range(range)
      .padding(0.5);
  }
  const [lo, hi] = extent(a.values);
  if (a.log && a.canLog) return scaleLog().domain([lo, hi]).range(range);
  return scaleLinear().domain([lo, hi]).range(range);
}

export function inFilter(f: Filter, v: number | null): boolean {
  if (v === null) return false;
  if (f.codes) return f.codes.includes(v);
  return v >= (f.min ?? -Infinity) && v <= (f.max ?? Infinity);
}

/** Per run, its colour bucket by the metric's values: BUCKETS - 1 is the best end of the goal, BUCKETS no value. */
export function buckets(values: ReadonlyArray<number | null>, goal: "maximize" | "minimize"): Uint8Array {
  const [lo, hi] = extent(values);
  return Uint8Array.from(values, (v) => {
    if (v === null) return BUCKETS;
    const t = (v - lo) / (hi - lo || 1);
    const b = Math.min(BUCKETS - 1, Math.floor((goal === "maximize" ? t : 1 - t) * BUCKETS));
    return Math.max(0, b);
  });
}

/** Index of the best run by the metric, or -1. */
export function bestIndex(values: ReadonlyArray<number | null>, goal: "maximize" | "minimize"): number {
  let best = -1;
  values.forEach((v, i) => {
    if (v !== null && (best < 0 || (goal === "maximize" ? v > (values[best] as number) : v < (values[best] as number)))) best = i;
  });
  return best;
}

export const formatValue = (a: Axis, v: number | null): string =>
  v === null ? "—" : a.categories ? (a.categories[v] ?? "") : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(5)));
