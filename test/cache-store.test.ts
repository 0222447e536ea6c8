// The one cache store (issue #13) under the validation cache, the record cache
// and the row cache: a cache file that is truncated, edited, or made by another
// modelreg or for other schemas is detected and rebuilt, and the command says
// exactly what it says with no cache; concurrent runs leave a sound cache.
import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { loadRegistry } from "../scripts/lib/registry/loader.ts";
import { validateRegistry } from "../scripts/lib/validate/validate.ts";
import { ROOT, runCli, tempDir } from "./_helpers.ts";

/** The sample registry with one broken experiment, so cached diagnostics matter. */
function brokenSample(): string {
  const registry = join(tempDir(), "registry");
  cpSync(join(ROOT, "registry"), registry, { recursive: true });
  const dir = join(registry, "animal-image-classification", "models", "vit-small", "experiments");
  const file = join(dir, readdirSync(dir).sort()[0]);
  writeFileSync(file, readFileSync(file, "utf8").replace(/^id: .*$/m, "id: 01aaaaaaaaaaaaaaaaaaaaaaaa"));
  return registry;
}

/** Ways a cache file goes bad; each keeps the file in place so only its content is wrong. */
const DAMAGE: Record<string, (text: string) => string> = {
  truncated: (t) => t.slice(0, Math.floor(t.length / 2)),
  "header only": (t) => t.slice(0, t.indexOf("\n") + 1),
  empty: () => "",
  garbage: () => "garbage\n{}",
  // Same length, one character changed: only the checksum can tell.
  "edited body": (t) => {
    const at = t.indexOf('"rule":"id-matches-file-name"');
    const i = at >= 0 ? at + 2 : t.length - 3;
    return t.slice(0, i) + (t[i] === "x" ? "y" : "x") + t.slice(i + 1);
  },
  "another modelreg version": (t) => t.replace(/"modelreg":"[^"]*"/, '"modelreg":"0.0.0-older"'),
  "other schemas": (t) => t.replace(/"fingerprint":"/, '"fingerprint":"other:'),
  "another cache's file": (t) => t.replace(/"name":"[^"]*"/, '"name":"someone-else"'),
  "wrong store format": (t) => t.replace(/"store":\d+/, '"store":999'),
};

const validateArgs = (registry: string, cache: string[]) => ["validate", "--registry", registry, "--format", "json", ...cache];

test("cache store: a damaged validation cache is detected and rebuilt, and validate says what it says without a cache", async () => {
  const registry = brokenSample();
  const expected = await runCli(validateArgs(registry, ["--no-cache"]));
  assert.equal(expected.code, 1, expected.stderr);
  for (const [name, damage] of Object.entries(DAMAGE)) {
    const cacheDir = tempDir("modelreg-cache-");
    const first = await runCli(validateArgs(registry, ["--cache-dir", cacheDir]));
    assert.deepEqual([first.code, first.stdout], [expected.code, expected.stdout], name);
    const [file] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, file), damage(readFileSync(join(cacheDir, file), "utf8")));

    const damaged = await runCli(validateArgs(registry, ["--cache-dir", cacheDir]));
    assert.deepEqual([damaged.code, damaged.stdout, damaged.stderr], [expected.code, expected.stdout, expected.stderr], name);
    // Rebuilt: the next run is served from the cache alone.
    const next = await validateRegistry({ registry, cacheDir });
    assert.equal(next.stats.cacheDiscarded, null, name);
    assert.deepEqual([next.stats.parsed, next.stats.fromCache], [0, next.checked], name);
  }
});

test("cache store: the library says why a damaged validation cache was discarded", async () => {
  const registry = brokenSample();
  const cacheDir = tempDir("modelreg-cache-");
  await validateRegistry({ registry, cacheDir });
  const [file] = readdirSync(cacheDir);
  const good = readFileSync(join(cacheDir, file), "utf8");
  const reasons: Record<string, RegExp> = {
    truncated: /corrupt/,
    "edited body": /corrupt/,
    "another modelreg version": /another version/,
    "other schemas": /another version/,
  };
  for (const [name, reason] of Object.entries(reasons)) {
    writeFileSync(join(cacheDir, file), DAMAGE[name](good));
    const r = await validateRegistry({ registry, cacheDir });
    assert.match(r.stats.cacheDiscarded ?? "", reason, name);
    assert.equal(r.stats.parsed, r.checked, name);
    writeFileSync(join(cacheDir, file), good);
  }
});

test("cache store: a damaged record cache gives the loader exactly what a cold load gives", async () => {
  const registry = brokenSample();
  const plain = async (cacheDir: string | false) => {
    const r = await loadRegistry({ registry, cacheDir });
    return JSON.stringify([r.projects.map((x) => x.data), r.models.map((x) => x.data), r.experiments.map((x) => [x.file, x.data]), r.diagnostics]);
  };
  const expected = await plain(false);
  for (const [name, damage] of Object.entries(DAMAGE)) {
    const cacheDir = tempDir("modelreg-cache-");
    assert.equal(await plain(cacheDir), expected, name);
    const [file] = readdirSync(cacheDir).filter((f) => f.startsWith("records-"));
    writeFileSync(join(cacheDir, file), damage(readFileSync(join(cacheDir, file), "utf8")));
    assert.equal(await plain(cacheDir), expected, name);
    assert.equal(await plain(cacheDir), expected, `${name}, rebuilt`);
  }
});

test("cache store: a damaged row cache (index or a column) gives list the rows a fresh cache gives", async () => {
  const registry = brokenSample();
  const args = ["list", "experiments", "--registry", registry, "--where", "metrics.accuracy > 0.5", "--sort", "metrics.accuracy", "desc", "--json"];
  const expected = await runCli(args, { env: { MODELREG_CACHE_DIR: tempDir("modelreg-cache-") } });
  assert.equal(expected.code, 0, expected.stderr);
  assert.ok((JSON.parse(expected.stdout) as unknown[]).length > 0);
  for (const target of ["index.json", "every column"]) {
    for (const [name, damage] of Object.entries(DAMAGE)) {
      const env = { MODELREG_CACHE_DIR: tempDir("modelreg-cache-") };
      await runCli(args, { env });
      const [rows] = readdirSync(env.MODELREG_CACHE_DIR).filter((f) => f.startsWith("rows-"));
      const dir = join(env.MODELREG_CACHE_DIR, rows);
      for (const f of target === "index.json" ? [target] : readdirSync(dir).filter((c) => /^c\d+\.json$/.test(c))) {
        writeFileSync(join(dir, f), damage(readFileSync(join(dir, f), "utf8")));
      }
      const r = await runCli(args, { env });
      assert.deepEqual([r.code, r.stdout, r.stderr], [expected.code, expected.stdout, expected.stderr], `${target}: ${name}`);
    }
  }
});

test("cache store: concurrent validate runs all answer right and leave a sound cache", async () => {
  const registry = brokenSample();
  const expected = await runCli(validateArgs(registry, ["--no-cache"]));
  const cacheDir = tempDir("modelreg-cache-");
  for (let round = 0; round < 2; round++) {
    // Round 2 starts from the cache round 1 left, after one more file changed.
    if (round === 1) {
      const dir = join(registry, "energy-demand-forecast", "models", "xgboost", "experiments");
      const file = join(dir, readdirSync(dir).sort()[0]);
      writeFileSync(file, `${readFileSync(file, "utf8")}# touched\n`);
    }
    const want = round === 0 ? expected : await runCli(validateArgs(registry, ["--no-cache"]));
    const runs = await Promise.all(Array.from({ length: 4 }, () => runCli(validateArgs(registry, ["--cache-dir", cacheDir]))));
    for (const r of runs) assert.deepEqual([r.code, r.stdout, r.stderr], [want.code, want.stdout, want.stderr]);
    const files = readdirSync(cacheDir);
    assert.deepEqual(
      files.filter((f) => f.endsWith(".tmp")),
      [],
      "no temp file is left behind",
    );
    assert.ok(statSync(join(cacheDir, files[0])).size > 0);
    const after = await validateRegistry({ registry, cacheDir });
    assert.equal(after.stats.cacheDiscarded, null, "the cache the runs left is whole");
    assert.equal(after.stats.parsed, 0);
  }
});
