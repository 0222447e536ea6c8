// `modelreg generate`: deterministic, valid by construction, never overwrites.

import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cacheEnv, runCli, tempDir, writeTree } from "./_helpers.ts";

function tree(dir: string, at = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, at))) {
    const rel = at ? `${at}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) Object.assign(out, tree(dir, rel));
    else out[rel] = readFileSync(join(dir, rel), "utf8");
  }
  return out;
}

test("generate: the same options give byte-identical registries", async () => {
  const a = join(tempDir(), "registry");
  const b = join(tempDir(), "registry");
  for (const out of [a, b]) {
    const r = await runCli(["generate", "--experiments", "120", "--projects", "2", "--models", "2", "--seed", "7", "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /wrote 2 projects, 4 models and 120 experiments/);
  }
  const ta = tree(a);
  assert.equal(Object.keys(ta).length, 2 + 4 + 120);
  assert.deepEqual(tree(b), ta);
});

test("generate: a different seed gives different experiments", async () => {
  const a = join(tempDir(), "registry");
  const b = join(tempDir(), "registry");
  await runCli(["generate", "--experiments", "20", "--seed", "1", "--out", a]);
  await runCli(["generate", "--experiments", "20", "--seed", "2", "--out", b]);
  assert.notDeepEqual(tree(a), tree(b));
});

test("generate: output is valid by construction, with realistic sizes", async () => {
  const dir = tempDir();
  const out = join(dir, "registry");
  const r = await runCli(["generate", "--experiments", "400", "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  const v = await runCli(["validate", "--registry", out, "--format", "json"], { env: cacheEnv() });
  assert.equal(v.code, 0, v.stdout.slice(0, 2000));
  assert.equal(JSON.parse(v.stdout).checked, Object.keys(tree(out)).length);

  const experiments = Object.entries(tree(out)).filter(([f]) => f.includes("/experiments/"));
  const withHistory = experiments.filter(([, t]) => t.includes("\nhistory:")).length;
  const withVersion = experiments.filter(([, t]) => /\nversion: /.test(t)).length;
  assert.ok(withHistory > 10 && withHistory < 120, `history in ${withHistory} of 400`);
  assert.ok(withVersion > 5 && withVersion < 60, `version in ${withVersion} of 400`);
  const sample = experiments[0][1];
  assert.ok(sample.startsWith("# yaml-language-server: $schema=../../../../../schemas/experiment.schema.json\n"));
  for (const key of ["parameters:", "datasets:", "evaluations:", "artifacts:", "code:"]) assert.ok(sample.includes(`\n${key}`), key);
});

test("generate: refuses a non-empty directory and writes nothing", async () => {
  const dir = tempDir();
  writeTree(dir, { "keep.txt": "mine" });
  const r = await runCli(["generate", "--experiments", "5", "--out", dir]);
  assert.equal(r.code, 2);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  assert.deepEqual(readdirSync(dir), ["keep.txt"]);
});

test("generate: bad numbers are usage errors", async () => {
  for (const n of ["-1", "abc", "1.5"]) {
    const r = await runCli(["generate", "--experiments", n, "--out", join(tempDir(), "x")]);
    assert.equal(r.code, 2, n);
  }
});
