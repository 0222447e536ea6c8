// `modelreg add` through the real CLI (issue #4): every flag, the inputs
// training code hands over (DVC params.yaml, argparse JSON dumps, Keras and
// Lightning CSV logs), dataset fingerprints, dry runs, and bad input.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, truncateSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  add,
  assertUserError,
  assertValid,
  experimentFiles,
  MODEL,
  MODEL_DIR,
  onlyExperiment,
  PROJECT,
  REF,
  readRecord,
  registryIn,
  scratch,
} from "./_add-fixtures.ts";
import { BIN, SHARED, writeTree } from "./_helpers.ts";

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

describe("add project and add model", () => {
  test("add project writes project.yaml with the schema line, Unicode name, owners, and validates", async () => {
    const root = scratch();
    writeTree(root, { "registry/.gitkeep": "" });
    const r = await add(
      ["project", "churn", "--registry", "registry", "--name", "이탈 예측", "--description", "Who leaves.", "--owner", "@jiwoo", "--owner", "@ml/team"],
      { cwd: root },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `added project churn  ${join("registry", "churn", "project.yaml")}\n`);
    const { text, value } = readRecord(join(root, "registry/churn/project.yaml"), "project");
    assert.ok(text.startsWith("# yaml-language-server: $schema=../../schemas/project.schema.json\n"));
    assert.deepEqual({ ...value, created: undefined }, { name: "이탈 예측", description: "Who leaves.", created: undefined, owners: ["@jiwoo", "@ml/team"] });
    assert.match(value.created, RFC3339);
    await assertValid(join(root, "registry"));
  });

  test("add project refuses a bad slug (with a suggestion), an existing project and a taken name", async () => {
    const root = scratch();
    const registry = registryIn(root);
    assertUserError(
      await add(["project", "My Project", "--registry", registry, "--name", "x"]),
      2,
      '"My Project" is not a valid project slug',
      'Use "my-project"',
    );
    assertUserError(await add(["project", PROJECT, "--registry", registry, "--name", "x"]), 1, "already exists");
    assertUserError(await add(["project", "other", "--registry", registry, "--name", "동물 이미지 분류"]), 1, "already used by");
    assert.deepEqual(readdirSync(registry), [PROJECT]);
  });

  test("add model writes model.yaml with task and primary metric; its project must exist", async () => {
    const root = scratch();
    const registry = registryIn(root);
    const r = await add([
      "model",
      `${PROJECT}/vit-small`,
      "--registry",
      registry,
      "--name",
      "ViT-S/16",
      "--task",
      "image-classification",
      "--primary-metric",
      "top1:maximize",
      "--description",
      "Small ViT.",
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^added model ${PROJECT}/vit-small  .*model\\.yaml\\n$`));
    const { text, value } = readRecord(join(registry, PROJECT, "models/vit-small/model.yaml"), "model");
    assert.ok(text.startsWith("# yaml-language-server: $schema=../../../../schemas/model.schema.json\n"));
    assert.deepEqual(value.primary_metric, { name: "top1", goal: "maximize" });
    assert.equal(value.task, "image-classification");
    assert.equal(value.description, "Small ViT.");
    await assertValid(registry);

    assertUserError(
      await add(["model", "animal-image-clasification/x", "--registry", registry, "--name", "X"]),
      1,
      'there is no project "animal-image-clasification"',
      `Did you mean "${PROJECT}"?`,
    );
    assertUserError(
      await add(["model", `${PROJECT}/y`, "--registry", registry, "--name", "Y", "--primary-metric", "accuracy"]),
      2,
      "name:maximize or name:minimize",
    );
    assertUserError(await add(["model", `${PROJECT}/Bad_Name`, "--registry", registry, "--name", "Y"]), 2, 'Use "bad-name"');
    assert.deepEqual(readdirSync(join(registry, PROJECT, "models")).sort(), [MODEL, "vit-small"]);
  });

  test("a registry directory that does not exist is a usage error", async () => {
    assertUserError(await add(["project", "p", "--registry", join(scratch(), "nope"), "--name", "P"]), 2, "does not exist");
  });
});

describe("add experiment", () => {
  test("every flag: params files and --param, metrics, history, datasets, artifacts, tags, version", async () => {
    const root = scratch();
    const registry = registryIn(root);
    const csvBytes = "id,text,label\n1,hello,0\n2,bye,1\n";
    writeTree(root, {
      // DVC-style params.yaml, then an argparse dump (json.dump(vars(args))) that overrides part of it.
      "params.yaml": "prepare:\n  split: 0.20\n  seed: 20170428\ntrain:\n  lr: 0.1\n  epochs: 10\n  optimizer: sgd\n",
      "args.json": '{\n\t"train": {"lr": 0.01, "nesterov": true},\n\t"model": "resnet50",\n\t"IMAGE_SIZE": [224, 224, 3]\n}\n',
      "scores.json": '{"test": {"accuracy": 0.9342, "f1_macro": 0.91}, "loss": 0.21}',
      "more-metrics.yaml": "loss: 0.2\ntop5: 0.99\n",
      "history.csv": "epoch,accuracy,loss,val_accuracy,val_loss\n0,0.61,1.20,0.66,1.01\n1,0.78,0.71,0.80,0.64\n2,0.85,0.45,0.83,0.52\n",
      "data/train.csv": csvBytes,
      "data/test/part-0.csv": "id,text,label\n3,x,0\n",
      "data/test/nested/part-1.csv": "id,text,label\n4,y,1\n",
    });
    const valSha = "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9";
    const r = await add(
      [
        "experiment",
        REF,
        "--registry",
        registry,
        "--version",
        "1.10",
        "--params",
        "params.yaml",
        "--params",
        "args.json",
        "--param",
        "train.epochs=30",
        "--param",
        'train.warmup="5"',
        "--param",
        "extra.flag=true",
        "--param",
        "extra.note=lr: high",
        "--metrics",
        "scores.json",
        "--metrics",
        "more-metrics.yaml",
        "--metric",
        "latency_ms=12.5",
        "--history",
        "history.csv",
        "--train",
        "data/train.csv",
        "--val",
        "s3://ml-data/animals/val.parquet",
        "--val-sha256",
        valSha.toUpperCase(),
        "--test",
        "data/test",
        "--artifact",
        "model=s3://ml-models/animals/run-1/model.pt",
        "--artifact",
        "onnx=s3://ml-models/animals/run-1/model.onnx",
        "--tag",
        "team=vision",
        "--tag",
        "ticket=1.10",
        "--description",
        "ResNet-50, AdamW.",
      ],
      { cwd: root },
    );
    assert.equal(r.code, 0, r.stderr);
    const { file, text, value } = onlyExperiment(registry);
    const id = value.id as string;
    assert.equal(r.stdout, `added experiment ${id.slice(0, 12)}  ${join(registry, MODEL_DIR, "experiments", `${id}.yaml`)}\n`);
    assert.equal(file, join(registry, MODEL_DIR, "experiments", `${id}.yaml`));
    assert.ok(text.startsWith("# yaml-language-server: $schema=../../../../../schemas/experiment.schema.json\n"));
    assert.match(text, /^version: "1\.10"$/m, "a numbers-like version stays a string");
    assert.match(value.created, RFC3339);
    assert.ok(Math.abs(Date.parse(value.created) - Date.now()) < 60_000, "created is now");
    assert.deepEqual(Object.keys(value), ["id", "version", "created", "description", "parameters", "datasets", "evaluations", "history", "artifacts", "tags"]);
    assert.deepEqual(value.parameters, {
      prepare: { split: 0.2, seed: 20170428 },
      train: { lr: 0.01, epochs: 30, optimizer: "sgd", nesterov: true, warmup: "5" },
      model: "resnet50",
      IMAGE_SIZE: [224, 224, 3],
      extra: { flag: true, note: "lr: high" },
    });
    assert.deepEqual(value.evaluations, { "test.accuracy": 0.9342, "test.f1_macro": 0.91, loss: 0.2, top5: 0.99, latency_ms: 12.5 });
    assert.deepEqual(value.history?.val_loss, [
      { step: 0, value: 1.01 },
      { step: 1, value: 0.64 },
      { step: 2, value: 0.52 },
    ]);
    assert.deepEqual(Object.keys(value.history ?? {}), ["accuracy", "loss", "val_accuracy", "val_loss"]);
    // Fingerprints computed here independently: the file's bytes, and the directory by the recipe in scripts/lib/inputs/fingerprint.ts.
    const dirSha = execFileSync("bash", ["-c", "(cd data/test && find -L . -type f -printf '%P\\n' | LC_ALL=C sort | xargs -d '\\n' sha256sum) | sha256sum"], {
      cwd: root,
      encoding: "utf8",
    }).split(" ")[0];
    assert.deepEqual(value.datasets, {
      training: { uri: "data/train.csv", sha256: createHash("sha256").update(csvBytes).digest("hex") },
      validation: { uri: "s3://ml-data/animals/val.parquet", sha256: valSha },
      test: { uri: "data/test", sha256: dirSha },
    });
    assert.deepEqual(value.artifacts, { model: "s3://ml-models/animals/run-1/model.pt", onnx: "s3://ml-models/animals/run-1/model.onnx" });
    assert.deepEqual(value.tags, { team: "vision", ticket: "1.10" });
    assert.equal(value.description, "ResNet-50, AdamW.");
    await assertValid(registry);
  });

  test("history from a Lightning CSVLogger file, where train and val rows leave cells empty", async () => {
    const root = scratch();
    const registry = registryIn(root);
    writeTree(root, {
      "metrics.csv": "epoch,step,train_loss,val_loss,val_acc\n0,49,0.91,,\n0,99,0.62,,\n0,99,,0.58,0.81\n1,149,0.44,,\n1,199,0.39,,\n1,199,,0.41,0.88\n",
    });
    const r = await add(["experiment", REF, "--registry", registry, "--history", "metrics.csv"], { cwd: root });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(onlyExperiment(registry).value.history, {
      train_loss: [
        { step: 49, value: 0.91 },
        { step: 99, value: 0.62 },
        { step: 149, value: 0.44 },
        { step: 199, value: 0.39 },
      ],
      val_loss: [
        { step: 99, value: 0.58 },
        { step: 199, value: 0.41 },
      ],
      val_acc: [
        { step: 99, value: 0.81 },
        { step: 199, value: 0.88 },
      ],
    });
    await assertValid(registry);
  });

  test("--dry-run prints the YAML and writes nothing; --json prints the record", async () => {
    const root = scratch();
    const registry = registryIn(root);
    const dry = await add(["experiment", REF, "--registry", registry, "--metric", "accuracy=0.9", "--dry-run"]);
    assert.equal(dry.code, 0, dry.stderr);
    assert.ok(dry.stdout.startsWith("# yaml-language-server: $schema=../../../../../schemas/experiment.schema.json\nid: "));
    assert.match(dry.stdout, /evaluations:\n {2}accuracy: 0\.9\n/);
    assert.match(dry.stderr, /dry run: would write .*experiments\/[0-9a-z]{26}\.yaml; nothing was written/);
    assert.deepEqual(experimentFiles(registry), []);

    const dryJson = await add(["experiment", REF, "--registry", registry, "--metric", "accuracy=0.9", "--dry-run", "--json"]);
    assert.equal(dryJson.code, 0, dryJson.stderr);
    const planned = JSON.parse(dryJson.stdout);
    assert.equal(planned.written, false);
    assert.deepEqual(planned.record.evaluations, { accuracy: 0.9 });
    assert.deepEqual(experimentFiles(registry), []);

    const json = await add(["experiment", REF, "--registry", registry, "--metric", "accuracy=0.9", "--json"]);
    assert.equal(json.code, 0, json.stderr);
    const out = JSON.parse(json.stdout);
    const { value } = onlyExperiment(registry);
    assert.deepEqual(
      { kind: out.kind, id: out.id, short: out.short, written: out.written, record: out.record },
      { kind: "experiment", id: value.id, short: value.id.slice(0, 12), written: true, record: value },
    );
    assert.equal(out.path, join(registry, MODEL_DIR, "experiments", `${value.id}.yaml`));
  });

  test("a version already used in the model is refused and nothing is written", async () => {
    const root = scratch();
    const registry = registryIn(root);
    assert.equal((await add(["experiment", REF, "--registry", registry, "--version", "1.4.0"])).code, 0);
    const [first] = experimentFiles(registry);
    assertUserError(
      await add(["experiment", REF, "--registry", registry, "--version", "1.4.0"]),
      1,
      `version "1.4.0" of ${REF} is already used by ${first.slice(0, -5)}`,
    );
    assert.deepEqual(experimentFiles(registry), [first]);
  });

  test("a large dataset shows a progress bar on a terminal's stderr, and nowhere else", async (t) => {
    try {
      execFileSync("script", ["--version"]);
    } catch {
      return t.skip("util-linux `script` (to give the command a terminal) is not installed");
    }
    const root = scratch();
    const registry = registryIn(root);
    // Sparse, so it costs no disk; 80 MiB is above the 64 MiB threshold.
    writeTree(root, { "big.bin": "" });
    truncateSync(join(root, "big.bin"), 80 * 2 ** 20);
    const piped = await add(["experiment", REF, "--registry", registry, "--train", "big.bin", "--dry-run", "--json"], { cwd: root });
    assert.equal(piped.code, 0, piped.stderr);
    assert.doesNotMatch(piped.stderr, /hashing/);
    const sha = JSON.parse(piped.stdout).record.datasets.training.sha256;
    assert.equal(
      sha,
      createHash("sha256")
        .update(Buffer.alloc(80 * 2 ** 20))
        .digest("hex"),
    );

    // Only stderr reaches the terminal `script` provides; stdout goes to a file and must stay clean JSON.
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} add experiment ${REF} --registry ${JSON.stringify(registry)} --train big.bin --dry-run --json > out.json`;
    const tty = execFileSync("script", ["-qec", cmd, "/dev/null"], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    assert.match(tty, /hashing --train big\.bin \[#+-*\] +\d+% of 80 MiB/);
    assert.equal(JSON.parse(readFileSync(join(root, "out.json"), "utf8")).record.datasets.training.sha256, sha);
  });

  test("outside a git repository it says so and records no code", async () => {
    const root = scratch();
    const registry = registryIn(root);
    const r = await add(["experiment", REF, "--registry", registry, "--code-dir", root]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /note: .* is not inside a git repository, so no `code`/);
    assert.equal(onlyExperiment(registry).value.code, undefined);
  });
});

describe("add experiment: NaN and infinite metrics are refused, naming the file and key", () => {
  const cases: Array<{ name: string; files: Record<string, string>; args: string[]; says: string[] }> = [
    {
      name: "Python json.dump NaN",
      files: { "scores.json": '{"accuracy": 0.9, "loss": NaN}' },
      args: ["--metrics", "scores.json"],
      says: ["scores.json", '"loss" is NaN'],
    },
    {
      name: "YAML .inf in a nested map",
      files: { "m.yaml": "test:\n  rmse: .inf\n" },
      args: ["--metrics", "m.yaml"],
      says: ["m.yaml", '"test.rmse" is Infinity'],
    },
    { name: "--metric nan", files: {}, args: ["--metric", "loss=nan"], says: ["--metric", '"loss" is nan'] },
    { name: "history with nan", files: { "h.csv": "epoch,loss\n0,0.5\n1,nan\n" }, args: ["--history", "h.csv"], says: ["h.csv:3", '"loss" at epoch 1 is nan'] },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const root = scratch();
      const registry = registryIn(root);
      writeTree(root, c.files);
      assertUserError(await add(["experiment", REF, "--registry", registry, ...c.args], { cwd: root }), 1, "finite", ...c.says);
      assert.deepEqual(experimentFiles(registry), []);
    });
  }
});

describe("add experiment: bad input exits 1 or 2 with a message and a hint, writing nothing", () => {
  const cases: Array<{ name: string; code: 1 | 2; files?: Record<string, string>; args: string[]; says: string[] }> = [
    { name: "--metric with a non-number", code: 2, args: ["--metric", "acc=abc"], says: ['"abc" is not a number'] },
    { name: "--param without =", code: 2, args: ["--param", "lr"], says: ['--param "lr" is not of the form name=value'] },
    { name: "--param with an empty key part", code: 2, args: ["--param", "a..b=1"], says: ["empty part"] },
    { name: "--params file missing", code: 2, args: ["--params", "nope.yaml"], says: ["nope.yaml", "no such file"] },
    {
      name: "--params file with a YAML error",
      code: 1,
      files: { "params.yaml": "train:\n  lr: 0.1\n   epochs: 3\n" },
      args: ["--params", "params.yaml"],
      says: ["params.yaml:2:7:", "not valid JSON or YAML"],
    },
    { name: "--params file that is a list", code: 1, files: { "p.json": "[1, 2]" }, args: ["--params", "p.json"], says: ["not a map"] },
    {
      name: "--metrics file with text",
      code: 1,
      files: { "m.json": '{"model": "resnet"}' },
      args: ["--metrics", "m.json"],
      says: ['"model" is "resnet", not a number'],
    },
    {
      name: "--history without a step column",
      code: 1,
      files: { "h.csv": "loss,acc\n1,2\n" },
      args: ["--history", "h.csv"],
      says: ["no `step` or `epoch` column"],
    },
    { name: "unknown project", code: 1, args: [], says: ['there is no project "animal-image-clasification"', `Did you mean "${PROJECT}"`] },
    { name: "unknown model", code: 1, args: [], says: [`has no model "resnet5"`, `Did you mean "${MODEL}"`] },
    { name: "not project/model", code: 2, args: [], says: ["Write it as <project>/<model>"] },
    { name: "a local dataset that is not there", code: 2, args: ["--train", "data/missing.parquet"], says: ["no such local file", "--train-sha256"] },
    { name: "--test-sha256 without --test", code: 2, args: ["--test-sha256", "a".repeat(64)], says: ["--test-sha256 was given without --test"] },
    {
      name: "training data is the test data",
      code: 1,
      files: { "d.csv": "x\n" },
      args: ["--train", "d.csv", "--test", "d.csv"],
      says: ["datasets.test", "no-train-test-overlap"],
    },
    {
      name: "training data is the test data, by fingerprint",
      code: 1,
      files: { "a.csv": "x\n", "b.csv": "x\n" },
      args: ["--train", "a.csv", "--val", "b.csv"],
      says: ["the same sha256"],
    },
    {
      name: "a credential in an artifact uri",
      code: 1,
      args: ["--artifact", "model=https://user:ghp_abc@example.com/m.pt"],
      says: ["artifacts.model", "no-credentials-in-uris"],
    },
    {
      name: "a local file whose sha256 differs from --train-sha256",
      code: 1,
      files: { "d.csv": "x\n" },
      args: ["--train", "d.csv", "--train-sha256", "b".repeat(64)],
      says: ["has sha256", "but --train-sha256 says"],
    },
    { name: "a version that is not a label", code: 1, args: ["--version", "1.0 beta"], says: ["version"] },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const root = scratch();
      const registry = registryIn(root);
      writeTree(root, c.files ?? {});
      const ref =
        c.name === "unknown project"
          ? "animal-image-clasification/resnet50"
          : c.name === "unknown model"
            ? `${PROJECT}/resnet5`
            : c.name === "not project/model"
              ? PROJECT
              : REF;
      assertUserError(await add(["experiment", ref, "--registry", registry, ...c.args], { cwd: root }), c.code, ...c.says);
      assert.deepEqual(experimentFiles(registry), []);
      assert.equal(
        readdirSync(root).some((f) => f.endsWith(".tmp")),
        false,
      );
    });
  }
});

describe("add experiment: real DVC projects", () => {
  const dvc = join(SHARED, "acceptance", "dvc");
  test("--params and --metrics accept their params.yaml and metrics JSON files", async (t) => {
    if (!existsSync(dvc)) return t.skip(`${dvc} is absent`);
    const cases = readdirSync(dvc).flatMap((name) => {
      const dir = join(dvc, name);
      const params = join(dir, "params.yaml");
      const metrics = ["scores.json", "metrics.json", "report/scores.json", "dvclive/metrics.json"].map((m) => join(dir, m)).find(existsSync);
      return existsSync(params) && metrics ? [{ name, params, metrics }] : [];
    });
    assert.ok(cases.length >= 3, `found ${cases.length} DVC projects with params and metrics`);
    const root = scratch();
    const registry = registryIn(root);
    for (const c of cases) {
      const r = await add(["experiment", REF, "--registry", registry, "--params", c.params, "--metrics", c.metrics, "--json"]);
      assert.equal(r.code, 0, `${c.name}: ${r.stderr}`);
      const { record } = JSON.parse(r.stdout);
      assert.ok(Object.keys(record.parameters).length > 0, c.name);
      const source = JSON.parse(readFileSync(c.metrics, "utf8")) as Record<string, unknown>;
      for (const [k, v] of Object.entries(source)) if (typeof v === "number") assert.equal(record.evaluations[k], v, `${c.name}: ${k}`);
    }
    assert.equal(experimentFiles(registry).length, cases.length);
    await assertValid(registry);
  });
});
