// `modelreg import dvc` through the CLI (issue #9): a DVC project in a real
// git repository, `dvc exp show --json` output (DVC 2 and 3), a broken lock
// file, and the real projects in ../shared/acceptance/dvc.
import assert from "node:assert/strict";
import { cpSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { gitRepo } from "./_add-fixtures.ts";
import { present, tempDir } from "./_helpers.ts";
import {
  acceptance,
  assertImportsOnce,
  assertUserError,
  assertValid,
  cli,
  emptyRegistry,
  experimentsOf,
  IMPORT_FIXTURES,
  readYaml,
  report,
  snapshot,
} from "./_import-helpers.ts";

const importDvc = (dir: string, registry: string, ...flags: string[]) =>
  cli(["import", "dvc", dir, "--project", "p", "--model", "m", "--registry", registry, ...flags]);

function projectInGit(): { dir: string; commit: string } {
  const dir = tempDir("modelreg-dvc-");
  cpSync(join(IMPORT_FIXTURES, "dvc-project"), dir, { recursive: true });
  return { dir, commit: gitRepo(dir) };
}

describe("import dvc: a project's files", () => {
  test("params, metrics files from dvc.yaml, dvc.lock md5 as dataset fingerprints, DVCLive history and the git commit", async () => {
    const { dir, commit } = projectInGit();
    const { registry } = emptyRegistry();
    const r = report(await importDvc(dir, registry, "--format", "json"));
    const [e] = experimentsOf(registry, "p", "m").map((x) => x.value);
    assert.equal(e.source.id, commit);
    assert.equal(e.code.commit, commit);
    assert.equal(e.code.dirty, false);
    assert.deepEqual(e.parameters, { prepare: { split: 0.2, seed: 20170428 }, train: { lr: 0.001, epochs: 5 } });
    assert.deepEqual(e.datasets, {
      training: { uri: "data/train.csv", md5: "fcde2b2edba56bf408601fb721fe9b5c" },
      test: { uri: "data/test.csv", md5: "2c26b46b68ffc68ff99b453c1d304134" },
    });
    assert.deepEqual(e.evaluations, { auc: 0.95, "test.accuracy": 0.91, "test.f1": 0.88 });
    assert.equal(r.skipped.find((s) => s.what.startsWith('metric "loss"'))?.why, "NaN is not a finite number");
    assert.equal(r.skipped.find((s) => s.what.startsWith('metric "note"'))?.why, '"baseline" is not a number');
    assert.deepEqual(
      e.history.loss.map((p: { value: number }) => p.value),
      [0.9, 0.5],
    );
    assert.equal(e.artifacts["model.pkl"], "model.pkl");
    assert.equal(e.environment["dvc.lock"]["src/train.py"], "1b4f0e9851971998e732078544c96b36");
    await assertValid(registry);

    const before = snapshot(registry);
    const again = await importDvc(dir, registry);
    assert.match(again.stdout, /already imported as/);
    assert.deepEqual(snapshot(registry), before);

    // Uncommitted changes: the commit alone no longer names the run, so it is a new experiment.
    writeFileSync(join(dir, "eval/scores.yaml"), "auc: 0.97\n");
    const dirty = await importDvc(dir, registry);
    assert.match(dirty.stdout, /has uncommitted changes, so the run is identified by a digest/);
    assert.equal(experimentsOf(registry, "p", "m").length, 2);
    await assertValid(registry);
  });

  test("dvc exp show --json (DVC 3 and DVC 2 shapes): each commit and experiment, the workspace row skipped", async () => {
    const { registry } = emptyRegistry();
    const file = join(IMPORT_FIXTURES, "dvc-project-exp-show", "exp-show.json");
    const r = report(await importDvc(join(IMPORT_FIXTURES, "dvc-project"), registry, "--exp-show", file, "--format", "json"));
    assert.equal(r.written.filter((w) => w.kind === "experiment").length, 2);
    assert.match(present(r.skipped.find((s) => s.what.includes("workspace"))).why, /not a commit or an experiment/);
    const exp = present(
      experimentsOf(registry, "p", "m")
        .map((x) => x.value)
        .find((e) => e.source.id === "b".repeat(40)),
    );
    assert.deepEqual(exp.parameters, { train: { lr: 0.01, epochs: 5 } });
    assert.deepEqual(exp.evaluations, { acc: 0.93 });
    assert.deepEqual(exp.tags, { "dvc.name": "exp-lr-high", "dvc.baseline": "a".repeat(40) });
    assert.equal(exp.code.commit, "a".repeat(40));
    // DVC writes the time without a zone; it is read as local time, so only the day is certain here.
    assert.match(exp.created, /^2026-01-0[45]T\d\d:00:00Z$/);
    assert.deepEqual(exp.datasets.training, { uri: "data/train.csv", md5: "fcde2b2edba56bf408601fb721fe9b5c" });

    const dvc2 = report(
      await importDvc(
        join(IMPORT_FIXTURES, "dvc-project"),
        registry,
        "--exp-show",
        join(IMPORT_FIXTURES, "dvc-project-exp-show", "exp-show-dvc2.json"),
        "--format",
        "json",
      ),
    );
    assert.equal(dvc2.written.filter((w) => w.kind === "experiment").length, 2);
    await assertValid(registry);
  });

  test("a broken dvc.lock: exit 1 with file:line and what to do, registry untouched; usage errors exit 2", async () => {
    const { registry } = emptyRegistry();
    const before = snapshot(registry);
    assertUserError(
      await importDvc(join(IMPORT_FIXTURES, "dvc-broken-lock"), registry),
      1,
      "dvc.lock:7:1:",
      "lock file dvc.lock is not valid JSON or YAML",
      "Nothing was written",
    );
    assert.deepEqual(snapshot(registry), before);
    assertUserError(await importDvc(tempDir(), registry), 2, "is not a DVC project");
    assertUserError(await importDvc(join(IMPORT_FIXTURES, "dvc-project"), registry, "--exp-show", "missing.json"), 2, "cannot read --exp-show missing.json");
    assertUserError(await importDvc(join(IMPORT_FIXTURES, "dvc-project"), registry, "--model", "Not A Slug"), 2, 'Use "not-a-slug"');
    assert.deepEqual(readdirSync(registry), []);
  });

  test("without --model the model is named after the project's directory, and the report says so", async () => {
    const { dir } = projectInGit();
    const named = join(tempDir(), "Churn_Forecast");
    cpSync(dir, named, { recursive: true });
    const { registry } = emptyRegistry();
    const r = report(await cli(["import", "dvc", named, "--project", "p", "--registry", registry, "--format", "json"]));
    assert.deepEqual(readdirSync(join(registry, "p/models")), ["churn-forecast"]);
    assert.ok(r.notes.some((n) => /model churn-forecast, named after the directory Churn_Forecast; pass --model/.test(n)));
    assert.equal(readYaml(join(registry, "p/models/churn-forecast/model.yaml")).name, "Churn_Forecast");
    await assertValid(registry);
  });
});

describe("import dvc: acceptance projects (../shared/acceptance/dvc)", () => {
  const projects: Array<[string, Record<string, unknown>]> = [
    ["iterative__example-get-started", { training: { uri: "data/data.xml", md5: "22a1a2931c8370d3aeedd7183606fd7f" } }],
    ["iterative__example-dvc-experiments", { training: { uri: "data", md5: "687552951726b99c2eee15d29b4ccf0e.dir" } }],
    [
      "01shriyansh__wineq_dvc",
      {
        training: { uri: "data/processed/train_winequality.csv", md5: "4bccf4d668cdc60115de42ba74d416ab" },
        test: { uri: "data/processed/test_winequality.csv", md5: "01718da3bd6e206060ed00667ca1a389" },
      },
    ],
    ["178shivam178__mlops-transformers", {}],
    ["2003HARSH__Emotion-Detection-using-MLOps", {}],
    ["10tanmay100__DEEPCNNCLASSIFIER", {}],
  ];
  for (const [name, datasets] of projects) {
    test(`${name}: one experiment, valid, idempotent`, async (t) => {
      const dir = acceptance(t, `dvc/${name}`);
      if (!dir) return;
      const { registry } = emptyRegistry();
      await assertImportsOnce(registry, () => importDvc(dir, registry, "--format", "json"), 1);
      const [e] = experimentsOf(registry, "p", "m").map((x) => x.value);
      assert.ok(e.parameters, "params.yaml is imported");
      for (const [role, d] of Object.entries(datasets)) assert.deepEqual(e.datasets[role], d);
    });
  }
});
