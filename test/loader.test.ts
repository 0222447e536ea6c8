// The one loader: typed records for every consumer, positions on demand.

import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { loadRegistry } from "../scripts/lib/registry/loader.ts";
import { validateRegistry } from "../scripts/lib/validate/validate.ts";
import { present, ROOT, tempDir } from "./_helpers.ts";

test("loader: the sample registry loads into typed records", async () => {
  const reg = await loadRegistry({ registry: join(ROOT, "registry") });
  assert.deepEqual(reg.diagnostics, []);
  assert.equal(reg.projects.length, 3);
  assert.ok(reg.models.length >= 6);
  assert.ok(reg.experiments.length >= 60);
  const seed = present(
    reg.projects.find((p) => p.project === "animal-image-classification"),
    "the animal-image-classification project",
  );
  assert.equal(seed.data.name, "동물 이미지 분류");
  for (const e of reg.experiments) {
    assert.equal(e.data.id, e.id);
    assert.equal(e.file, `${e.project}/models/${e.model}/experiments/${e.id}.yaml`);
    assert.ok(reg.models.some((m) => m.project === e.project && m.model === e.model));
  }
});

test("loader: locate() points at the exact line and column of a key", async () => {
  const reg = await loadRegistry({ registry: join(ROOT, "registry") });
  const e = present(
    reg.experiments.find((x) => x.data.evaluations && Object.keys(x.data.evaluations).length > 1),
    "an experiment with two metrics",
  );
  const metric = Object.keys(e.data.evaluations ?? {})[1];
  const at = e.locate(["evaluations", metric]);
  const line = readFileSync(e.path, "utf8").split("\n")[at.line - 1];
  assert.equal(line.slice(at.col - 1, at.col - 1 + metric.length), metric);
  assert.match(line, /^ {2}\S/);
});

test("loader: agrees with the validator, and leaves invalid files out of the records", async () => {
  const dir = tempDir();
  const registry = join(dir, "registry");
  cpSync(join(ROOT, "registry"), registry, { recursive: true });
  const reg0 = await loadRegistry({ registry });
  const victim = reg0.experiments[5];
  writeFileSync(victim.path, readFileSync(victim.path, "utf8").replace(/^created: .*$/m, "created: 12/03/2026"));
  const reg = await loadRegistry({ registry });
  const v = await validateRegistry({ registry, cacheDir: false });
  assert.deepEqual(reg.diagnostics, v.diagnostics);
  assert.equal(reg.experiments.length, reg0.experiments.length - 1);
  assert.ok(!reg.experiments.some((e) => e.id === victim.id));
});

test("loader: many files load the same on all cores as on one", async () => {
  const dir = tempDir();
  const registry = join(dir, "registry");
  const { generateRegistry } = await import("../scripts/lib/generate/generate.ts");
  await generateRegistry({ out: registry, experiments: 700, seed: 3 });
  const parallel = await loadRegistry({ registry, workers: 2 });
  const single = await loadRegistry({ registry, workers: 1 });
  assert.equal(parallel.experiments.length, 700);
  assert.deepEqual(
    parallel.experiments.map((e) => e.data),
    single.experiments.map((e) => e.data),
  );
});
