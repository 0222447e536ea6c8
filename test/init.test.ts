// `modelreg init` (issue #8): what it writes, that the workflows are this
// repository's own files byte for byte, and that it never overwrites.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { TEAM_SCRIPTS } from "../scripts/lib/init/init.ts";
import { parseYaml } from "../scripts/lib/yaml/yaml.ts";
import { ROOT, runCli, tempDir, writeTree } from "./_helpers.ts";
import { WORKFLOWS } from "./_workflows.ts";

const FILES = [
  ".github/workflows/validate.yml",
  ".github/workflows/pages.yml",
  ".github/CODEOWNERS",
  ".github/dependabot.yml",
  "README.md",
  ".gitignore",
  "registry/.gitkeep",
  "package.json",
];
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

test("init DIR: package.json, registry/, the workflows, dependabot.yml, README, CODEOWNERS, .gitignore", async () => {
  const dir = join(tempDir(), "our-registry");
  const r = await runCli(["init", dir]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(tree(dir), [...FILES].sort());
  for (const f of FILES) assert.ok(r.stdout.includes(`  ${f}\n`), f);
  assert.match(r.stdout, /Settings → Pages → Source: GitHub Actions/);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  assert.equal(pkg.name, "our-registry");
  assert.deepEqual(pkg.dependencies, { modelreg: `^${VERSION}` });
  assert.deepEqual(pkg.scripts, TEAM_SCRIPTS);
  assert.equal(readFileSync(join(dir, ".gitignore"), "utf8"), "node_modules/\n_site/\n.astro/\n");
  const owners = readFileSync(join(dir, ".github/CODEOWNERS"), "utf8");
  for (const path of ["/.github/workflows/", "/schemas/", "/package.json"]) assert.ok(owners.includes(`# ${path}`), `CODEOWNERS stub for ${path}`);
  assert.match(readFileSync(join(dir, "README.md"), "utf8"), /Settings → Branches/);
});

test("init: the workflows are this repository's own files, byte for byte (no second copy to drift)", async () => {
  const dir = tempDir();
  assert.equal((await runCli(["init"], { cwd: dir })).code, 0);
  for (const w of ["validate.yml", "pages.yml"])
    assert.equal(readFileSync(join(dir, ".github/workflows", w), "utf8"), readFileSync(join(WORKFLOWS, w), "utf8"), w);
  assert.ok(!tree(dir).includes(".github/workflows/test.yml"), "test.yml runs modelreg's own suite and stays here");
});

test("init: the team repository's npm scripts call modelreg commands that exist", async () => {
  for (const command of new Set(Object.values(TEAM_SCRIPTS).flatMap((s) => s.split(" && ")))) {
    const args = command.replace(/^modelreg /, "").split(" ");
    const r = await runCli([...args, "--help"]);
    assert.equal(r.code, 0, `${command}: ${r.stderr}`);
  }
});

test("init: dependabot.yml asks for weekly updates of the workflows' actions and of the npm packages", async () => {
  const dir = tempDir();
  assert.equal((await runCli(["init"], { cwd: dir })).code, 0);
  const parsed = parseYaml(readFileSync(join(dir, ".github/dependabot.yml"), "utf8"));
  assert.deepEqual(parsed.problems, []);
  const config = parsed.value as { version: number; updates: Array<{ "package-ecosystem": string; directory: string; schedule: { interval: string } }> };
  assert.equal(config.version, 2);
  assert.deepEqual(
    config.updates.map((u) => [u["package-ecosystem"], u.directory, u.schedule.interval]),
    [
      ["github-actions", "/", "weekly"],
      ["npm", "/", "weekly"],
    ],
  );
  // The actions it updates are the ones the written workflows use.
  const uses = ["validate.yml", "pages.yml"].flatMap((w) =>
    [...readFileSync(join(dir, ".github/workflows", w), "utf8").matchAll(/uses: ([\w/-]+)@v\d+/g)].map((m) => m[1]),
  );
  assert.ok(uses.includes("actions/checkout") && uses.includes("actions/setup-node"), uses.join(", "));
});

test("init: refuses when any file exists, lists them, writes nothing (exit 1)", async () => {
  const dir = tempDir();
  writeTree(dir, { "README.md": "ours\n", ".gitignore": "dist/\n" });
  const r = await runCli(["init", dir]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /already has README\.md, \.gitignore; modelreg init never overwrites a file, so it wrote nothing/);
  assert.deepEqual(tree(dir), [".gitignore", "README.md"]);
  assert.equal(readFileSync(join(dir, "README.md"), "utf8"), "ours\n");
});

test("init after `npm install modelreg`: package.json keeps its dependency and scripts, gains the missing ones", async () => {
  const dir = tempDir();
  const before = { name: "ml", dependencies: { modelreg: "file:../modelreg-0.1.0.tgz" }, scripts: { test: "pytest", build: "make" } };
  writeFileSync(join(dir, "package.json"), JSON.stringify(before, null, 2));
  const r = await runCli(["init"], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /kept your own build/);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  assert.deepEqual(pkg.dependencies, before.dependencies);
  assert.equal(pkg.scripts.test, "pytest");
  assert.equal(pkg.scripts.build, "make");
  assert.equal(pkg.scripts.validate, "modelreg validate");
  assert.equal(pkg.scripts.report, "modelreg report");
});

test("init: a package.json that is not JSON is exit 1 and nothing is written", async () => {
  const dir = tempDir();
  writeFileSync(join(dir, "package.json"), "{ nope");
  const r = await runCli(["init"], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /is not a JSON object/);
  assert.deepEqual(tree(dir), ["package.json"]);
});

test("init: the new repository validates (an empty registry is valid)", async () => {
  const dir = tempDir();
  assert.equal((await runCli(["init"], { cwd: dir })).code, 0);
  const r = await runCli(["validate"], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /✔ 0 files checked/);
});
