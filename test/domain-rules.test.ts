// One definition per domain rule (issue #13): each rule of scripts/lib/domain/
// and the reference grammar of core/ref.ts, run through every caller, which
// must agree on the outcome, the words and the error code.
import assert from "node:assert/strict";
import { test } from "node:test";
import { DataError } from "../scripts/lib/core/errors.ts";
import { parseRef } from "../scripts/lib/core/ref.ts";
import { sameTestData } from "../scripts/lib/domain/comparability.ts";
import { GOALS, goalFor, verdict } from "../scripts/lib/domain/metric-goals.ts";
import { VERSION_TAKEN, versionTaken } from "../scripts/lib/domain/versions.ts";
import { loadRegistry } from "../scripts/lib/registry/loader.ts";
import { bestComparable, delta } from "../scripts/lib/report/compare.ts";
import { schemaDocument } from "../scripts/lib/schema/schemas.ts";
import type { ExperimentData } from "../scripts/lib/schema/types.ts";
import { leaderboardColumns, leaderboardGroups } from "../scripts/lib/site/leaderboard.ts";
import { buildSiteData, type ModelView } from "../scripts/lib/site/view.ts";
import { validateRegistry } from "../scripts/lib/validate/validate.ts";
import { addExperiment } from "../scripts/lib/write/add.ts";
import { promote } from "../scripts/lib/write/promote.ts";
import { BASELINE, edit, experimentFile, modelFile, RESNET, sampleCopy } from "./_edit-helpers.ts";

/** The sample's resnet50 experiment labelled 1.2.0. */
const V120 = "01kkb7bqrrrb8y321qfrq5mzez";
const META = { built: "", branch: "", registryPath: "registry" };

async function rejection(p: Promise<unknown>): Promise<DataError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(err instanceof DataError, `expected a DataError, got ${String(err)}`);
  return err;
}

test("domain: version uniqueness: add, promote and validate refuse a taken version with one code and the same words", async () => {
  const s = sampleCopy();
  const registry = `${s.root}/registry`;
  const taken = versionTaken({ model: RESNET, version: "1.2.0", holders: [V120] });
  const said = `modelreg: ${taken.message}\n  hint: ${taken.hint}\n`;
  const before = s.tree();

  const added = await rejection(addExperiment({ registry, ref: RESNET, version: "1.2.0", codeDir: s.root }));
  const promoted = await rejection(promote({ registry, ref: `${RESNET}@${BASELINE}`, alias: "canary", version: "1.2.0", remove: false, dryRun: false }));
  for (const err of [added, promoted]) assert.deepEqual([err.code, err.message, err.hint], [VERSION_TAKEN, taken.message, taken.hint]);
  const addCli = await s.cli(["add", "experiment", RESNET, "--version", "1.2.0"]);
  const promoteCli = await s.cli(["promote", `${RESNET}@${BASELINE}`, "--alias", "canary", "--version", "1.2.0"]);
  for (const r of [addCli, promoteCli]) assert.deepEqual([r.code, r.stderr], [1, said]);
  assert.deepEqual(s.tree(), before);

  // The same condition already in the tree: validate says it in the same words.
  const file = experimentFile(BASELINE);
  s.write(file, edit(s.read(file), `id: ${BASELINE}\n`, `id: ${BASELINE}\nversion: 1.2.0\n`));
  const { diagnostics } = await validateRegistry({ registry, cacheDir: false });
  const found = diagnostics.filter((d) => d.rule === "versions-unique-per-model").map((d) => [d.file.slice(d.file.lastIndexOf("/") + 1), d.message, d.hint]);
  assert.deepEqual(found.sort(), [
    [`${BASELINE}.yaml`, taken.message, taken.hint],
    [`${V120}.yaml`, versionTaken({ model: RESNET, version: "1.2.0", holders: [BASELINE] }).message, taken.hint],
  ]);
});

test("domain: alias resolution: validate, resolve, the site and the report agree on what an alias names", async () => {
  const s = sampleCopy();
  const registry = `${s.root}/registry`;
  const model = modelFile();
  s.write(model, edit(s.read(model), "  staging: 2.0.0\n", `  staging: 2.0.0\n  by-id: ${BASELINE}\n  upper: ${BASELINE.toUpperCase()}\n  missing: 9.9.9\n`));
  const { diagnostics } = await validateRegistry({ registry, cacheDir: false });
  const unresolved = diagnostics.filter((d) => d.rule === "aliases-resolve").map((d) => d.path);
  assert.deepEqual(unresolved.sort(), ["aliases.missing", "aliases.upper"]);

  const view = buildSiteData(await loadRegistry({ registry, cacheDir: false }), META).modelsByKey.get(RESNET);
  assert.ok(view);
  const resolved = Object.fromEntries([...view.aliases].map(([alias, run]) => [alias, run.id]));
  assert.deepEqual(Object.keys(resolved).sort(), ["by-id", "production", "staging"]);
  assert.equal(resolved.production, V120);
  assert.equal(resolved["by-id"], BASELINE);

  for (const [alias, id] of Object.entries(resolved)) {
    const r = await s.cli(["resolve", `${RESNET}@${alias}`, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).id, id, alias);
  }
  for (const alias of ["upper", "missing"]) assert.equal((await s.cli(["resolve", `${RESNET}@${alias}`])).code, 1, alias);
});

function run(id: string, test: ExperimentData["datasets"], accuracy: number): ModelView["experiments"][number] {
  const data: ExperimentData = { id, created: `2026-01-0${id.length % 9}T00:00:00Z`, datasets: test, evaluations: { accuracy, loss: 1 - accuracy } };
  return { kind: "experiment", file: `p/models/m/experiments/${id}.yaml`, path: "", project: "p", model: "m", id, data, locate: () => ({ line: 1, col: 1 }) };
}

test("domain: comparability: the leaderboard groups and the report's best comparable run follow the same test-data rule", () => {
  const sha = "a".repeat(64);
  const runs = [
    run("r1", { test: { uri: "s3://d/test.csv" } }, 0.9),
    run("r2", { test: { uri: "s3://d/test.csv" } }, 0.8),
    run("r3", { test: { uri: "s3://d/other.csv" } }, 0.95),
    run("r4", { test: { uri: "s3://d/test.csv", sha256: sha } }, 0.7),
    run("r5", { test: { uri: "s3://d/renamed.csv", sha256: sha } }, 0.6),
    run("r6", undefined, 0.99),
  ];
  const model = { kind: "model" as const, file: "p/models/m/model.yaml", path: "", project: "p", model: "m", locate: () => ({ line: 1, col: 1 }) };
  const view: ModelView = {
    key: "p/m",
    record: { ...model, data: { name: "m", created: "2026-01-01T00:00:00Z", primary_metric: { name: "accuracy", goal: "maximize" } } },
    project: {
      kind: "project",
      file: "p/project.yaml",
      path: "",
      project: "p",
      data: { name: "p", created: "2026-01-01T00:00:00Z" },
      locate: () => ({ line: 1, col: 1 }),
    },
    primary: { name: "accuracy", goal: "maximize", inferred: false },
    experiments: runs,
    aliases: new Map(),
  };
  const groups = leaderboardGroups(view).map((g) => g.runs.map((r) => r.id).sort());
  assert.deepEqual(groups.sort(), [["r1", "r2"], ["r3"], ["r4", "r5"], ["r6"]]);
  for (const a of runs) {
    for (const b of runs) {
      const together = groups.some((g) => g.includes(a.id) && g.includes(b.id));
      assert.equal(sameTestData(a.data, b.data), together, `${a.id} ${b.id}`);
    }
  }
  const metric = { name: "accuracy", goal: "maximize" as const, inferred: false };
  // Without a fingerprint, only runs on the same uri are compared (the experiment page asks sameTestData too).
  assert.equal(bestComparable(runs[1], view, metric)?.id, "r1");
  assert.equal(bestComparable(runs[4], view, metric)?.id, "r4");
  assert.equal(bestComparable(runs[2], view, metric), undefined);
});

test("domain: metric goals: the schema's goals, and the leaderboard's best and the report's verdict agree on which is better", () => {
  const goal = (schemaDocument("common").$defs as Record<string, { enum: string[] }>).goal.enum;
  assert.deepEqual([...GOALS], goal);
  assert.equal(goalFor("val_loss"), "minimize");
  assert.equal(goalFor("accuracy"), "maximize");
  const runs = [run("a1", undefined, 0.9), run("a2", undefined, 0.8)];
  const view = {
    key: "p/m",
    primary: { name: "loss", goal: "minimize" as const, inferred: true },
    experiments: runs,
    aliases: new Map(),
  } as unknown as ModelView;
  const [group] = leaderboardGroups(view);
  const columns = leaderboardColumns(view, group);
  const loss = columns.columns.findIndex((c) => c.key === "loss");
  assert.equal(columns.best[loss], 1 - 0.9);
  assert.equal(group.runs[0].id, "a1");
  for (const g of GOALS) {
    const x = g === "minimize" ? 0.1 : 0.9;
    assert.equal(delta(x, 0.5, g).verdict, "better");
    assert.equal(verdict(x, 0.5, g), "better");
  }
});

test("domain: the reference grammar: every command that takes a reference refuses a bad one in the same words", async () => {
  assert.deepEqual(parseRef("01KEDFVAEG"), { kind: "id", prefix: "01kedfvaeg" });
  assert.deepEqual(parseRef(`${RESNET}@1.2.0`), { kind: "experiment", project: "animal-image-classification", model: "resnet50", selector: "1.2.0" });
  const bad = "a/b/c";
  const words = `modelreg: "${bad}" is not a reference: it has more than one \`/\`\n`;
  const s = sampleCopy();
  for (const args of [
    ["show", bad],
    ["resolve", bad],
    ["diff", bad, BASELINE],
    ["update", "experiment", bad, "--metric", "accuracy=1"],
    ["promote", bad, "--alias", "production"],
    ["list", "experiments", "--model", bad],
  ]) {
    const r = await s.cli(args);
    assert.equal(r.code, 1, args.join(" "));
    assert.ok(r.stderr.startsWith(words), `${args.join(" ")}: ${r.stderr}`);
  }
});
