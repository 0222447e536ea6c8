// One changed experiment against the state before the change: its primary
// metric against the production run and the best run on the same test data,
// and its parameters against production. Ranking, comparability and the diff
// are the domain's, shared with the site and `modelreg diff` (domain/).
import { sameTestData } from "../domain/comparability.ts";
import { diffExperiments } from "../domain/diff.ts";
import { bestRun, verdict } from "../domain/metric-goals.ts";
import type { ModelRuns } from "../domain/model-runs.ts";
import type { ExperimentRecord, ModelRecord } from "../registry/loader.ts";
import type { Comparison, Goal, MetricRef, RunRef } from "./types.ts";

export type ModelView = ModelRuns<ModelRecord, ExperimentRecord>;

export function runRef(run: ExperimentRecord, metric: MetricRef | undefined): RunRef {
  const value = metric ? run.data.evaluations?.[metric.name] : undefined;
  return { id: run.id, ...(run.data.version !== undefined && { version: run.data.version }), ...(value !== undefined && { value }) };
}

/** `a` minus `b`, and whether that is an improvement for the metric's goal. */
export function delta(a: number | undefined, b: number | undefined, goal: Goal): Pick<Comparison, "delta" | "verdict"> {
  if (a === undefined || b === undefined) return {};
  return { delta: a - b, verdict: verdict(a, b, goal) };
}

export function compare(value: number | undefined, other: ExperimentRecord | undefined, metric: MetricRef | undefined): Comparison | undefined {
  if (!other) return undefined;
  const run = runRef(other, metric);
  return { run, ...(metric ? delta(value, run.value, metric.goal) : {}) };
}

/**
 * The best run before the change among those measured on the same test data
 * as `run` (domain/comparability.ts, as the leaderboard groups them), other
 * than `run`'s own earlier version.
 */
export function bestComparable(run: ExperimentRecord, before: ModelView | undefined, metric: MetricRef | undefined): ExperimentRecord | undefined {
  if (!before || !metric) return undefined;
  return bestRun(
    before.experiments.filter((r) => r.id !== run.id && sameTestData(r.data, run.data)),
    metric,
  );
}

export function parameterChanges(run: ExperimentRecord, production: ExperimentRecord | undefined): Array<{ key: string; production: unknown; value: unknown }> {
  if (!production) return [];
  return diffExperiments([production.data, run.data])
    .filter((row) => row.section === "parameters")
    .map((row) => ({ key: row.key, production: row.values[0], value: row.values[1] }));
}
