// Parallel training jobs finishing at once (issue #4, "Guarantees"): real child
// processes on one model, no mocks. Run on its own, ten rounds in a row:
//   for i in $(seq 10); do node --import tsx --test test/add-concurrency.test.ts || break; done
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { add, assertValid, experimentFiles, MODEL_DIR, REF, readRecord, registryIn, scratch } from "./_add-fixtures.ts";
import { present } from "./_helpers.ts";

const JOBS = 50;
/** Fifty Node processes on a small CI runner take a while to start; a hang still fails the test. */
const TIMEOUT_MS = 300_000;

test(`${JOBS} parallel adds on one model write ${JOBS} valid files with distinct ids`, async () => {
  const registry = registryIn(scratch());
  const runs = await Promise.all(
    Array.from({ length: JOBS }, (_, i) => add(["experiment", REF, "--registry", registry, "--metric", `job=${i}`, "--json"], { timeoutMs: TIMEOUT_MS })),
  );
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  const files = experimentFiles(registry);
  assert.equal(files.length, JOBS);
  const ids = new Set(runs.map((r) => JSON.parse(r.stdout).id as string));
  assert.equal(ids.size, JOBS);
  assert.deepEqual([...ids].map((id) => `${id}.yaml`).sort(), files);
  const jobs = files.map((f) => present(readRecord(join(registry, MODEL_DIR, "experiments", f), "experiment").value.evaluations?.job, `${f}'s job number`));
  assert.deepEqual(
    jobs.sort((a, b) => a - b),
    Array.from({ length: JOBS }, (_, i) => i),
  );
  await assertValid(registry);
});

test(`${JOBS} parallel adds asking for one version: one wins, ${JOBS - 1} fail and write nothing`, async () => {
  const registry = registryIn(scratch());
  const runs = await Promise.all(
    Array.from({ length: JOBS }, () => add(["experiment", REF, "--registry", registry, "--version", "1.4.0", "--json"], { timeoutMs: TIMEOUT_MS })),
  );
  const won = runs.filter((r) => r.code === 0);
  const lost = runs.filter((r) => r.code !== 0);
  assert.equal(won.length, 1, runs.map((r) => r.stderr).join(""));
  const winner = JSON.parse(won[0].stdout).id as string;
  for (const r of lost) {
    assert.equal(r.code, 1, r.stderr);
    assert.ok(r.stderr.includes(`version "1.4.0" of ${REF} is already used by ${winner}`), r.stderr);
    assert.equal(r.stdout, "");
  }
  assert.deepEqual(experimentFiles(registry), [`${winner}.yaml`]);
  assert.equal(readRecord(join(registry, MODEL_DIR, "experiments", `${winner}.yaml`), "experiment").value.version, "1.4.0");
  await assertValid(registry);
});
