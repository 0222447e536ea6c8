// The packaging path end to end (issue #8): `npm pack` this project, install
// the tarball into a fresh directory, `npx modelreg init`, record a project,
// model and experiment with the CLI, validate, and build the site there. This
// is how a team adopts modelreg without copying this repository. The slowest
// test: npm installs the site's dependencies (from its cache when it can).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { type CliResult, cacheEnv, ROOT, tempDir } from "./_helpers.ts";
import { runProcess } from "./_process.ts";

const NPM_QUIET = { npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return runProcess(cmd, args, { cwd, env: { ...NPM_QUIET, ...env } });
}

const UNREACHABLE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|network request .* failed/;

test("npm pack → npm install the tarball → npx modelreg init, add, validate, site build", { timeout: 600_000 }, async (t) => {
  const started = Date.now();
  const out = tempDir("modelreg-pack-");
  const pack = await run("npm", ["pack", "--pack-destination", out, "--json"], ROOT);
  assert.equal(pack.code, 0, pack.stderr);
  const [{ filename, files }] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const packed = new Set(files.map((f) => f.path));
  for (const f of [
    ".github/workflows/validate.yml",
    ".github/workflows/pages.yml",
    "templates/team-repo/gitignore",
    "bin/modelreg.mjs",
    "schemas/experiment.schema.json",
  ])
    assert.ok(packed.has(f), `the package holds ${f}`);
  assert.ok(![...packed].some((f) => f.startsWith("test/") || f.startsWith("registry/")), "no tests or sample data in the package");

  const team = join(out, "team-registry");
  const install = await run("bash", ["-c", `mkdir -p "${team}" && cd "${team}" && npm install --prefer-offline "${join(out, filename)}"`], out);
  if (install.code !== 0 && UNREACHABLE.test(install.stderr)) {
    t.skip(`npm install could not reach a registry: ${install.stderr.split("\n").find((l) => UNREACHABLE.test(l))}`);
    return;
  }
  assert.equal(install.code, 0, install.stderr);

  const npx = (...args: string[]) => run("npx", ["--offline", "modelreg", ...args], team, cacheEnv());
  const init = await npx("init");
  assert.equal(init.code, 0, init.stdout + init.stderr);
  const pkg = JSON.parse(readFileSync(join(team, "package.json"), "utf8"));
  assert.match(pkg.dependencies.modelreg, /^file:/, "the installed dependency is kept");
  assert.equal(pkg.scripts.validate, "modelreg validate");
  assert.ok(existsSync(join(team, ".github/workflows/validate.yml")));

  for (const args of [
    ["add", "project", "demo", "--name", "Demo project"],
    ["add", "model", "demo/classifier", "--name", "Classifier", "--primary-metric", "accuracy:maximize"],
    ["add", "experiment", "demo/classifier", "--version", "1.0.0", "--metric", "accuracy=0.91", "--param", "lr=0.01", "--test", "s3://data/test.parquet"],
  ]) {
    const r = await npx(...args);
    assert.equal(r.code, 0, `${args.join(" ")}: ${r.stdout}${r.stderr}`);
  }
  const validate = await run("npm", ["run", "--silent", "validate"], team, cacheEnv());
  assert.equal(validate.code, 0, validate.stdout + validate.stderr);
  assert.match(validate.stdout, /✔ 3 files checked, no errors/);

  const build = await npx("site", "build", "--base", "/team-registry/");
  assert.equal(build.code, 0, build.stdout + build.stderr);
  assert.match(readFileSync(join(team, "_site", "index.html"), "utf8"), /Demo project/);
  // Editors find the schema the new file names: the installed package's.
  const header = readFileSync(join(team, "registry", "demo", "project.yaml"), "utf8").split("\n")[0];
  assert.equal(header, "# yaml-language-server: $schema=../../node_modules/modelreg/schemas/project.schema.json");
  assert.ok(existsSync(join(team, "registry", "demo", "..", "..", "node_modules", "modelreg", "schemas", "project.schema.json")));
  assert.ok(existsSync(join(team, "_site", "api", "v0.1", "experiments", "model-version-id", "demo", "classifier", "1.0.0.json")));
  t.diagnostic(`pack, install, init, add, validate and site build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
