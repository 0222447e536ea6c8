// Incremental site builds (issue #15): over a sequence of registry changes,
// a build that reuses the previous output and manifest gives exactly the
// bytes of a full build from scratch, renders only what changed, deletes the
// files of removed records, and falls back to a full build (saying why) when
// the site code, the base path or the manifest does not allow reuse.
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { before, describe, test } from "node:test";
import { present, runCli, tempDir } from "./_helpers.ts";

/** Every build of this test uses one build time, as reproducible builds do. */
const ENV = { SOURCE_DATE_EPOCH: "1767225600" };

function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
  }
  return out;
}

function assertSameTree(actual: string, expected: string, step: string): void {
  const a = tree(actual);
  const b = tree(expected);
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), `${step}: the incremental build has other files than a full one`);
  for (const [file, bytes] of b) assert.ok(present(a.get(file), file).equals(bytes), `${step}: ${file} differs from a full build's`);
}

async function build(registry: string, out: string, cache: string, base = "/"): Promise<string> {
  const r = await runCli(["site", "build", "--registry", registry, "--out", out, "--base", base, "--cache-dir", cache], { timeoutMs: 300_000, env: ENV });
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

const rendered = (stdout: string): number => {
  const m = /\(([\d,]+) rendered, ([\d,]+) reused/.exec(stdout);
  assert.ok(m, `not an incremental build: ${stdout}`);
  return Number(m[1].replaceAll(",", ""));
};

describe("incremental site builds", () => {
  const root = tempDir("modelreg-incremental-");
  const registry = join(root, "registry");
  const out = join(root, "out");
  const cache = join(root, "cache");
  let experiments: string[] = [];

  /** Builds incrementally, builds from scratch elsewhere, and compares; returns the incremental build's report. */
  async function step(name: string, base = "/"): Promise<string> {
    const stdout = await build(registry, out, cache, base);
    const fresh = join(tempDir("modelreg-fresh-"), "out");
    await build(registry, fresh, tempDir("modelreg-fresh-cache-"), base);
    assertSameTree(out, fresh, name);
    return stdout;
  }

  before(async () => {
    const gen = await runCli(["generate", "--experiments", "40", "--projects", "2", "--models", "2", "--out", registry]);
    assert.equal(gen.code, 0, gen.stderr);
    experiments = readdirSync(registry, { recursive: true, encoding: "utf8" }).filter((f) => f.includes("/experiments/") && f.endsWith(".yaml"));
    const first = await build(registry, out, cache);
    assert.match(first, /all rendered: no manifest of a previous build/);
  });

  test("nothing changed: nothing is rendered and the output stays the same", async () => {
    const costly = () =>
      ["analysis", "search"].flatMap((dir) =>
        readdirSync(join(out, dir), { recursive: true, encoding: "utf8" })
          .filter((f) => f.endsWith(".json"))
          .map((f) => [`${dir}/${f}`, statSync(join(out, dir, f)).mtimeMs]),
      );
    const before = costly();
    assert.ok(before.some(([f]) => String(f).startsWith("analysis/")) && before.some(([f]) => String(f).startsWith("search/")));
    assert.equal(rendered(await step("nothing changed")), 0);
    // The sweep analysis (random forests) and the search index are made from many records: unchanged, they are kept as they are.
    assert.deepEqual(costly(), before);
  });

  test("an experiment added: its page and the pages that list it", async () => {
    const source = experiments[0];
    const id = source.slice(source.lastIndexOf("/") + 1, -".yaml".length);
    const newId = `${id.slice(0, 20)}zzzzzz`;
    const text = readFileSync(join(registry, source), "utf8")
      .replaceAll(id, newId)
      .replace(/^version: .*\n/m, "");
    writeFileSync(join(registry, source.replace(id, newId)), text);
    const stdout = await step("added");
    const n = rendered(stdout);
    assert.ok(n >= 1 && n < 20, `rendered ${n} pages for one added experiment`);
    assert.ok(readdirSync(join(out, "experiments")).includes(newId));
    experiments.push(source.replace(id, newId));
  });

  test("an experiment updated", async () => {
    const file = join(registry, experiments[1]);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^description: .*$/m, "description: Updated by the incremental test."));
    const n = rendered(await step("updated"));
    assert.ok(n >= 1 && n < 20, `rendered ${n}`);
  });

  test("an alias moved (promote)", async () => {
    // A run no alias points at yet, so the promotion moves the alias.
    const file = present(
      experiments.find((f) => {
        const [project, , model] = f.split("/");
        const aliases = readFileSync(join(registry, project, "models", model, "model.yaml"), "utf8");
        return !aliases.includes(f.slice(f.lastIndexOf("/") + 1, -".yaml".length)) && !readFileSync(join(registry, f), "utf8").includes("version:");
      }),
      "a run no alias points at",
    );
    const id = file.slice(file.lastIndexOf("/") + 1, -".yaml".length);
    const [project, , model] = file.split("/");
    const r = await runCli(["promote", `${project}/${model}@${id}`, "--alias", "production", "--registry", registry]);
    assert.equal(r.code, 0, r.stderr);
    const stdout = await step("promoted");
    assert.ok(rendered(stdout) >= 2, stdout);
  });

  test("an experiment deleted: its page and API record are deleted", async () => {
    const file = present(
      experiments.find((f, i) => i > 3 && !readFileSync(join(registry, f), "utf8").includes("version:")),
      "an experiment without a version",
    );
    const id = file.slice(file.lastIndexOf("/") + 1, -".yaml".length);
    rmSync(join(registry, file));
    experiments = experiments.filter((f) => f !== file);
    const stdout = await step("deleted");
    assert.match(stdout, /of removed records deleted/);
    assert.ok(!readdirSync(join(out, "experiments")).includes(id));
    assert.ok(!readdirSync(join(out, "api/v0.1/experiments/id")).includes(`${id}.json`));
  });

  test("a model renamed: its pages and its experiments' pages", async () => {
    const [project, , model] = experiments[0].split("/");
    const file = join(registry, project, "models", model, "model.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^name: .*$/m, "name: Renamed model"));
    assert.ok(rendered(await step("model renamed")) >= 2);
  });

  test("a project added", async () => {
    const r = await runCli(["add", "project", "added-project", "--name", "Added project", "--description", "Added by the test.", "--registry", registry]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(rendered(await step("project added")) >= 2);
  });

  test("a changed base path renders everything and says why", async () => {
    assert.match(await step("base path", "/elsewhere/"), /all rendered: the site code, modelreg or the base path changed/);
  });

  test("a manifest from other site code renders everything", async () => {
    const manifest = join(
      cache,
      "site",
      present(
        readdirSync(join(cache, "site")).find((f) => f.endsWith(".json")),
        "a manifest",
      ),
    );
    const m = JSON.parse(readFileSync(manifest, "utf8"));
    writeFileSync(manifest, JSON.stringify({ ...m, key: "another-site-code" }));
    assert.match(await step("site code", "/elsewhere/"), /all rendered: the site code, modelreg or the base path changed/);
  });

  test("a corrupt or missing manifest renders everything and says so", async () => {
    const manifest = join(
      cache,
      "site",
      present(
        readdirSync(join(cache, "site")).find((f) => f.endsWith(".json")),
        "a manifest",
      ),
    );
    writeFileSync(manifest, '{"format": 1, "key"');
    assert.match(await step("corrupt manifest", "/elsewhere/"), /all rendered: the manifest .* could not be read/);
    renameSync(manifest, `${manifest}.gone`);
    assert.match(await step("missing manifest", "/elsewhere/"), /all rendered: no manifest of a previous build/);
  });
});
