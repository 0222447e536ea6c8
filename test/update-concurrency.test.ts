// Concurrent writers (issue #4, "Guarantees"), with real child processes: parallel
// `update experiment` runs on one file lose nothing, and a lock left behind by
// a killed process is broken instead of blocking forever.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { parseYaml } from "../scripts/lib/yaml/yaml.ts";
import { assertValid, BASELINE, experimentFile, sampleCopy } from "./_edit-helpers.ts";
import { ROOT } from "./_helpers.ts";

const FILE = experimentFile(BASELINE);

test("update concurrency: 20 parallel updates of one experiment, each adding a metric, keep all 20", async () => {
  const s = sampleCopy();
  const runs = await Promise.all(Array.from({ length: 20 }, (_, i) => s.cli(["update", "experiment", BASELINE, "--metric", `parallel_${i}=${i / 100}`])));
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  const evaluations = (parseYaml(s.read(FILE)).value as { evaluations: Record<string, number> }).evaluations;
  for (let i = 0; i < 20; i++) assert.equal(evaluations[`parallel_${i}`], i / 100, `parallel_${i}`);
  assert.equal(Object.keys(evaluations).length, 6 + 20);
  await assertValid(s);
});

test("update concurrency: a lock held by a killed process goes stale and the next update succeeds", async () => {
  const s = sampleCopy();
  // A child takes the experiment's lock through the library, says so, and
  // never lets go: it stands for an `update` killed while writing. (The
  // interval keeps it alive: a child that simply ended would release the lock
  // on its way out, as proper-lockfile does on exit; SIGKILL gives it no chance.)
  const lockModule = pathToFileURL(join(ROOT, "scripts/lib/write/lock.ts")).href;
  const holder = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      `const { withLock } = await import(${JSON.stringify(lockModule)});
await withLock(process.argv[1], () => { setInterval(() => {}, 60_000); process.stdout.write("locked\\n"); return new Promise(() => {}); });`,
      join(s.root, FILE),
    ],
    { cwd: ROOT, env: { ...process.env, ...s.env }, stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    const [chunk] = (await once(holder.stdout, "data")) as [Buffer];
    assert.equal(chunk.toString(), "locked\n");
    const started = Date.now();
    const update = s.cli(["update", "experiment", BASELINE, "--metric", "after_crash=1"], 30_000);
    let done = false;
    void update.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(done, false, "the update waits while the lock is held");
    holder.kill("SIGKILL");
    const r = await update;
    assert.equal(r.code, 0, r.stderr);
    assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
    assert.match(s.read(FILE), /\n {2}after_crash: 1\n/);
  } finally {
    holder.kill("SIGKILL");
  }
});
