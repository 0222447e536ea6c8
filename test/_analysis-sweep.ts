// A generated hyperparameter sweep with a known truth (issue #17): the metric
// depends on `lr` (on a log scale) and `max_depth` plus noise; ten other
// parameters, three of them categorical, are irrelevant.
import { join } from "node:path";
import { makeUlid } from "../scripts/lib/core/ids.ts";
import type { ExperimentData } from "../scripts/lib/schema/types.ts";
import { writeTree } from "./_helpers.ts";

/** mulberry32: a small seeded generator, so the sweep is the same every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sweepRuns(n = 500, seed = 7): ExperimentData[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const start = Date.parse("2026-03-01T00:00:00Z");
  return Array.from({ length: n }, (_, i) => {
    const lr = 10 ** (-4 + 3 * r());
    const maxDepth = int(2, 12);
    const accuracy = 0.95 - 0.04 * (Math.log10(lr) + 2.5) ** 2 - 0.012 * Math.abs(maxDepth - 7) + (r() - 0.5) * 0.02;
    const bytes = new Uint8Array(10).map(() => int(0, 255));
    const created = start + i * 60_000;
    return {
      id: makeUlid(created, bytes),
      created: new Date(created).toISOString().replace(".000Z", "Z"),
      parameters: {
        lr,
        max_depth: maxDepth,
        n_estimators: int(50, 500),
        subsample: Number((0.5 + r() * 0.5).toFixed(3)),
        colsample: Number((0.3 + r() * 0.7).toFixed(3)),
        min_child_weight: int(1, 10),
        gamma: Number((r() * 5).toFixed(3)),
        reg_lambda: 10 ** (-3 + 4 * r()),
        seed: int(0, 99_999),
        booster: pick(["gbtree", "dart", "gblinear"]),
        tree_method: pick(["exact", "approx", "hist"]),
        objective: pick(["binary:logistic", "binary:hinge", "binary:logitraw", "reg:squarederror"]),
      },
      datasets: { test: { uri: "s3://sweeps/test.parquet", sha256: "ab".repeat(32) } },
      evaluations: { accuracy: Number(accuracy.toFixed(5)), latency_ms: Number((5 + r() * 10).toFixed(3)) },
    } as ExperimentData;
  });
}

/** A registry at `dir` holding the sweep as `sweeps/xgb`, accuracy its primary metric. */
export function writeSweepRegistry(dir: string, runs: ExperimentData[] = sweepRuns()): string {
  const registry = join(dir, "registry");
  const files: Record<string, string> = {
    "sweeps/project.yaml": 'name: Sweeps\ndescription: A generated sweep.\ncreated: "2026-03-01T00:00:00Z"\n',
    "sweeps/models/xgb/model.yaml": `name: XGBoost sweep\ndescription: Twelve parameters, two that matter.\ncreated: "2026-03-01T00:00:00Z"\nprimary_metric:\n  name: accuracy\n  goal: maximize\naliases:\n  production: ${runs[0].id}\n`,
  };
  for (const run of runs) files[`sweeps/models/xgb/experiments/${run.id}.yaml`] = `${JSON.stringify(run, null, 2)}\n`;
  writeTree(registry, files);
  return registry;
}
