// The read commands on a generated registry (600 experiments, seed 5), made by
// `modelreg generate` through the CLI: what a team with many runs does — filter,
// sort, cut — checked against the loader's records filtered in plain TypeScript.

import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { cacheEnv, present, tempDir } from "./_helpers.ts";
import { type Exp, idsOf, jsonIds, load, metric, num, ok, param, sortedIds, tag, time } from "./_read-helpers.ts";

const registry = join(tempDir(), "registry");
assert.match(await ok(["generate", "--experiments", "600", "--seed", "5", "--out", registry], {}), /wrote \d+ projects, \d+ models and 600 experiments/);
const reg = await load(registry);
const all = reg.experiments;
const ENV = cacheEnv();
const run = (...args: string[]) => ok([...args, "--registry", registry], ENV);
const byFirst = (a: unknown[], b: unknown[]) => (String(a[0]) < String(b[0]) ? -1 : 1);

describe("generated registry: list, show, resolve and diff", { concurrency: 4 }, () => {
  test("--where (two conditions) --sort metrics.auc desc --limit 20", async () => {
    const hit = (e: Exp) => num(metric(e, "auc")) > 0.9 && ["adam", "adamw"].includes(param(e, "optimizer.name") as string);
    const expected = sortedIds(all.filter(hit), [{ get: (e) => metric(e, "auc") as number, desc: true }]);
    assert.ok(expected.length > 20, `${expected.length} hits`);
    const out = await run(
      "list",
      "experiments",
      "--where",
      "metrics.auc > 0.9 and params.optimizer.name IN ('adam', 'adamw')",
      "--sort",
      "metrics.auc",
      "desc",
      "--limit",
      "20",
      "--json",
    );
    assert.deepEqual(jsonIds(out), expected.slice(0, 20));
  });

  test("or, parentheses, LIKE, a dotted metric name, dates and booleans; two sort keys", async () => {
    const where =
      "(tags.owner LIKE '@k%' or params.model.depth >= 50) and attributes.created < '2025-02-01' and metrics.val.accuracy > 0.8 and params.ema = true";
    const hit = (e: Exp) =>
      ((tag(e, "owner") as string).startsWith("@k") || num(param(e, "model.depth")) >= 50) &&
      time(e.data.created) < time("2025-02-01T00:00:00Z") &&
      num(metric(e, "val.accuracy")) > 0.8 &&
      param(e, "ema") === true;
    const expected = sortedIds(all.filter(hit), [{ get: (e) => param(e, "precision") as string }, { get: (e) => time(e.data.created), desc: true }]);
    assert.ok(expected.length > 15 && expected.length < all.length, `${expected.length} hits`);
    const out = await run(
      "list",
      "experiments",
      "--where",
      where,
      "--sort",
      "params.precision",
      "--sort",
      "attributes.created",
      "desc",
      "--limit",
      "15",
      "--json",
    );
    assert.deepEqual(jsonIds(out), expected.slice(0, 15));
  });

  test("--model scope and a tag's boolean value", async () => {
    const m = reg.models[0];
    const expected = idsOf(all.filter((e) => e.project === m.project && e.model === m.model && tag(e, "reviewed") === false));
    assert.ok(expected.length > 0);
    assert.deepEqual(jsonIds(await run("list", "experiments", "--model", `${m.project}/${m.model}`, "--where", "tags.reviewed = false", "--json")), expected);
  });

  test("list projects and list models count what the loader finds", async () => {
    const [projects, models] = await Promise.all([run("list", "projects", "--json"), run("list", "models", "--json")]);
    assert.deepEqual(
      JSON.parse(projects).map((p: { project: string; models: number; experiments: number }) => [p.project, p.models, p.experiments]),
      reg.projects
        .map((p) => [p.project, reg.models.filter((m) => m.project === p.project).length, all.filter((e) => e.project === p.project).length])
        .sort(byFirst),
    );
    assert.deepEqual(
      JSON.parse(models).map((m: { project: string; model: string; experiments: number }) => [`${m.project}/${m.model}`, m.experiments]),
      reg.models.map((m) => [`${m.project}/${m.model}`, all.filter((e) => e.project === m.project && e.model === m.model).length]).sort(byFirst),
    );
  });

  test("resolve @production and show by id prefix agree with the model's alias", async () => {
    const m = present(reg.models.find((x) => x.data.aliases?.production));
    const production = present(m.data.aliases?.production);
    const e = present(all.find((x) => x.project === m.project && x.model === m.model && (x.data.version === production || x.id === production)));
    const [resolved, shown] = await Promise.all([run("resolve", `${m.project}/${m.model}@production`, "--json"), run("show", e.id.slice(0, 12), "--json")]);
    assert.deepEqual([JSON.parse(resolved).id, JSON.parse(resolved).artifacts], [e.id, e.data.artifacts]);
    assert.equal(JSON.parse(shown).id, e.id);
    assert.ok(JSON.parse(shown).aliases.includes("production"));
  });

  test("diff two experiments of one model: the differing metrics", async () => {
    const [a, b] = all.filter((e) => e.model === reg.models[1].model && e.project === reg.models[1].project);
    const out = JSON.parse(await run("diff", a.id, b.id, "--json")) as { rows: Array<{ section: string; key: string; values: unknown[] }> };
    const names = [...new Set([...Object.keys(a.data.evaluations ?? {}), ...Object.keys(b.data.evaluations ?? {})])].filter(
      (k) => metric(a, k) !== metric(b, k),
    );
    assert.ok(names.length > 0);
    assert.deepEqual(
      out.rows
        .filter((r) => r.section === "evaluations")
        .map((r) => [r.key, r.values])
        .sort(),
      names.map((k) => [k, [metric(a, k) ?? null, metric(b, k) ?? null]]).sort(),
    );
  });

  test("an experiment without status is finished, as the schema says", async () => {
    const expected = idsOf(all.filter((e) => (e.data.status ?? "finished") === "finished"));
    assert.ok(all.some((e) => e.data.status === undefined));
    assert.deepEqual(jsonIds(await run("list", "experiments", "--where", "attributes.status = 'finished'", "--json")), expected);
  });
});
