// The column cache behind `list experiments`: never stale, never trusted when broken.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, runCli, tempDir } from "./_helpers.ts";

function setup() {
  const dir = tempDir();
  cpSync(join(ROOT, "registry"), join(dir, "registry"), { recursive: true });
  const env = { MODELREG_CACHE_DIR: tempDir("modelreg-cache-") };
  const model = join(dir, "registry", "energy-demand-forecast", "models", "xgboost", "experiments");
  const file = join(model, readdirSync(model).sort()[0]);
  return { dir, env, file, id: readdirSync(model).sort()[0].slice(0, -5) };
}

async function rmseOf(dir: string, env: Record<string, string>, id: string): Promise<unknown> {
  const r = await runCli(["list", "experiments", "--model", "energy-demand-forecast/xgboost", "--columns", "attributes.id,metrics.rmse", "--json"], {
    cwd: dir,
    env,
  });
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as Array<Record<string, unknown>>).find((o) => o.id === id)?.["metrics.rmse"];
}

test("list cache: a changed file is seen at once", async () => {
  const { dir, env, file, id } = setup();
  const before = await rmseOf(dir, env, id);
  assert.equal(typeof before, "number");
  writeFileSync(file, readFileSync(file, "utf8").replace(/^(\s+rmse: ).*$/m, "$1123.25"));
  assert.equal(await rmseOf(dir, env, id), 123.25);
});

test("list cache: a corrupt column or index is rebuilt, never trusted", async () => {
  const { dir, env, id } = setup();
  const expected = await rmseOf(dir, env, id);
  const [store] = readdirSync(env.MODELREG_CACHE_DIR).filter((d) => d.startsWith("rows-"));
  const storeDir = join(env.MODELREG_CACHE_DIR, store);
  for (const f of readdirSync(storeDir).filter((f) => f.startsWith("c"))) writeFileSync(join(storeDir, f), "[1,2,3]");
  assert.equal(await rmseOf(dir, env, id), expected);
  writeFileSync(join(storeDir, "index.json"), "garbage\n{}");
  assert.equal(await rmseOf(dir, env, id), expected);
});

test("list cache: an invalid file is left out with a note, and comes back when fixed", async () => {
  const { dir, env, file, id } = setup();
  const good = readFileSync(file, "utf8");
  writeFileSync(file, good.replace(/^created: .*$/m, "created: last tuesday"));
  const r = await runCli(["list", "experiments", "--model", "energy-demand-forecast/xgboost", "--json"], { cwd: dir, env });
  assert.equal(r.code, 0);
  assert.match(r.stderr, /1 invalid experiment file left out; run `modelreg validate`/);
  assert.ok(!(JSON.parse(r.stdout) as Array<{ id: string }>).some((o) => o.id === id));
  writeFileSync(file, good);
  assert.equal(typeof (await rmseOf(dir, env, id)), "number");
});

test("list cache: __proto__ and constructor parameters are data, filterable, and pollute nothing", async () => {
  const { dir, env, file, id } = setup();
  writeFileSync(file, readFileSync(file, "utf8").replace(/^parameters:\n/m, 'parameters:\n  __proto__:\n    polluted: "yes"\n  constructor: 7\n'));
  const r = await runCli(["list", "experiments", "--where", "params.__proto__.polluted = 'yes' and params.constructor = 7", "--json"], { cwd: dir, env });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    (JSON.parse(r.stdout) as Array<{ id: string }>).map((o) => o.id),
    [id],
  );
});

test("list cache: inside git, edits are seen whether uncommitted, committed or checked out", async () => {
  const { dir, env, file, id } = setup();
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: dir });
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-qm", "base");
  const before = await rmseOf(dir, env, id);
  writeFileSync(file, readFileSync(file, "utf8").replace(/^(\s+rmse: ).*$/m, "$1321.5"));
  assert.equal(await rmseOf(dir, env, id), 321.5, "uncommitted edit");
  git("commit", "-qam", "edit");
  assert.equal(await rmseOf(dir, env, id), 321.5, "committed edit");
  git("checkout", "-q", "HEAD~1", "--", ".");
  assert.equal(await rmseOf(dir, env, id), before, "checked out the old version");
});
