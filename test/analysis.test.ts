// Sweep analysis (issue #17): importance finds the parameters a generated
// sweep depends on, correlation matches a hand computation, odd data is
// handled, and `modelreg importance` prints the same from the CLI.
import { strict as assert } from "node:assert";
import { before, describe, test } from "node:test";
import { groupParameters, importanceFor, MIN_RUNS } from "../scripts/lib/analysis/analysis.ts";
import { pearson } from "../scripts/lib/analysis/correlation.ts";
import type { ExperimentData } from "../scripts/lib/schema/types.ts";
import { sweepRuns, writeSweepRegistry } from "./_analysis-sweep.ts";
import { cacheEnv, runCli, tempDir } from "./_helpers.ts";

const asRuns = (data: ExperimentData[]) => data.map((d) => ({ id: d.id, data: d }));
const run = (i: number, parameters: Record<string, unknown>, evaluations: Record<string, number> = {}) => ({
  id: `r${i}`,
  data: { id: `r${i}`, created: "2026-01-01T00:00:00Z", parameters, evaluations } as ExperimentData,
});

describe("importance", () => {
  const runs = asRuns(sweepRuns());

  test("ranks the two parameters the metric depends on first and second", () => {
    const result = importanceFor(runs, "accuracy");
    assert.equal(result.withMetric, 500);
    assert.equal(result.rows.length, 12);
    assert.deepEqual(
      result.rows.slice(0, 2).map((r) => r.key),
      ["lr", "max_depth"],
    );
    // Together they explain most of what the forest learned; no irrelevant one comes close.
    assert.ok(result.rows[0].importance + result.rows[1].importance > 0.7, JSON.stringify(result.rows));
    assert.ok(result.rows[2].importance < result.rows[1].importance / 2, JSON.stringify(result.rows));
    const sum = result.rows.reduce((a, r) => a + r.importance, 0);
    assert.ok(Math.abs(sum - 1) < 0.001, String(sum));
    for (const r of result.rows) assert.equal(r.runs, 500);
    for (const key of ["booster", "tree_method", "objective"]) assert.equal(result.rows.find((r) => r.key === key)?.correlation, null, key);
  });

  test("is the same on every run (seeded) and whatever the order of the runs", () => {
    const once = JSON.stringify(importanceFor(runs, "accuracy"));
    assert.equal(JSON.stringify(importanceFor(asRuns(sweepRuns()), "accuracy")), once);
    const byMetric = [...runs].sort((a, b) => (b.data.evaluations?.accuracy ?? 0) - (a.data.evaluations?.accuracy ?? 0));
    assert.equal(JSON.stringify(importanceFor(byMetric, "accuracy")), once);
  });

  test(`explains instead of guessing below ${MIN_RUNS} runs`, () => {
    const few = importanceFor(runs.slice(0, MIN_RUNS - 1), "accuracy");
    assert.deepEqual(few.rows, []);
    assert.match(few.reason ?? "", /needs at least 5 runs that report accuracy; this group has 4/);
  });

  test("says so when the metric does not vary or no parameter does", () => {
    const flat = Array.from({ length: 6 }, (_, i) => run(i, { lr: i }, { acc: 0.5 }));
    assert.match(importanceFor(flat, "acc").reason ?? "", /same acc/);
    const fixed = Array.from({ length: 6 }, (_, i) => run(i, { lr: 1 }, { acc: i }));
    assert.match(importanceFor(fixed, "acc").reason ?? "", /No parameter varies/);
  });
});

describe("correlation", () => {
  test("matches a hand computation", () => {
    // x = 1..5, y = 2, 4, 5, 4, 5: mean x 3, mean y 4; Σdxdy = 6, Σdx² = 10, Σdy² = 6; r = 6/√60.
    assert.ok(Math.abs((pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]) ?? NaN) - 6 / Math.sqrt(60)) < 1e-12);
    assert.equal(pearson([1, 2, 3], [3, 2, 1]), -1);
  });

  test("uses only the pairs where both values exist, and is null without variation", () => {
    assert.equal(pearson([1, null, 3, 4], [2, 100, 6, 8]), 1);
    assert.equal(pearson([1, 1, 1], [1, 2, 3]), null);
    assert.equal(pearson([1], [1]), null);
  });

  test("reaches the importance table, over the runs that have the parameter", () => {
    const runs = [1, 2, 3, 4, 5].map((x, i) => run(i, { x, ...(i > 0 && { y: i }) }, { m: [2, 4, 5, 4, 5][i] }));
    const rows = importanceFor(runs, "m").rows;
    assert.equal(rows.find((r) => r.key === "x")?.correlation, Number((6 / Math.sqrt(60)).toFixed(4)));
    assert.equal(rows.find((r) => r.key === "y")?.runs, 4);
  });
});

describe("parameters of a group", () => {
  test("constants are left out and listed; missing values, booleans and categories are encoded", () => {
    const runs = [
      run(0, { opt: { name: "adam", lr: 0.1 }, arch: "resnet", flip: true, betas: [0.9, 0.99] }),
      run(1, { opt: { name: "sgd", lr: 0.001, momentum: 0.9 }, arch: "resnet", flip: false, betas: [0.9, 0.999] }),
      run(2, { opt: { name: "adam", lr: 0.01 }, arch: "resnet", flip: true, betas: [0.9, 0.99], note: null }),
    ];
    const { varied, constants } = groupParameters(runs);
    assert.deepEqual(constants, [["arch", "resnet"]]);
    const byKey = new Map(varied.map((p) => [p.key, p]));
    assert.deepEqual([...byKey.keys()], ["betas", "flip", "opt.lr", "opt.momentum", "opt.name"]);
    assert.deepEqual(byKey.get("opt.name"), { key: "opt.name", kind: "categorical", count: 3, categories: ["adam", "sgd"], values: [0, 1, 0] });
    assert.deepEqual(byKey.get("flip")?.values, [1, 0, 1]);
    assert.equal(byKey.get("flip")?.kind, "boolean");
    assert.deepEqual(byKey.get("opt.momentum"), { key: "opt.momentum", kind: "numeric", count: 1, values: [null, 0.9, null] });
    assert.equal(byKey.get("opt.lr")?.log, true);
    assert.deepEqual(byKey.get("betas")?.categories, ["[0.9,0.99]", "[0.9,0.999]"]);
  });
});

describe("modelreg importance", () => {
  let registry: string;
  const env = cacheEnv();
  before(() => {
    registry = writeSweepRegistry(tempDir());
  });

  test("prints the table with the two real parameters on top", async () => {
    const r = await runCli(["importance", "sweeps/xgb", "--registry", registry], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /500 runs, 500 with accuracy/);
    const lines = r.stdout.split("\n");
    const header = lines.findIndex((l) => l.startsWith("parameter"));
    assert.ok(header > 0, r.stdout);
    assert.match(lines[header], /importance\s+correlation\s+runs/);
    assert.deepEqual(
      lines.slice(header + 2, header + 4).map((l) => l.split(/\s+/)[0]),
      ["lr", "max_depth"],
    );
    assert.equal(lines.slice(header + 2).filter((l) => /\s500$/.test(l)).length, 12);
  });

  test("--json gives the same ranking, and --where narrows the runs", async () => {
    const r = await runCli(["importance", "sweeps/xgb", "--registry", registry, "--json"], { env });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.metric, "accuracy");
    assert.equal(out.groups.length, 1);
    assert.deepEqual(
      out.groups[0].importance.rows.slice(0, 2).map((x: { key: string }) => x.key),
      ["lr", "max_depth"],
    );
    const lib = importanceFor(asRuns(sweepRuns()), "accuracy");
    assert.deepEqual(out.groups[0].importance, JSON.parse(JSON.stringify(lib)));

    const narrowed = JSON.parse(
      (await runCli(["importance", "sweeps/xgb", "--registry", registry, "--json", "--where", "params.booster = 'dart'"], { env })).stdout,
    );
    const darts = sweepRuns().filter((d) => d.parameters?.booster === "dart").length;
    assert.equal(narrowed.groups[0].runs, darts);
    assert.ok(!narrowed.groups[0].importance.rows.some((x: { key: string }) => x.key === "booster"), "booster is constant among dart runs");
    assert.deepEqual(narrowed.groups[0].constants, [["booster", "dart"]]);
  });

  test("--metric picks another metric; an unknown one is a clear error", async () => {
    const ok = await runCli(["importance", "sweeps/xgb", "--registry", registry, "--metric", "latency_ms"], { env });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /importance for latency_ms/);
    const bad = await runCli(["importance", "sweeps/xgb", "--registry", registry, "--metric", "acuracy"], { env });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /no run of sweeps\/xgb reports the metric "acuracy"\n {2}hint: Did you mean "accuracy"\?/);
    assert.doesNotMatch(bad.stderr, /at .*\.ts/);
    const where = await runCli(["importance", "sweeps/xgb", "--registry", registry, "--where", "params.lr >"], { env });
    // As `list experiments --where`: the query's own message, pointing at the column.
    assert.equal(where.code, 1, where.stderr);
    assert.match(where.stderr, /column 12: expected a value after ">"/);
    const model = await runCli(["importance", "sweeps/nope", "--registry", registry], { env });
    assert.equal(model.code, 1);
    assert.match(model.stderr, /has no model "nope"/);
  });
});
