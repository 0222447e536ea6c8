// `modelreg report` beyond the workflow's own call (issue #8): a commit as the
// head, the JSON shape, 500 changed experiments, and usage errors.
import assert from "node:assert/strict";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { FOLD_ABOVE } from "../scripts/lib/report/markdown.ts";
import type { ReportData } from "../scripts/lib/report/types.ts";
import { cacheEnv, runCli, tempDir } from "./_helpers.ts";
import { deriveExperiment, git, PRODUCTION, setAlias, teamRepo } from "./_pr-fixtures.ts";

const NEW_RUN = "01m8k5m12s8n844gk0s9v2a024";

async function report(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli(["report", ...args], { cwd: dir, env: cacheEnv() });
}

test("--head: reports a commit without checking it out, the same as its working tree; JSON as documented", async () => {
  const dir = await teamRepo();
  git(dir, "switch", "-q", "-c", "v3");
  deriveExperiment(dir, PRODUCTION, NEW_RUN, { version: "3.0.0", accuracy: 0.9612 });
  setAlias(dir, "production", "3.0.0");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "v3");
  const tree = await report(dir, ["--base", "main", "--format", "json"]);
  git(dir, "switch", "-q", "main");
  const commit = await report(dir, ["--base", "main", "--head", "v3", "--format", "json"]);
  assert.equal(tree.code, 0, tree.stderr);
  assert.equal(commit.code, 0, commit.stderr);
  const a = JSON.parse(tree.stdout) as ReportData;
  const b = JSON.parse(commit.stdout) as ReportData;
  assert.deepEqual(Object.keys(a), ["base", "head", "counts", "projects", "models", "deleted", "problems"]);
  assert.deepEqual(a.head, { ref: null, commit: null });
  assert.deepEqual(b.head, { ref: "v3", commit: git(dir, "rev-parse", "v3") });
  assert.deepEqual(b.models, a.models);
  assert.deepEqual(a.counts, { added: 1, modified: 0, deleted: 0, aliasChanges: 1, models: 1, errors: 0, warnings: 0 });
  const [model] = a.models;
  assert.deepEqual(model.metric, { name: "accuracy", goal: "maximize", inferred: false });
  assert.deepEqual(model.aliases, [
    {
      alias: "production",
      fromTarget: "1.2.0",
      toTarget: "3.0.0",
      from: { id: PRODUCTION, version: "1.2.0", value: 0.9569 },
      to: { id: NEW_RUN, version: "3.0.0", value: 0.9612 },
      delta: 0.9612 - 0.9569,
      verdict: "better",
    },
  ]);
  assert.equal(model.experiments[0].production?.verdict, "better");
});

test("500 changed experiments: summary first, each model folded into <details>, every run counted", async () => {
  const dir = tempDir();
  const gen = await runCli(["generate", "--experiments", "500", "--projects", "1", "--models", "3", "--out", join(dir, "registry")]);
  assert.equal(gen.code, 0, gen.stderr);
  // The base holds the project and its models; every experiment is new on the branch (untracked, as a fresh run leaves them).
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "registry/*/project.yaml", "registry/*/models/*/model.yaml");
  git(dir, "commit", "-q", "-m", "base");

  const started = Date.now();
  const r = await report(dir, ["--base", "main"]);
  const ms = Date.now() - started;
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^## modelreg report\n\n\*\*500 experiments added\*\* in 3 models/);
  assert.ok(r.stdout.indexOf("### Summary") < r.stdout.indexOf("<details>"), "the summary comes before the details");
  assert.equal(r.stdout.match(/<details>/g)?.length, 3);
  assert.ok(Buffer.byteLength(r.stdout) < 1024 * 1024, "within GitHub's 1 MiB job summary limit");
  assert.ok(ms < 60_000, `took ${ms} ms`);
  const json = JSON.parse((await report(dir, ["--base", "main", "--format", "json"])).stdout) as ReportData;
  assert.equal(
    json.models.reduce((n, m) => n + m.experiments.length, 0),
    500,
  );
  assert.ok(500 > FOLD_ABOVE);
});

test("a small change is not folded", async () => {
  const dir = await teamRepo();
  deriveExperiment(dir, PRODUCTION, NEW_RUN, { accuracy: 0.95 });
  const r = await report(dir, ["--base", "main"]);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /<details>/);
  assert.match(r.stdout, /#### \*\*ResNet-50 fine-tune\*\*/);
  assert.ok(r.stdout.includes(`| \`${NEW_RUN}\` |`));
});

test("usage errors exit 2 with a hint: no --base, an unknown ref, outside git, no registry", async () => {
  const dir = await teamRepo();
  const outside = tempDir();
  cpSync(join(dir, "registry"), join(outside, "registry"), { recursive: true });
  for (const [args, cwd, pattern] of [
    [[], dir, /required option '--base <ref>'/],
    [["--base", "no-such-branch"], dir, /the git ref "no-such-branch" does not exist here\n {2}hint: /],
    [["--base", "main", "--head", "nope"], dir, /the git ref "nope" does not exist here/],
    [["--base", "main"], outside, /not inside a git repository/],
    [["--base", "main", "--registry", "missing"], dir, /the registry directory "missing" does not exist/],
    [["--base", "main", "--format", "html"], dir, /argument 'html' is invalid/],
  ] as Array<[string[], string, RegExp]>) {
    const r = await report(cwd, args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});
