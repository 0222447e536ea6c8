// `modelreg import mlflow` through the CLI (issue #9): the edge cases in
// test/fixtures/import/mlflow-*/ and the real stores in ../shared/acceptance/mlflow.
import assert from "node:assert/strict";
import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { present, tempDir } from "./_helpers.ts";
import {
  acceptance,
  assertImportsOnce,
  assertUserError,
  assertValid,
  bySource,
  cli,
  emptyRegistry,
  experimentsOf,
  IMPORT_FIXTURES,
  readYaml,
  report,
  snapshot,
} from "./_import-helpers.ts";

const run = (n: number) => n.toString(16).padStart(32, "0");
const store = (fixture: string) => join(IMPORT_FIXTURES, fixture, "mlruns");
const importMlflow = (dir: string, registry: string, ...flags: string[]) => cli(["import", "mlflow", dir, "--project", "p", "--registry", registry, ...flags]);

describe("import mlflow: edge cases", () => {
  test("a run without a metrics/ directory imports with its params and no evaluations", async () => {
    const { registry } = emptyRegistry();
    const r = await importMlflow(store("mlflow-run-without-metrics"), registry);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /created project p .*\ncreated model p\/default .*\ncreated experiment .*run 00000000 \(no-metrics-dir\)/);
    const e = bySource(registry, "p", run(1));
    assert.deepEqual(e.parameters, { lr: 0.01 });
    assert.equal(e.evaluations, undefined);
    assert.equal(e.created, "2023-11-14T22:13:21Z");
    assert.equal(e.tags["mlflow.runName"], "no-metrics-dir");
    await assertValid(registry);
  });

  test("NaN and infinite metrics are skipped with a reason; finite history points are kept", async () => {
    const { registry } = emptyRegistry();
    const r = await importMlflow(store("mlflow-nan-metrics"), registry);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /skipped metric "loss" of run 00000000 \(diverged\): its last value nan is not a finite number/);
    assert.match(r.stdout, /skipped metric "grad_norm" .*inf is not a finite number/);
    assert.match(r.stdout, /skipped metric "val_loss" .*-inf is not a finite number/);
    const e = bySource(registry, "p", run(2));
    assert.deepEqual(e.evaluations, { acc: 0.75 });
    assert.deepEqual(
      e.history.acc.map((p: { step: number; value: number }) => [p.step, p.value]),
      [
        [0, 0.5],
        [2, 0.75],
      ],
    );
    await assertValid(registry);
  });

  test("long parameter values are kept whole; numbers, booleans and lists are typed, text that would change stays text", async () => {
    const { registry } = emptyRegistry();
    assert.equal((await importMlflow(store("mlflow-long-param-values"), registry)).code, 0);
    const e = bySource(registry, "p", run(3));
    assert.equal(e.parameters.prompt, "You are a helpful assistant. ".repeat(200));
    assert.deepEqual(e.parameters.image_size, [224, 224, 3]);
    assert.equal(e.parameters.version_label, "1.10");
    assert.equal(e.parameters.seed, "007");
    assert.equal(e.parameters.use_amp, true);
    await assertValid(registry);
  });

  test("nested experiment names become flat model slugs and keep their display names", async () => {
    const { registry } = emptyRegistry();
    assert.equal((await importMlflow(store("mlflow-nested-experiment-names"), registry)).code, 0);
    assert.deepEqual(readdirSync(join(registry, "p", "models")).sort(), ["team-vision-resnet50", "users-alice-example-com-churn"]);
    assert.equal(readYaml(join(registry, "p/models/team-vision-resnet50/model.yaml")).name, "team/vision/resnet50");
    assert.equal(readYaml(join(registry, "p/models/users-alice-example-com-churn/model.yaml")).name, "/Users/alice@example.com/churn");
    await assertValid(registry);
  });

  test("MLflow 3: logged models are not runs; each becomes an artifact of its run, with the git commit and note", async () => {
    const { registry } = emptyRegistry();
    const r = await importMlflow(store("mlflow-3x-logged-models"), registry);
    assert.match(r.stdout, /note: 1 MLflow 3 logged model \(models\/m-…\) is not a run/);
    const all = experimentsOf(registry, "p");
    assert.equal(all.length, 1);
    const e = all[0].value;
    assert.equal(e.artifacts.model, `file:///tmp/mlruns/5/models/m-${run(9)}/artifacts`);
    assert.equal(e.code.commit, "c4b266ed278f7fd74a851d1931c0ffa0150a1742");
    assert.equal(e.description, "Random forest baseline.");
    assert.equal(e.tags["mlflow.source.git.commit"], undefined);
    await assertValid(registry);
  });

  test("the model registry: versions label runs, stages and aliases become aliases; deleted runs and trashed experiments are skipped", async () => {
    const { registry } = emptyRegistry();
    const r = report(await importMlflow(store("mlflow-registry-aliases-stages"), registry, "--format", "json"));
    assert.deepEqual(readYaml(join(registry, "p/models/churn/model.yaml")).aliases, { production: "2", staging: "3", champion: "2" });
    assert.equal(bySource(registry, "p", run(10)).version, "1");
    assert.equal(bySource(registry, "p", run(11)).version, "2");
    assert.equal(bySource(registry, "p", run(12)).status, "failed");
    assert.equal(bySource(registry, "p", run(13)).status, "running");
    // Credentials in a URI are stripped, never written.
    assert.equal(bySource(registry, "p", run(11)).artifacts.run, "https://mlflow.example.com/artifacts/0/run11");
    const why = (what: RegExp) => r.skipped.find((s) => what.test(s.what))?.why;
    assert.match(present(why(/deleted-run/)), /deleted in MLflow; pass --include-deleted/);
    assert.match(present(why(/experiment 7 "Old experiment"/)), /deleted in MLflow/);
    assert.match(present(why(/version 4 of registered model "churn-model"/)), /is not imported from this store/);
    assert.equal(experimentsOf(registry, "p").length, 4);
    await assertValid(registry);

    const more = report(await importMlflow(store("mlflow-registry-aliases-stages"), registry, "--include-deleted", "--format", "json"));
    assert.deepEqual(more.written.filter((w) => w.kind === "experiment").length, 2);
    assert.ok(readdirSync(join(registry, "p/models")).includes("old-experiment"));
    await assertValid(registry);
  });

  test("a corrupt meta.yaml: exit 1 naming the file, line and fix; the registry is byte-for-byte untouched; --keep-going imports the rest", async () => {
    const { registry } = emptyRegistry();
    assert.equal((await importMlflow(store("mlflow-run-without-metrics"), registry)).code, 0);
    const before = snapshot(registry);
    const r = await importMlflow(store("mlflow-corrupt-meta"), registry);
    assertUserError(r, 1, `${run(7)}/meta.yaml:4:1: meta.yaml is not valid YAML`, "restore it from a backup", "--keep-going", "Nothing was written");
    assert.deepEqual(snapshot(registry), before);

    const kept = await importMlflow(store("mlflow-corrupt-meta"), registry, "--keep-going");
    assert.equal(kept.code, 0, kept.stderr);
    assert.match(kept.stdout, /created experiment .*run 00000000 \(good\)/);
    assert.match(kept.stdout, /skipped .*meta\.yaml:4:1: .*--keep-going/);
    await assertValid(registry);
  });

  test("re-running an import creates nothing and changes no byte; --dry-run writes nothing", async () => {
    const { registry } = emptyRegistry();
    const dry = await importMlflow(store("mlflow-registry-aliases-stages"), registry, "--dry-run");
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /would create experiment/);
    assert.match(dry.stdout, /dry run: nothing written/);
    assert.deepEqual(readdirSync(registry), []);
    assert.equal((await importMlflow(store("mlflow-registry-aliases-stages"), registry)).code, 0);
    const before = snapshot(registry);
    const again = await importMlflow(store("mlflow-registry-aliases-stages"), registry);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /already imported as/);
    assert.match(again.stdout, /nothing new to import into p/);
    assert.deepEqual(snapshot(registry), before);
  });

  test("usage errors: not a store, a bad --model-from, a bad project slug (exit 2, nothing written)", async () => {
    const { registry } = emptyRegistry();
    assertUserError(await importMlflow(tempDir(), registry), 2, "is not an MLflow file store");
    assertUserError(await importMlflow(join(tempDir(), "nope"), registry), 2, "does not exist");
    assertUserError(await importMlflow(store("mlflow-nan-metrics"), registry, "--model-from", "tags"), 2, "--model-from", "tag:model_name");
    assertUserError(await cli(["import", "mlflow", store("mlflow-nan-metrics"), "--project", "Bad Slug", "--registry", registry]), 2, 'Use "bad-slug"');
    assert.deepEqual(readdirSync(registry), []);
  });
});

describe("import mlflow: acceptance data (../shared/acceptance/mlflow)", () => {
  const stores: Array<[string, number]> = [
    ["16aryan__MLFlow/mlruns", 7],
    ["03MuskaanJain__Iris_MLFlow/mlruns", 13],
    ["Rajat-Jamblekar__mlops-iris/mlruns", 2],
    ["AbhaySingh71__Advance-MLflow/mlruns", 1],
    ["silver6wings__MLFlowSample/mlruns", 38],
    ["silver6wings__MLFlowSample/src/mlruns", 3],
    ["10-Academy-Batch-4-Week-4__Swahili-Speech-To-Text/mlruns", 1],
    ["10tanmay100__DEEPCNNCLASSIFIER/mlruns", 1],
  ];
  for (const [path, runs] of stores) {
    test(`${path}: ${runs} runs import, validate, and a second import adds nothing`, async (t) => {
      const dir = acceptance(t, `mlflow/${path}`);
      if (!dir) return;
      const { registry } = emptyRegistry();
      await assertImportsOnce(registry, () => importMlflow(dir, registry, "--format", "json"), runs);
    });
  }

  test("quirks: a RUNNING run, a 1.x run with an empty name, registry aliases, list params", async (t) => {
    const root = acceptance(t, "mlflow");
    if (!root) return;
    const { registry } = emptyRegistry();
    assert.equal((await importMlflow(join(root, "10tanmay100__DEEPCNNCLASSIFIER/mlruns"), registry)).code, 0);
    const running = experimentsOf(registry, "p")[0].value;
    assert.equal(running.status, "running");
    assert.deepEqual(running.parameters.IMAGE_SIZE, [224, 224, 3]);
    const abhay = emptyRegistry().registry;
    assert.equal((await importMlflow(join(root, "AbhaySingh71__Advance-MLflow/mlruns"), abhay)).code, 0);
    const model = readdirSync(join(abhay, "p/models"))[0];
    assert.deepEqual(readYaml(join(abhay, "p/models", model, "model.yaml")).aliases, { champion: "1" });
    const swahili = emptyRegistry().registry;
    const r = await importMlflow(join(root, "10-Academy-Batch-4-Week-4__Swahili-Speech-To-Text/mlruns"), swahili);
    assert.match(r.stdout, /skipped .*mlruns: not an experiment: it has no meta\.yaml/);
    assert.equal(experimentsOf(swahili, "p")[0].value.history.loss.length, 10);
  });

  test("--model-from tag:model puts each run in the model its tag names; runs without the tag are skipped with the reason", async (t) => {
    const dir = acceptance(t, "mlflow/Rajat-Jamblekar__mlops-iris/mlruns");
    if (!dir) return;
    const { registry } = emptyRegistry();
    const mixed = tempDir();
    cpSync(dir, join(mixed, "mlruns"), { recursive: true });
    cpSync(join(store("mlflow-nan-metrics"), "0", run(2)), join(mixed, "mlruns", "0", run(2)), { recursive: true });
    const r = report(
      await cli(["import", "mlflow", join(mixed, "mlruns"), "--project", "p", "--registry", registry, "--model-from", "tag:model", "--format", "json"]),
    );
    assert.deepEqual(readdirSync(join(registry, "p/models")).sort(), ["logisticregression", "randomforest"]);
    assert.match(present(r.skipped.find((s) => s.what.includes("diverged"))).why, /has no tag "model"/);
    await assertValid(registry);
  });
});
