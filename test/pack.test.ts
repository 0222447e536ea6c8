// The packaging path end to end (issues #8, #14): `npm pack` a clean copy of
// this project (its `prepare` script compiles dist/), check what the tarball
// holds, install it into a fresh directory and run every command from there,
// as a team that adopts modelreg does. The installed package has no tsx: it
// runs compiled JavaScript, worker threads included; only the site build
// compiles TypeScript (site/src, with Astro). The slowest test: npm installs
// the site's dependencies (from its cache when it can).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { before, describe, test } from "node:test";
import { type CliResult, cacheEnv, FIXTURES, ROOT, tempDir } from "./_helpers.ts";
import { runProcess } from "./_process.ts";
import { poll, serveCli } from "./_serve.ts";

const NPM_QUIET = { npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };
const UNREACHABLE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|network request .* failed/;

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return runProcess(cmd, args, { cwd, env: { ...NPM_QUIET, ...env } });
}

/** This repository's files as a fresh clone has them (tracked, or new and not ignored), with its node_modules. */
function cleanCopy(): string {
  const dir = join(tempDir("modelreg-pack-src-"), "modelreg");
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" }).split("\0");
  for (const f of files.filter((f) => f && existsSync(join(ROOT, f)))) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(ROOT, f), join(dir, f));
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

let packed: Set<string>;
let packageJson: { dependencies: Record<string, string>; devDependencies: Record<string, string>; exports: unknown };
let team = "";
let skipped: string | undefined;

const npx = (...args: string[]) => run("npx", ["--offline", "modelreg", ...args], team, cacheEnv());
/** The command npx runs, without npm's own start-up (about half a second a call). */
const modelreg = (...args: string[]) => run(join(team, "node_modules", ".bin", "modelreg"), args, team, cacheEnv());

async function ok(...args: string[]): Promise<string> {
  const r = await modelreg(...args);
  assert.equal(r.code, 0, `modelreg ${args.join(" ")}: ${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** Starts `modelreg ARGS` in the team's repository and resolves with the URL it prints. */
const serve = (args: string[]) =>
  serveCli(join(team, "node_modules", "modelreg", "bin", "modelreg.mjs"), args, { cwd: team, env: cacheEnv(), timeoutMs: 90_000 });

describe("the package: npm pack, npm install the tarball, every command from it", { timeout: 900_000 }, () => {
  before(async () => {
    const src = cleanCopy();
    const out = tempDir("modelreg-pack-");
    const pack = await run("npm", ["pack", "--pack-destination", out, "--json"], src);
    assert.equal(pack.code, 0, pack.stderr);
    const [{ filename, files }] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf("["))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    packed = new Set(files.map((f) => f.path));
    team = join(out, "team-registry");
    mkdirSync(team);
    // --ignore-scripts: with no prebuilt binary to download, better-sqlite3's
    // install script compiles SQLite from source, minutes of both cores; no
    // command run here opens an SQLite file, and no other dependency needs its script.
    const install = await run("npm", ["install", "--prefer-offline", "--ignore-scripts", join(out, filename)], team);
    if (install.code !== 0 && UNREACHABLE.test(install.stderr)) {
      skipped = `npm install could not reach a registry: ${install.stderr.split("\n").find((l) => UNREACHABLE.test(l))}`;
      return;
    }
    assert.equal(install.code, 0, install.stderr);
    packageJson = JSON.parse(readFileSync(join(team, "node_modules", "modelreg", "package.json"), "utf8"));
  });

  test("the tarball: compiled JavaScript with declarations, schemas, site sources, templates, workflows; no tests, bench, fixtures or TypeScript sources", () => {
    for (const f of [
      "bin/modelreg.mjs",
      "dist/cli.js",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/lib/core/_threads.js",
      "dist/lib/registry/check-worker.js",
      "schemas/experiment.schema.json",
      "site/src/pages/index.astro",
      "templates/team-repo/gitignore",
      "templates/team-repo/dependabot.yml",
      ".github/workflows/validate.yml",
      ".github/workflows/pages.yml",
    ])
      assert.ok(packed.has(f), `the package holds ${f}`);
    const unwanted = [...packed].filter(
      (f) =>
        /^(test|registry|scripts|docs)\//.test(f) ||
        f.includes("fixtures/") ||
        f.includes("bench") ||
        (/\.ts$/.test(f) && !f.endsWith(".d.ts") && !f.startsWith("site/src/")) ||
        f.endsWith("_worker-entry.mjs"),
    );
    assert.deepEqual(unwanted, [], "no tests, sample data, bench, fixtures, TypeScript sources or tsx loader in the package");
  });

  test("the installed package: no tsx, no @types or build tools among its dependencies", (t) => {
    if (skipped) return t.skip(skipped);
    for (const dep of Object.keys(packageJson.dependencies)) assert.ok(!/^@types\/|^tsx$|^typescript$/.test(dep), `${dep} is a runtime dependency`);
    assert.ok(!existsSync(join(team, "node_modules", "tsx")), "tsx is not installed with modelreg");
  });

  test("init, add, update, promote, list, show, resolve, diff, validate", async (t) => {
    if (skipped) return t.skip(skipped);
    const init = await npx("init");
    assert.equal(init.code, 0, init.stdout + init.stderr);
    const pkg = JSON.parse(readFileSync(join(team, "package.json"), "utf8"));
    assert.match(pkg.dependencies.modelreg, /^file:/, "the installed dependency is kept");
    assert.equal(pkg.scripts.validate, "modelreg validate");
    for (const f of [".github/workflows/validate.yml", ".github/workflows/pages.yml", ".github/dependabot.yml"]) assert.ok(existsSync(join(team, f)), f);

    await ok("add", "project", "demo", "--name", "Demo project");
    await ok("add", "model", "demo/classifier", "--name", "Classifier", "--primary-metric", "accuracy:maximize");
    const first = JSON.parse(
      await ok(
        "add",
        "experiment",
        "demo/classifier",
        "--version",
        "1.0.0",
        "--metric",
        "accuracy=0.91",
        "--param",
        "lr=0.01",
        "--test",
        "s3://data/test.parquet",
        "--json",
      ),
    );
    const second = JSON.parse(
      await ok(
        "add",
        "experiment",
        "demo/classifier",
        "--version",
        "1.1.0",
        "--metric",
        "accuracy=0.93",
        "--param",
        "lr=0.02",
        "--test",
        "s3://data/test.parquet",
        "--json",
      ),
    );
    assert.match(await ok("update", "experiment", "demo/classifier@1.1.0", "--metric", "f1=0.9"), /f1/);
    await ok("promote", "demo/classifier@1.1.0", "--alias", "production");

    assert.match(await ok("list", "projects"), /demo/);
    const listed = JSON.parse(await ok("list", "experiments", "--where", "metrics.accuracy > 0.92", "--json"));
    assert.deepEqual(
      listed.map((e: { id: string }) => e.id),
      [second.id],
    );
    assert.match(await ok("show", "demo/classifier@production"), /@1\.1\.0\s+\[production\]/);
    assert.equal(JSON.parse(await ok("resolve", "demo/classifier@production", "--json")).version, "1.1.0");
    assert.match(await ok("diff", first.id, "demo/classifier@production"), /lr/);

    const validate = await run("npm", ["run", "--silent", "validate"], team, cacheEnv());
    assert.equal(validate.code, 0, validate.stdout + validate.stderr);
    assert.match(validate.stdout, /✔ 4 files checked, no errors/);
    // Editors find the schema the new file names: the installed package's.
    const header = readFileSync(join(team, "registry", "demo", "project.yaml"), "utf8").split("\n")[0];
    assert.equal(header, "# yaml-language-server: $schema=../../node_modules/modelreg/schemas/project.schema.json");
    assert.ok(existsSync(join(team, "node_modules", "modelreg", "schemas", "project.schema.json")));
  });

  test("report on a branch, import hf and export hf", async (t) => {
    if (skipped) return t.skip(skipped);
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: team, stdio: "pipe" });
    writeFileSync(join(team, ".gitignore"), "node_modules/\n_site/\n.astro/\n");
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-qm", "registry");
    git("checkout", "-q", "-b", "imported");
    const card = join(FIXTURES, "import", "hf-card-quirks", "README.md");
    assert.match(await ok("import", "hf", card, "--project", "demo", "--model", "tiny"), /tiny/);
    git("add", "-A");
    git("commit", "-qm", "import");
    assert.match(await ok("report", "--base", "main"), /demo\/tiny/);
    // The promotion landed in the first commit: history names it; importance explains that two runs are too few.
    assert.match(await ok("history", "demo/classifier"), /production[\s\S]*1\.1\.0/);
    assert.match(await ok("importance", "demo/classifier"), /run/);
    const index = JSON.parse(await ok("export", "hf", "demo/classifier@production", "--json"));
    assert.equal(JSON.stringify(index).includes("0.93"), true, JSON.stringify(index));
  });

  test("generate and validate 2000 experiments: both start compiled worker threads", async (t) => {
    if (skipped) return t.skip(skipped);
    await ok("generate", "--out", "big", "--experiments", "2000");
    assert.match(await ok("validate", "--registry", "big", "--no-cache"), /2\d{3} files checked, no errors/);
  });

  test("site build, preview and dev", async (t) => {
    if (skipped) return t.skip(skipped);
    await ok("site", "build", "--base", "/team-registry/");
    assert.match(readFileSync(join(team, "_site", "index.html"), "utf8"), /Demo project/);
    assert.ok(existsSync(join(team, "_site", "api", "v0.1", "experiments", "model-version-id", "demo", "classifier", "1.0.0.json")));
    for (const command of ["preview", "dev"]) {
      const { url, child } = await serve(["site", command, "--base", "/team-registry/", "--port", command === "dev" ? "4471" : "4470"]);
      try {
        assert.match(await poll(url, (b) => b.includes("Demo project"), 60_000), /Demo project/, command);
      } finally {
        child.kill();
      }
    }
  });

  test('the library from the installed package: import { validateRegistry } from "modelreg", typed', async (t) => {
    if (skipped) return t.skip(skipped);
    const script = `import { validateRegistry } from "modelreg";
const r = await validateRegistry({ registry: "registry" });
console.log(JSON.stringify({ valid: r.valid, checked: r.checked }));`;
    const r = await run(process.execPath, ["--input-type=module", "-e", script], team, cacheEnv());
    assert.equal(r.code, 0, r.stderr);
    const cli = JSON.parse(await ok("validate", "--format", "json"));
    assert.deepEqual(JSON.parse(r.stdout), { valid: true, checked: cli.checked });
    writeFileSync(
      join(team, "typed.mts"),
      `import { type ValidateResult, validateRegistry } from "modelreg";
const r: ValidateResult = await validateRegistry({ registry: "registry" });
const checked: number = r.checked;
// @ts-expect-error: registry is a path, not a number
await validateRegistry({ registry: 1 });
export { checked };
`,
    );
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const flags = ["--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022"];
    const types = await run(process.execPath, [tsc, ...flags, "typed.mts"], team);
    assert.equal(types.code, 0, types.stdout + types.stderr);
  });
});
