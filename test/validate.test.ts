// `modelreg validate` on good registries, its output formats, the cache and
// --changed-since, through the CLI and the library API.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { validateRegistry } from "../scripts/lib/validate/validate.ts";
import { cacheEnv, present, ROOT, runCli, tempDir } from "./_helpers.ts";

const SAMPLE = join(ROOT, "registry");

function sampleCopy(): string {
  const dir = tempDir();
  cpSync(SAMPLE, join(dir, "registry"), { recursive: true });
  return dir;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: dir, encoding: "utf8" });
}

/** A copy of the sample registry committed on `main` of a fresh repository. */
function committedSampleCopy(): { dir: string; registry: string } {
  const dir = sampleCopy();
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", ".");
  git(dir, "commit", "-qm", "base");
  return { dir, registry: join(dir, "registry") };
}

function experimentFiles(registry: string, model: string): string[] {
  const dir = join(registry, model, "experiments");
  return readdirSync(dir).map((f) => join(dir, f));
}

test("sample registry: valid, every file checked, JSON shape as documented", async () => {
  const r = await runCli(["validate", "--format", "json"], { env: cacheEnv() });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ["valid", "checked", "errors", "warnings"]);
  assert.equal(out.valid, true);
  assert.ok(out.checked >= 60 + 6 + 3, `checked ${out.checked}`);
  assert.deepEqual(out.errors, []);
});

test("sample registry: text output says how many files were checked", async () => {
  const r = await runCli(["validate"], { env: cacheEnv() });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /✔ \d+ files checked, no errors/);
});

test("github format: one ::error annotation per problem, with file, line and col", async () => {
  const dir = sampleCopy();
  const [file] = experimentFiles(join(dir, "registry"), "animal-image-classification/models/resnet50");
  writeFileSync(file, readFileSync(file, "utf8").replace(/^created: .*$/m, "created: yesterday"));
  const r = await runCli(["validate", "--format", "github"], { cwd: dir, env: cacheEnv() });
  assert.equal(r.code, 1);
  const line = r.stdout.split("\n").find((l) => l.startsWith("::error "));
  assert.ok(line, r.stdout);
  assert.match(
    line,
    /^::error file=registry\/animal-image-classification\/models\/resnet50\/experiments\/[0-9a-z]{26}\.yaml,line=\d+,col=\d+,title=modelreg matches-schema::`created` is "yesterday", which is not an RFC 3339 date-time%0Ahint: /,
  );
});

test("usage errors exit 2 with a hint and no stack", async () => {
  for (const args of [["validate", "--registry", "/no/such/dir"], ["validate", "--format", "xml"], ["validate", "--bogus"], ["nosuchcommand"]]) {
    const r = await runCli(args, { env: cacheEnv() });
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test("cache: a second run re-parses nothing; a changed file is re-checked; a corrupt cache is rebuilt", async () => {
  const dir = sampleCopy();
  const registry = join(dir, "registry");
  const cacheDir = tempDir();
  const first = await validateRegistry({ registry, cacheDir });
  assert.equal(first.valid, true);
  assert.equal(first.stats.parsed, first.checked);

  const warm = await validateRegistry({ registry, cacheDir });
  assert.equal(warm.stats.parsed, 0);
  assert.equal(warm.stats.fromCache, warm.checked);

  const [file] = experimentFiles(registry, "animal-image-classification/models/vit-small");
  writeFileSync(file, readFileSync(file, "utf8").replace(/^id: .*$/m, "id: 01aaaaaaaaaaaaaaaaaaaaaaaa"));
  const changed = await validateRegistry({ registry, cacheDir });
  assert.equal(changed.stats.parsed, 1);
  assert.equal(changed.valid, false);
  assert.ok(changed.diagnostics.some((d) => d.rule === "id-matches-file-name"));

  const [cacheFile] = readdirSync(cacheDir);
  const text = readFileSync(join(cacheDir, cacheFile), "utf8");
  assert.ok(text.includes('"rule":"id-matches-file-name"'));
  writeFileSync(join(cacheDir, cacheFile), text.replace('"rule":"id-matches-file-name"', '"rule":"edited-by-hand"'));
  const corrupt = await validateRegistry({ registry, cacheDir });
  assert.match(corrupt.stats.cacheDiscarded ?? "", /corrupt/);
  assert.equal(corrupt.stats.parsed, corrupt.checked);
  assert.equal(corrupt.valid, false, "the tampered cache must not hide the error");

  writeFileSync(join(cacheDir, cacheFile), "garbage");
  const garbage = await validateRegistry({ registry, cacheDir });
  assert.match(garbage.stats.cacheDiscarded ?? "", /corrupt/);
  assert.equal(garbage.valid, false);
});

test("cache: same content under a new stat (a fresh checkout) is reused without parsing", async () => {
  const dir = sampleCopy();
  const registry = join(dir, "registry");
  const cacheDir = tempDir();
  await validateRegistry({ registry, cacheDir });
  const [file] = experimentFiles(registry, "energy-demand-forecast/models/xgboost");
  const bytes = readFileSync(file);
  rmSync(file);
  writeFileSync(file, bytes);
  const again = await validateRegistry({ registry, cacheDir });
  assert.equal(again.stats.parsed, 0);
});

test("--changed-since: checks only the branch's files, and the rules they touch", async () => {
  const { dir, registry } = committedSampleCopy();
  git(dir, "checkout", "-qb", "feature");

  // A new run that reuses a version already released in its model.
  const model = "support-ticket-routing/models/tfidf-logreg";
  const [source] = experimentFiles(registry, model);
  const newId = "01kzzzzzzzzzzzzzzzzzzzzzzz";
  const copy = readFileSync(source, "utf8")
    .replace(/^id: .*$/m, `id: ${newId}`)
    .replace(/^version: .*$/m, "")
    .concat('version: "1.1.0"\n');
  writeFileSync(join(registry, model, "experiments", `${newId}.yaml`), copy);

  const lib = await validateRegistry({ registry, changedSince: "main", cacheDir: false });
  assert.equal(lib.checked, 1);
  assert.ok(lib.stats.parsed < 20, `parsed ${lib.stats.parsed} files; the registry has ${lib.stats.listed}`);
  const rules = lib.diagnostics.map((d) => d.rule);
  assert.ok(rules.includes("versions-unique-per-model"), JSON.stringify(lib.diagnostics, null, 1));

  const cli = await runCli(["validate", "--changed-since", "main", "--format", "json"], { cwd: dir, env: cacheEnv() });
  assert.equal(cli.code, 1);
  const out = JSON.parse(cli.stdout);
  assert.equal(out.checked, 1);
  assert.ok(
    out.errors.every((e: { file: string }) => e.file.startsWith(`registry/${model}/`)),
    cli.stdout,
  );
});

test("--changed-since: deleting the experiment an alias points to is caught", async () => {
  const { registry } = committedSampleCopy();
  const modelDir = join(registry, "energy-demand-forecast/models/ridge-baseline");
  const production = present(/production: "?([^"\n]+)"?/.exec(readFileSync(join(modelDir, "model.yaml"), "utf8")), "a production alias")[1];
  const target = present(
    experimentFiles(registry, "energy-demand-forecast/models/ridge-baseline").find(
      (f) => readFileSync(f, "utf8").includes(`version: ${production}`) || readFileSync(f, "utf8").includes(`version: "${production}"`),
    ),
    "the production experiment's file",
  );
  rmSync(target);
  const r = await validateRegistry({ registry, changedSince: "HEAD", cacheDir: false });
  assert.equal(r.checked, 0);
  assert.deepEqual(
    r.diagnostics.map((d) => [d.rule, d.file, d.path]),
    [["aliases-resolve", "energy-demand-forecast/models/ridge-baseline/model.yaml", "aliases.production"]],
  );
});

test("--changed-since: a bad ref or a directory outside git is a usage error (exit 2)", async () => {
  const dir = sampleCopy();
  const outside = await runCli(["validate", "--changed-since", "main"], { cwd: dir, env: cacheEnv() });
  assert.equal(outside.code, 2);
  assert.match(outside.stderr, /not inside one|git repository/);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", ".");
  git(dir, "commit", "-qm", "base");
  const bad = await runCli(["validate", "--changed-since", "no-such-branch"], { cwd: dir, env: cacheEnv() });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /"no-such-branch" does not exist/);
});
