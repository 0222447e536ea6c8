// `modelreg import wandb` through the CLI (issue #18): the fixture run
// directories in test/fixtures/import/wandb-*/ and the real ones in
// ../shared/acceptance/wandb.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
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

const fixture = (name: string) => join(IMPORT_FIXTURES, name, "wandb");
const importWandb = (dir: string, registry: string, ...flags: string[]) => cli(["import", "wandb", dir, "--project", "p", "--registry", registry, ...flags]);

describe("import wandb: fixtures", () => {
  test("a run with media in its summary: config → parameters, summary numbers → evaluations, the rest skipped with reasons", async () => {
    const { registry } = emptyRegistry();
    const out = report(await importWandb(fixture("wandb-media-summary"), registry, "--model", "classifier", "--format", "json"));
    const e = bySource(registry, "p", "abc12345");
    assert.deepEqual(e.parameters, { lr: 0.0003, optimizer: { name: "adamw", betas: [0.9, 0.999] }, epochs: 3 });
    assert.deepEqual(e.evaluations, { "val.acc": 0.91, "val.loss": 0.27, "train/loss": 0.19 });
    assert.equal(e.created, "2024-01-01T12:00:00Z");
    const why = (what: string) => out.skipped.find((s) => s.what.startsWith(`summary "${what}"`))?.why ?? "";
    assert.match(why("samples"), /media object \(table-file\)/);
    assert.match(why("confusion"), /media object \(image-file\)/);
    assert.match(why("best_epoch_name"), /"epoch-2" is not a finite number/);
    for (const k of ["_runtime", "_step", "_timestamp", "_wandb"]) assert.match(why(k), /W&B's/);
    assert.deepEqual(
      e.history["train/loss"].map((p: { step: number; value: number }) => [p.step, p.value]),
      [
        [0, 0.61],
        [1, 0.33],
        [2, 0.19],
      ],
    );
    assert.equal(e.history["train/loss"][0].timestamp, 1704110420100);
    await assertValid(registry);
  });

  test("metadata → code (credentials stripped) and environment; no email, user name, host, home directory or command line", async () => {
    const { registry } = emptyRegistry();
    assert.equal((await importWandb(fixture("wandb-media-summary"), registry, "--model", "classifier")).code, 0);
    const e = bySource(registry, "p", "abc12345");
    assert.deepEqual(e.code, { commit: "3f2a9c1e5b7d4f6a8c0e2b4d6f8a0c2e4b6d8f0a", repo: "https://github.com/acme/classifier.git", path: "train.py" });
    assert.equal(e.environment.python, "3.11.6");
    assert.equal(e.environment.gpu, "NVIDIA A100-SXM4-80GB");
    assert.equal(e.environment.gpu_count, 2);
    assert.equal(e.environment.cuda, "12.1");
    assert.equal(e.environment.program, "train.py");
    assert.match(e.environment.os, /^Linux-/);
    assert.equal(e.environment.lockfile.path, "requirements.txt");
    assert.match(e.environment.lockfile.sha256, /^[0-9a-f]{64}$/);
    const text = experimentsOf(registry, "p")
      .map((x) => readFileSync(x.file, "utf8"))
      .join("");
    for (const personal of ["alice@example.com", "alice-workstation", "/home/alice", "ghp_", "username"]) assert.ok(!text.includes(personal), `no ${personal}`);
  });

  test("an offline run: its id from the directory name, the model from the folder holding wandb/, a second import adds nothing", async () => {
    const { registry } = emptyRegistry();
    const r = report(await importWandb(join(IMPORT_FIXTURES, "wandb-offline-run"), registry, "--format", "json"));
    assert.deepEqual(readdirSync(join(registry, "p/models")), ["wandb-offline-run"]);
    assert.ok(r.notes.some((n) => /named after the folder wandb-offline-run/.test(n)));
    const e = bySource(registry, "p", "off00001");
    assert.equal(e.tags["wandb.mode"], "offline");
    assert.deepEqual(e.code, { commit: "0123456789abcdef0123456789abcdef01234567", repo: "git@github.com:acme/classifier.git" });
    assert.deepEqual(e.evaluations, { acc: 0.5 });
    assert.equal(readYaml(join(registry, "p/models/wandb-offline-run/model.yaml")).name, "wandb-offline-run");
    await assertImportsOnce(registry, () => importWandb(fixture("wandb-offline-run"), registry, "--format", "json"), 0);
  });

  test("bad input: config.yaml not a map, a summary that is not JSON, a run with no files/ (exit 1, the file named, nothing written)", async () => {
    const { registry } = emptyRegistry();
    assert.equal((await importWandb(fixture("wandb-offline-run"), registry)).code, 0);
    const before = snapshot(registry);
    const cases: Array<[string, string[]]> = [
      ["wandb-config-not-map", ["run-20240103_000000-badconf1/files/config.yaml", "config.yaml is not a map"]],
      ["wandb-summary-not-json", ["run-20240104_000000-badsumm1/files/wandb-summary.json", "the summary is not JSON"]],
      ["wandb-no-files", ["run-20240105_000000-nofiles1", "has no files/ folder"]],
    ];
    for (const [name, expected] of cases) {
      assertUserError(await importWandb(fixture(name), registry), 1, ...expected, "Nothing was written");
      assert.deepEqual(snapshot(registry), before, name);
    }
    assertUserError(await importWandb(IMPORT_FIXTURES, registry), 2, "holds no W&B run directories");
    assertUserError(await importWandb(fixture("wandb-offline-run"), registry, "--model", "Bad Model"), 2, 'Use "bad-model"');
  });
});

describe("import wandb: acceptance data (../shared/acceptance/wandb)", () => {
  const dirs: Array<[string, number]> = [
    ["0-KaiKai-0__stanford_alpaca", 6],
    ["AuroraEchos__TinyLM", 2],
    ["Bokai-Ji__ConceptPPO", 3],
    ["Tarun-AK__scaling", 6],
    ["mozilla__search-term-data-validation", 6],
  ];
  for (const [dir, runs] of dirs) {
    test(`${dir}: ${runs} runs import, validate, and a second import adds nothing`, async (t) => {
      const root = acceptance(t, `wandb/${dir}`);
      if (!root) return;
      const { registry } = emptyRegistry();
      await assertImportsOnce(registry, () => importWandb(join(root, "wandb"), registry, "--format", "json"), runs);
    });
  }

  test("nested media dicts in the summary are left out with the reason; GPU type and count are recorded", async (t) => {
    const root = acceptance(t, "wandb");
    if (!root) return;
    const { registry } = emptyRegistry();
    const r = report(await importWandb(join(root, "mozilla__search-term-data-validation"), registry, "--model", "search", "--format", "json"));
    assert.equal(r.skipped.filter((s) => /media object \(table-file\)/.test(s.why)).length, 6);
    const alpaca = emptyRegistry().registry;
    assert.equal((await importWandb(join(root, "0-KaiKai-0__stanford_alpaca/wandb"), alpaca, "--model", "alpaca")).code, 0);
    const e = experimentsOf(alpaca, "p")[0].value;
    assert.equal(e.environment.gpu_count, 8);
    assert.match(e.code.repo, /^https:\/\/github.com\/0-KaiKai-0\/stanford_alpaca.git/);
  });
});
