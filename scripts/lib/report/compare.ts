// One changed experiment against the state before the change: its primary
// metric against the production run and the best run on the same test data,
// and its parameters against production. Ranking, grouping and the diff are
// the site's and `modelreg diff`'s own (metrics.ts, leaderboard.ts, diff.ts).
import { diffExperiments } from "../domain/diff.ts";
import type { ExperimentRecord } from "../registry/loader.ts";
import { leaderboardGroups } from "../site/leaderboard.ts";
import { bestRun } from "../site/metrics.ts";
import type { ModelView } from "../site/view.ts";
import type { Comparison, Goal, MetricRef, RunRef } from "./types.ts";

export function runRef(run: ExperimentRecord, metric: MetricRef | undefined): RunRef {
  const value = metric ? run.data.evaluations?.[metric.name] : undefined;
  return { id: run.id, ...(run.data.version !== undefined && { version: run.data.version }), ...(value !== undefined && { value }) };
}

/** `a` minus `b`, and whether that is an improvement for the metric's goal. */
export function delta(a: number | undefined, b: number | undefined, goal: Goal): Pick<Comparison, "delta" | "verdict"> {
  if (a === undefined || b === undefined) return {};
  const d = a - b;
  return { delta: d, verdict: d === 0 ? "same" : d > 0 === (goal === "maximize") ? "better" : "worse" };
}

export function compare(value: number | undefined, other: ExperimentRecord | undefined, metric: MetricRef | undefined): Comparison | undefined {
  if (!other) return undefined;
  const run = runRef(other, metric);
  return { run, ...(metric ? delta(value, run.value, metric.goal) : {}) };
}

/**
 * The best run before the change among those measured on the same test data
 * as `run` (the leaderboard's groups), other than `run`'s own earlier version.
 */
export function bestComparable(
  run: ExperimentRecord,
  after: ModelView,
  before: ModelView | undefined,
  metric: MetricRef | undefined,
): ExperimentRecord | undefined {
  if (!before || !metric) return undefined;
  const slug = leaderboardGroups(after).find((g) => g.runs.includes(run))?.slug;
  const group = leaderboardGroups(before).find((g) => g.slug === slug);
  return group
    ? bestRun(
        group.runs.filter((r) => r.id !== run.id),
        metric,
      )
    : undefined;
}

export function parameterChanges(run: ExperimentRecord, production: ExperimentRecord | undefined): Array<{ key: string; production: unknown; value: unknown }> {
  if (!production) return [];
  return diffExperiments([production.data, run.data])
    .filter((row) => row.section === "parameters")
    .map((row) => ({ key: row.key, production: row.values[0], value: row.values[1] }));
}
