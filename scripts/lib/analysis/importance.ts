// Parameter importance (issue #17), as W&B computes it: a random forest
// (ml-random-forest) learns the metric from the parameters, and each
// parameter's importance is its share of the forest's decrease in squared
// error (mean decrease in impurity). Seeded throughout, so a build gives the
// same numbers byte for byte.
import { createHash } from "node:crypto";
import { RandomForestRegression } from "ml-random-forest";
import type { RunLike, VariedParam } from "./parameters.ts";

export const FOREST = {
  trees: 16,
  /**
   * Runs a forest learns from. ml-cart tries every split point of every
   * feature, so a tree costs the square of its rows: a sample keeps any group
   * to about half a second. Which runs are sampled depends only on their ids,
   * so adding one run does not reshuffle the rest.
   */
  maxRuns: 200,
  /** Share of the parameters each tree sees; trees that differ see the weak parameters too. */
  featureShare: 0.6,
  maxDepth: 6,
  minLeaf: 5,
  seed: 17,
} as const;

export interface ForestResult {
  /** Per varied parameter, in its order; they sum to 1. */
  importances: number[];
  /** Runs the forest was trained on (a sample when the group is larger than FOREST.maxRuns). */
  trainedOn: number;
}

/** A run's place in every seeded sample: a hash of its id. */
export const sampleKey = (id: string): string => createHash("sha1").update(`${FOREST.seed}:${id}`).digest("hex");

/**
 * A number per run and parameter, as the trees split on them: categories by
 * their code; a missing value below every real one (code -1, or under the
 * minimum), so "the run has no value" is a split the forest can learn.
 */
function features(params: readonly VariedParam[], rows: readonly number[]): number[][] {
  const missing = params.map((p) => {
    if (p.kind !== "numeric") return -1;
    const present = p.values.filter((v): v is number => v !== null);
    const min = Math.min(...present);
    return min - (Math.max(...present) - min) - 1;
  });
  return rows.map((r) => params.map((p, j) => p.values[r] ?? missing[j]));
}

/**
 * Importances for the metric. The forest sees its sample in the order of the
 * sample keys, not of `runs`, so the leaderboard's order (the site) and the
 * files' order (the CLI) give the same numbers.
 */
export function forestImportance(runs: readonly RunLike[], params: readonly VariedParam[], metric: ReadonlyArray<number | null>): ForestResult {
  const rows = runs
    .map((run, i) => ({ i, key: sampleKey(run.id) }))
    .filter(({ i }) => metric[i] !== null)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, FOREST.maxRuns)
    .map(({ i }) => i);
  const forest = new RandomForestRegression({
    nEstimators: FOREST.trees,
    maxFeatures: params.length === 1 ? 1 : Math.max(1, Math.ceil(params.length * FOREST.featureShare)),
    replacement: false,
    seed: FOREST.seed,
    useSampleBagging: true,
    noOOB: true,
    treeOptions: { maxDepth: FOREST.maxDepth, minNumSamples: FOREST.minLeaf },
  });
  forest.train(
    features(params, rows),
    rows.map((r) => metric[r] as number),
  );
  const raw = (forest as unknown as { featureImportance(): number[] }).featureImportance();
  // A tree that cannot split (every sampled run scores the same) yields NaN; it says nothing.
  const clean = raw.map((v) => (Number.isFinite(v) ? v : 0));
  const total = clean.reduce((a, b) => a + b, 0);
  return { importances: clean.map((v) => (total > 0 ? v / total : 0)), trainedOn: rows.length };
}
