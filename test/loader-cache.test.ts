// The loader's record cache (the site build's warm path): a warm load gives
// exactly what a cold load gives, follows edits, and survives a corrupt cache.
import { strict as assert } from "node:assert";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { type LoadedRegistry, loadRegistry } from "../scripts/lib/registry/loader.ts";
import { present, ROOT, tempDir } from "./_helpers.ts";

const plain = (r: LoadedRegistry) =>
  JSON.stringify({
    p: r.projects.map((x) => [x.file, x.data]),
    m: r.models.map((x) => [x.file, x.data]),
    e: r.experiments.map((x) => [x.file, x.data]),
    d: r.diagnostics,
  });

test("a warm load equals a cold one, follows an edit, and ignores a corrupt cache", async () => {
  const registry = join(tempDir(), "registry");
  cpSync(join(ROOT, "registry"), registry, { recursive: true });
  const cacheDir = tempDir("modelreg-cache-");
  const cold = await loadRegistry({ registry, cacheDir: false });
  const first = await loadRegistry({ registry, cacheDir });
  const [store] = readdirSync(cacheDir).filter((f) => f.startsWith("records-"));
  assert.ok(store, "the record cache was written");
  const warm = await loadRegistry({ registry, cacheDir });
  assert.equal(plain(first), plain(cold));
  assert.equal(plain(warm), plain(cold));

  // An edit (new size, so a new lstat token) is read again, not served from the cache.
  const e = cold.experiments[0];
  writeFileSync(e.path, readFileSync(e.path, "utf8").replace(/^created: .*$/m, "created: 2026-03-01T00:00:00.123Z"));
  const edited = await loadRegistry({ registry, cacheDir });
  assert.equal(
    present(
      edited.experiments.find((x) => x.id === e.id),
      "the edited experiment",
    ).data.created,
    "2026-03-01T00:00:00.123Z",
  );

  // A torn cache file is discarded, and the load is still right.
  writeFileSync(join(cacheDir, store), readFileSync(join(cacheDir, store), "utf8").slice(0, 5000));
  const recovered = await loadRegistry({ registry, cacheDir });
  assert.equal(plain(recovered), plain(edited));
});
