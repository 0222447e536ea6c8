// Metric goals (issue #13): which metric ranks a model's runs, and which value
// of it is better. A model names its primary metric; when it does not, the
// metric most of its runs report is used, and its goal guessed from the name
// (losses and errors go down). Shared by the leaderboard, the experiment and
// compare pages, and the report.
//
// domain/ holds the registry's domain rules as pure functions, shared by the
// validation rules, the write commands, the report and the site. It imports
// core/ and schema/ only, so its functions take the plain shapes below.
import { COMMON_DEFS } from "../core/schema-defs.generated.ts";
import type { ExperimentData, Goal, ModelData } from "../schema/types.ts";

export type { Goal };

/** The goals a metric can have (common.schema.json `$defs/goal`). */
export const GOALS: readonly Goal[] = COMMON_DEFS.goal.enum;

/** What the metric functions need of a run. */
export interface Run {
  id: string;
  data: ExperimentData;
}

export interface PrimaryMetric {
  name: string;
  goal: Goal;
  /** True when the model did not name it and it was chosen from the runs. */
  inferred: boolean;
}

const LOWER_IS_BETTER = /(loss|error|err$|^err|rmse|mse|mae|mape|wer|cer|perplexity|latency|time|_ms\b|ms$|seconds|bytes|size|fpr|fnr)/i;

export function isGoal(text: string): text is Goal {
  return (GOALS as readonly string[]).includes(text);
}

/** The goal of a metric no model names, guessed from its name. */
export function goalFor(metric: string): Goal {
  return LOWER_IS_BETTER.test(metric) ? "minimize" : "maximize";
}

/** True when `a` is strictly better than `b` for the goal. */
export function isBetter(a: number, b: number, goal: Goal): boolean {
  return goal === "maximize" ? a > b : a < b;
}

/** `a` against `b`: better, worse or the same for the goal. */
export function verdict(a: number, b: number, goal: Goal): "better" | "worse" | "same" {
  return a === b ? "same" : isBetter(a, b, goal) ? "better" : "worse";
}

export function primaryMetricOf(model: ModelData, runs: readonly Run[]): PrimaryMetric | undefined {
  if (model.primary_metric) return { ...model.primary_metric, inferred: false };
  const counts = new Map<string, number>();
  for (const e of runs) for (const k of Object.keys(e.data.evaluations ?? {})) counts.set(k, (counts.get(k) ?? 0) + 1);
  let name: string | undefined;
  let most = 0;
  for (const [k, n] of counts) {
    if (n > most) [name, most] = [k, n];
  }
  return name === undefined ? undefined : { name, goal: goalFor(name), inferred: true };
}

/** Negative when `a` is better than `b`; runs without the value sort last. */
export function compareByMetric(metric: string, goal: Goal) {
  return (a: Run, b: Run): number => {
    const x = a.data.evaluations?.[metric];
    const y = b.data.evaluations?.[metric];
    if (x === undefined || y === undefined) return x === undefined ? (y === undefined ? 0 : 1) : -1;
    return goal === "maximize" ? y - x : x - y;
  };
}

/** The best run by the metric, or undefined when none reports it. */
export function bestRun<R extends Run>(runs: readonly R[], metric: Pick<PrimaryMetric, "name" | "goal"> | undefined): R | undefined {
  if (!metric) return undefined;
  const cmp = compareByMetric(metric.name, metric.goal);
  let best: R | undefined;
  for (const e of runs) if (e.data.evaluations?.[metric.name] !== undefined && (!best || cmp(e, best) < 0)) best = e;
  return best;
}
