// `modelreg import mlflow mlflow.db` through the CLI (issue #18): fixture
// databases built from the real MLflow schema DDL in
// test/fixtures/import/mlflow-sqlite-schema/, the bad inputs, and the real
// databases in ../shared/acceptance/mlflow-sqlite.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import Database from "better-sqlite3";
import { ROOT, tempDir } from "./_helpers.ts";
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
  mlflowDb,
  readYaml,
  report,
  snapshot,
} from "./_import-helpers.ts";

const NEW = "bda7b8c39065";
const OLD = "a8c4a736bde6";
const data = (fixture: string) => join(IMPORT_FIXTURES, fixture, "data.sql");
const importDb = (db: string, registry: string, ...flags: string[]) => cli(["import", "mlflow", db, "--project", "p", "--registry", registry, ...flags]);
const r = (c: string) => c.repeat(32);

describe("import mlflow from SQLite: fixtures", () => {
  test("the registry: versions label runs, stages and aliases become aliases; datasets by context; deleted runs and experiments skipped", async () => {
    const db = mlflowDb(NEW, data("mlflow-sqlite-registry"));
    const { registry } = emptyRegistry();
    const before = readFileSync(db);
    const out = report(await importDb(db, registry, "--format", "json"));
    assert.deepEqual(readYaml(join(registry, "p/models/churn/model.yaml")).aliases, { staging: "1", production: "2", champion: "2" });
    const base = bySource(registry, "p", r("1"));
    assert.equal(base.version, "1");
    assert.equal(base.created, "2023-11-14T22:16:40Z");
    assert.equal(base.description, "First try with gradient boosting.");
    assert.deepEqual(base.code, { commit: "c4b266ed278f7fd74a851d1931c0ffa0150a1742", repo: "https://github.com/acme/churn.git", branch: "main" });
    assert.deepEqual(base.evaluations, { auc: 0.81 });
    assert.deepEqual(
      base.history.auc.map((p: { step: number; value: number }) => [p.step, p.value]),
      [
        [0, 0.71],
        [1, 0.78],
        [2, 0.81],
      ],
    );
    assert.deepEqual(base.parameters, { lr: 0.01, max_depth: 6 });
    const tuned = bySource(registry, "p", r("2"));
    assert.equal(tuned.version, "2");
    assert.deepEqual(tuned.parameters.features, ["age", "plan"]);
    assert.deepEqual(tuned.datasets, {
      training: { uri: "data/train.parquet", name: "churn-train", revision: "8a4f1c2e", rows: 48000 },
      validation: { uri: "s3://acme-data/churn/eval.parquet", name: "churn-eval", revision: "5e6b7a90" },
    });
    assert.equal(tuned.artifacts.model, "file:///tmp/mlruns/1/models/m-99999999999999999999999999999999/artifacts");
    assert.equal(tuned.tags.team, "growth");
    assert.equal(bySource(registry, "p", r("3")).status, "failed");
    const why = (what: RegExp) => out.skipped.find((s) => what.test(s.what))?.why;
    assert.match(why(/dataset "features"/) ?? "", /no mlflow.data.context tag/);
    assert.match(why(/deleted-run/) ?? "", /deleted in MLflow; pass --include-deleted/);
    assert.match(why(/experiment 2 "Old experiment" \(1 runs\)/) ?? "", /deleted in MLflow/);
    assert.match(why(/version 3 of registered model "churn-model"/) ?? "", /is not imported from this store/);
    assert.ok(out.notes.some((n) => /1 MLflow 3 logged model/.test(n)));
    assert.equal(experimentsOf(registry, "p").length, 3);
    await assertValid(registry);
    assert.deepEqual(readFileSync(db), before, "the database is never written");

    const more = report(await importDb(`sqlite:///${db}`, registry, "--include-deleted", "--format", "json"));
    assert.equal(more.written.filter((w) => w.kind === "experiment").length, 2);
    assert.ok(readdirSync(join(registry, "p/models")).includes("old-experiment"));
    await assertValid(registry);
  });

  test("an older Alembic revision (MLflow 1.x): stages become aliases; a NaN last value is skipped with the reason", async () => {
    const db = mlflowDb(OLD, data("mlflow-sqlite-old"));
    const { registry } = emptyRegistry();
    const res = await importDb(db, registry);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /skipped metric "r2" of run bbbbbbbb \(elastic-b\): its last value nan is not a finite number/);
    assert.deepEqual(readYaml(join(registry, "p/models/wine/model.yaml")).aliases, { production: "1", staging: "2" });
    assert.deepEqual(bySource(registry, "p", r("b")).evaluations, { rmse: 0.55 });
    assert.equal(bySource(registry, "p", r("a")).code.commit, "0123456789abcdef0123456789abcdef01234567");
    assert.doesNotMatch(res.stdout, /not tested on/);
    await assertImportsOnce(registry, () => importDb(db, registry, "--format", "json"), 0);
  });

  test("a run with 10,000 metric steps: the last value is its evaluation, the history thinned evenly to 1000 points", async () => {
    const db = mlflowDb(NEW, "INSERT INTO experiments VALUES (0, 'Default', 'file:///tmp/mlruns/0', 'active', 1700000000000, 1700000000000);");
    const w = new Database(db);
    w.prepare(
      "INSERT INTO runs (run_uuid, name, status, start_time, lifecycle_stage, experiment_id) VALUES (?, 'long', 'FINISHED', 1700000000000, 'active', 0)",
    ).run(r("c"));
    const add = w.prepare("INSERT INTO metrics VALUES ('loss', ?, ?, ?, ?, 0)");
    w.transaction(() => {
      for (let step = 0; step < 10_000; step++) add.run(1 / (step + 1), 1700000000000 + step, r("c"), step);
    })();
    w.close();
    const { registry } = emptyRegistry();
    const out = report(await importDb(db, registry, "--format", "json"));
    const e = bySource(registry, "p", r("c"));
    assert.equal(e.evaluations.loss, 1 / 10_000);
    assert.equal(e.history.loss.length, 1000);
    assert.deepEqual([e.history.loss[0].step, e.history.loss.at(-1).step], [0, 9999]);
    assert.match(out.skipped.find((s) => s.what.startsWith("history of"))?.why ?? "", /10000 points thinned evenly to 1000/);
    await assertValid(registry);
  });

  test("an unknown revision is read when its tables are there (with a note), and refused naming the revision when they are not", async () => {
    const future = mlflowDb(NEW, data("mlflow-sqlite-registry"), "UPDATE alembic_version SET version_num = 'f00dfeed0001'");
    const { registry } = emptyRegistry();
    const ok = report(await importDb(future, registry, "--format", "json"));
    assert.ok(ok.notes.some((n) => /revision f00dfeed0001, which this importer was not tested on; it was read/.test(n)));
    const broken = mlflowDb(NEW, "UPDATE alembic_version SET version_num = 'f00dfeed0002'", "DROP TABLE params");
    const other = emptyRegistry().registry;
    assertUserError(await importDb(broken, other), 1, "revision f00dfeed0002", "lacks table params", "mlflow db upgrade");
    assert.deepEqual(readdirSync(other), []);
  });
});

describe("import mlflow from SQLite: bad input (exit 1, the file named, nothing written)", () => {
  let writer: ChildProcess | undefined;
  after(() => writer?.kill());

  const expectNothingWritten = async (db: string, ...expected: string[]) => {
    const { registry } = emptyRegistry();
    assert.equal((await cli(["import", "wandb", join(IMPORT_FIXTURES, "wandb-offline-run"), "--project", "p", "--registry", registry])).code, 0);
    const before = snapshot(registry);
    assertUserError(await importDb(db, registry), 1, db, ...expected);
    assert.deepEqual(snapshot(registry), before);
  };

  test("a file that is not SQLite", async () => {
    const file = join(tempDir(), "mlflow.db");
    writeFileSync(file, "experiment_id,name\n0,Default\n");
    await expectNothingWritten(file, "is not an SQLite database", "MLFLOW_TRACKING_URI");
  });

  test("a truncated database", async () => {
    const db = mlflowDb(NEW, data("mlflow-sqlite-registry"));
    truncateSync(db, 8192);
    await expectNothingWritten(db, "truncated", "Restore it from a backup");
  });

  test("a corrupt database", async () => {
    const db = mlflowDb(NEW, data("mlflow-sqlite-registry"));
    const bytes = readFileSync(db);
    // Page 1 holds sqlite_master: scramble its b-tree after the 100-byte file header.
    for (let i = 100; i < 4096; i++) bytes[i] = (i * 37) & 0xff;
    writeFileSync(db, bytes);
    await expectNothingWritten(db, "damaged SQLite database", ".recover");
  });

  test("SQLite but not MLflow", async () => {
    const file = join(tempDir(), "app.db");
    const db = new Database(file);
    db.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
    db.close();
    await expectNothingWritten(file, "is an SQLite database but not an MLflow tracking store");
  });

  test("a database locked by a writer in another process", async () => {
    const db = mlflowDb(NEW, data("mlflow-sqlite-registry"));
    const hold = `const D = require("better-sqlite3"); const db = new D(${JSON.stringify(db)}); db.exec("BEGIN EXCLUSIVE"); db.exec("DELETE FROM tags"); console.log("locked"); setInterval(() => {}, 1000);`;
    writer = spawn(process.execPath, ["-e", hold], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => writer?.stdout?.once("data", () => resolve()));
    await expectNothingWritten(db, "is locked by another process", ".backup");
    writer.kill();
  });
});

describe("import mlflow from SQLite: acceptance data (../shared/acceptance/mlflow-sqlite)", () => {
  const dbs: Array<[string, number]> = [
    ["01shriyansh__wineq_dvc", 5],
    ["0xEmad25__air-quality-mlops", 156],
    ["1412010__nda-mlops-zoomcamp-2024", 17],
    ["2023ac05242__mlops-iris", 34],
    ["Arnaud66170__P7_sentiment_MLOps", 384],
    ["Peco602__mlops-zoomcamp", 112],
  ];
  for (const [dir, runs] of dbs) {
    test(`${dir}: ${runs} runs import, validate, and a second import adds nothing`, async (t) => {
      const root = acceptance(t, `mlflow-sqlite/${dir}`);
      if (!root) return;
      const { registry } = emptyRegistry();
      await assertImportsOnce(registry, () => importDb(join(root, "mlflow.db"), registry, "--format", "json"), runs);
    });
  }

  test("quirks: aliases, dataset contexts, a NaN metric, logged models", async (t) => {
    const root = acceptance(t, "mlflow-sqlite");
    if (!root) return;
    const nda = emptyRegistry().registry;
    assert.equal((await importDb(join(root, "1412010__nda-mlops-zoomcamp-2024/mlflow.db"), nda)).code, 0);
    assert.deepEqual(readYaml(join(nda, "p/models/nyc-taxi-experiment/model.yaml")).aliases, { "in-preview": "1", staging: "1" });
    const withData = experimentsOf(nda, "p").filter((e) => e.value.datasets);
    assert.equal(withData.length, 2);
    assert.deepEqual(Object.keys(withData[0].value.datasets), ["training", "validation"]);
    const air = emptyRegistry().registry;
    const res = await importDb(join(root, "0xEmad25__air-quality-mlops/mlflow.db"), air);
    assert.match(res.stdout, /skipped metric "validation_roc_auc" .*nan is not a finite number/);
    assert.match(res.stdout, /156 MLflow 3 logged models/);
  });
});
