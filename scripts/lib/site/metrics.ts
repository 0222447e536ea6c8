// Which metric ranks a model's runs and which value of it is best. A model
// names its primary metric; when it does not, the metric most of its runs
// report is used, and its goal guessed from the name (losses and errors go down).
import type { ExperimentRecord } from "../registry/loader.ts";
import type { ModelData } from "../schema/types.ts";

export interface PrimaryMetric {
  name: string;
  goal: "maximize" | "minimize";
  /** True when the model did not name it and the site chose it. */
  inferred: boolean;
}

const LOWER_IS_BETTER = /(loss|error|err$|^err|rmse|mse|mae|mape|wer|cer|perplexity|latency|time|_ms\b|ms$|seconds|bytes|size|fpr|fnr)/i;

export function goalFor(metric: string): "maximize" | "minimize" {
  return LOWER_IS_BETTER.test(metric) ? "minimize" : "maximize";
}

export function primaryMetricOf(model: ModelData, runs: readonly ExperimentRecord[]): PrimaryMetric | undefined {
  if (model.primary_metric) return { ...model.primary_metric, inferred: false };
  const counts = new Map<string, number>();
  for (const e of runs) for (const k of Object.keys(e.data.evaluations ?? {})) counts.set(k, (counts.get(k) ?? 0) + 1);
  let name: string | undefined;
  let most = 0;
  for (const [k, n] of counts) {
    if (name === undefined || n > most) {
      name = k;
      most = n;
    }
  }
  return name === undefined ? undefined : { name, goal: goalFor(name), inferred: true };
}

/** Negative when `a` is better than `b`; runs without the value sort last. */
export function compareByMetric(metric: string, goal: "maximize" | "minimize") {
  return (a: ExperimentRecord, b: ExperimentRecord): number => {
    const x = a.data.evaluations?.[metric];
    const y = b.data.evaluations?.[metric];
    if (x === undefined || y === undefined) return x === undefined ? (y === undefined ? 0 : 1) : -1;
    return goal === "maximize" ? y - x : x - y;
  };
}

/** The best run by the metric, or undefined when none reports it. */
export function bestRun(runs: readonly ExperimentRecord[], metric: PrimaryMetric | undefined): ExperimentRecord | undefined {
  if (!metric) return undefined;
  const cmp = compareByMetric(metric.name, metric.goal);
  let best: ExperimentRecord | undefined;
  for (const e of runs) if (e.data.evaluations?.[metric.name] !== undefined && (!best || cmp(e, best) < 0)) best = e;
  return best;
}
