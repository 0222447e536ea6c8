// Sweep analysis (issue #17). Owns: for a group of comparable runs (the same
// test data, domain/test-data.ts), the parameters that vary (constant ones
// left out and listed), each one's importance for a metric (a seeded random
// forest, importance.ts), its Pearson correlation with the metric and how many
// runs have it; and the per-run columns the site's Analysis panel draws
// (panel.ts). `modelreg importance` and the site both call this.
// May import: core, schema, domain and npm libraries; never registry, site or commands.
import { type TestData, testDataKey, testDataOf } from "../domain/comparability.ts";
import { pearson } from "./correlation.ts";
import { FOREST, forestImportance } from "./importance.ts";
import { groupParameters, type Parameters, type ParamKind, type RunLike } from "./parameters.ts";

export type { RunLike, VariedParam } from "./parameters.ts";

/** Fewer runs than this tell a forest nothing; the table explains instead. */
export const MIN_RUNS = 5;

interface ImportanceRow {
  key: string;
  kind: ParamKind;
  /** Share of the forest's decrease in error, 0–1; the rows sum to 1. */
  importance: number;
  /** Pearson's r with the metric over the runs that have both; null for categories (their codes have no order) or when either side is constant. */
  correlation: number | null;
  /** Runs that have both the parameter and the metric. */
  runs: number;
}

export interface Importance {
  metric: string;
  /** Runs of the group that report the metric. */
  withMetric: number;
  /** Sorted, most important first; empty when `reason` says why there is no table. */
  rows: ImportanceRow[];
  reason?: string;
  method: { trees: number; trainedOn: number };
}

export interface RunGroup<R extends RunLike = RunLike> {
  slug: string;
  label: TestData;
  runs: R[];
}

/** Runs grouped by test data as the leaderboard groups them: the production run's group first, then the largest. */
export function groupByTestData<R extends RunLike>(runs: readonly R[], productionId?: string): Array<RunGroup<R>> {
  const groups = new Map<string, RunGroup<R>>();
  for (const run of runs) {
    const label = testDataOf(run.data);
    const slug = testDataKey(label);
    const group = groups.get(slug);
    if (group) group.runs.push(run);
    else groups.set(slug, { slug, label, runs: [run] });
  }
  const holds = (g: RunGroup<R>) => (g.runs.some((r) => r.id === productionId) ? 1 : 0);
  return [...groups.values()].sort((a, b) => holds(b) - holds(a) || b.runs.length - a.runs.length || a.slug.localeCompare(b.slug));
}

/** The metric's value per run, null where the run does not report it. */
export function metricColumn(runs: readonly RunLike[], metric: string): Array<number | null> {
  return runs.map(({ data }) => {
    const v = data.evaluations && Object.hasOwn(data.evaluations, metric) ? data.evaluations[metric] : undefined;
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  });
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

function noTable(metric: string, withMetric: number, reason: string): Importance {
  return { metric, withMetric, rows: [], reason, method: { trees: FOREST.trees, trainedOn: 0 } };
}

/** Importance and correlation of every varied parameter for one metric. */
export function importanceFor(runs: readonly RunLike[], metric: string, params: Parameters = groupParameters(runs)): Importance {
  const y = metricColumn(runs, metric);
  const withMetric = y.filter((v) => v !== null).length;
  if (withMetric < MIN_RUNS)
    return noTable(metric, withMetric, `Importance needs at least ${MIN_RUNS} runs that report ${metric}; this group has ${withMetric}.`);
  if (params.varied.length === 0) return noTable(metric, withMetric, "No parameter varies between these runs.");
  const reported = y.filter((v): v is number => v !== null);
  if (reported.every((v) => v === reported[0])) return noTable(metric, withMetric, `Every run reports the same ${metric}, so no parameter explains it.`);
  const { importances, trainedOn } = forestImportance(runs, params.varied, y);
  const rows = params.varied.map((p, j) => ({
    key: p.key,
    kind: p.kind,
    importance: round(importances[j], 4),
    correlation: p.kind === "categorical" ? null : roundOrNull(pearson(p.values, y)),
    runs: p.values.filter((v, i) => v !== null && y[i] !== null).length,
  }));
  rows.sort((a, b) => b.importance - a.importance || Math.abs(b.correlation ?? 0) - Math.abs(a.correlation ?? 0) || a.key.localeCompare(b.key));
  return { metric, withMetric, rows, method: { trees: FOREST.trees, trainedOn } };
}

const roundOrNull = (v: number | null) => (v === null ? null : round(v, 4));

/** Metrics reported in a group, most reported first (ties by name). */
export function metricsOf(runs: readonly RunLike[]): string[] {
  const counts = new Map<string, number>();
  for (const r of runs) for (const [k, v] of Object.entries(r.data.evaluations ?? {})) if (typeof v === "number") counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}

export { groupParameters };
