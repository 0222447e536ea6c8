// All-or-nothing under SIGKILL (issue #18): an import killed while it stages
// its files leaves a registry that validates, and the next import sweeps the
// staging directory and completes.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { generateMlflowDb } from "../scripts/bench/import-fixtures.ts";
import { stagingDir } from "../scripts/lib/import/_staging.ts";
import { BIN, runCli, tempDir } from "./_helpers.ts";

const RUNS = 300;

function experimentFiles(registry: string): number {
  const models = join(registry, "bench", "models");
  if (!existsSync(models)) return 0;
  return readdirSync(models).reduce((n, m) => n + (existsSync(join(models, m, "experiments")) ? readdirSync(join(models, m, "experiments")).length : 0), 0);
}

test("import: killed mid-import, the registry still validates and the next import completes", { timeout: 300_000 }, async () => {
  const dir = tempDir("modelreg-import-kill-");
  const db = join(dir, "mlflow.db");
  generateMlflowDb(db, RUNS);
  const registry = join(dir, "registry");
  mkdirSync(registry);
  const args = ["import", "mlflow", db, "--project", "bench", "--registry", registry];

  const child = spawn(process.execPath, [BIN, ...args], { stdio: "ignore" });
  const exited = new Promise((resolve) => child.on("close", resolve));
  const staging = stagingDir(registry);
  while (!(existsSync(staging) && readdirSync(staging).length >= 20) && child.exitCode === null) await sleep(10);
  assert.equal(child.exitCode, null, "the import finished before it could be killed; give it more runs");
  child.kill("SIGKILL");
  await exited;
  assert.ok(existsSync(staging), "the killed import left its staging directory");
  assert.equal(experimentFiles(registry), 0, "no experiment reached the registry");

  const validate = await runCli(["validate", "--registry", registry]);
  assert.equal(validate.code, 0, validate.stdout + validate.stderr);

  const again = await runCli(args);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(existsSync(staging), false, "the next import swept the staging directory");
  assert.equal(experimentFiles(registry), RUNS);
  const after = await runCli(["validate", "--registry", registry]);
  assert.equal(after.code, 0, after.stdout + after.stderr);
});
