// `modelreg history` and `--at` (issue #16) through the real CLI, on one
// repository with a scripted history (test/_history-repo.ts): every alias
// change with its author, date and PR; an experiment's life; what an alias
// named at a date or commit; shallow clones and registries outside git.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cacheEnv, ROOT, runCli, tempDir, writeTree } from "./_helpers.ts";
import { scriptedRepo } from "./_history-repo.ts";

const repo = await scriptedRepo();
const { e1, e2, commits: c } = repo;
const MODEL = "vision/resnet50";
const short = (commit: string) => commit.slice(0, 10);

test("history model: every alias change newest first, with who, when, PR, merges, the revert, the rename and the rebase", async () => {
  const r = await repo.cli(["history", MODEL]);
  assert.equal(r.code, 0, r.stderr);
  const v = (label: string, id: string) => `${label} (${id})`;
  assert.equal(
    r.stdout,
    [
      `${MODEL}: 7 alias changes, newest first`,
      "",
      // Rebased: authored on 11 March, landed on 14 March; the landing date counts.
      `2026-03-14 09:00 UTC  production: ${v("1.0.0", e1)} → ${v("1.1.0", e2)}`,
      `  commit ${short(c.rebased)} by Erin Eze <erin@example.com>`,
      "  Promote resnet50 1.1.0 again",
      "",
      `2026-03-08 09:00 UTC  staging: (none) → ${v("1.0.0", e1)}`,
      `  commit ${short(c.staging2)} by Bob Berg <bob@example.com>`,
      "  Stage 1.0.0 again",
      "",
      `2026-03-05 09:00 UTC  staging: ${v("1.1.0", e2)} → (removed)`,
      `  commit ${short(c.unstage)} by Bob Berg <bob@example.com>`,
      "  Unstage",
      "",
      `2026-03-01 09:00 UTC  staging: (none) → ${v("1.1.0", e2)}`,
      `  commit ${short(c.staging1)} by Bob Berg <bob@example.com>`,
      "  Stage 1.1.0",
      "",
      `2026-02-20 09:00 UTC  production: ${v("1.1.0", e2)} → ${v("1.0.0", e1)}`,
      `  commit ${short(c.revert)} by Alice Ahn <alice@example.com> (a revert)`,
      '  Revert "Promote resnet 1.1.0 to production (#13)"',
      "",
      `2026-02-10 09:00 UTC  production: ${v("1.0.0", e1)} → ${v("1.1.0", e2)}`,
      `  commit ${short(c.squash13)} by Carol Chen <carol@example.com>, PR #13`,
      "  Promote resnet 1.1.0 to production (#13)",
      "",
      // The merge commit: Bob's change, Dave's merge.
      `2026-01-16 08:00 UTC  production: (none) → ${v("1.0.0", e1)}`,
      `  commit ${short(c.merge12)} by Bob Berg <bob@example.com> (merged by Dave Diaz), PR #12`,
      "  Merge pull request #12 from bob/promote-1",
      "",
    ].join("\n"),
  );
  // The commit from before the rebase is nowhere: only the first-parent history counts.
  assert.doesNotMatch(r.stdout, new RegExp(short(c.prerebase)));
});

test("history model --json, --alias, --since/--until", async () => {
  const r = await repo.cli(["history", MODEL, "--alias", "production", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.model, MODEL);
  assert.deepEqual(
    j.changes.map((x: { from: { version: string } | null; to: { id: string } | null; pr: number | null; commit: string }) => [
      x.from?.version ?? null,
      x.to?.id ?? null,
      x.pr,
      x.commit,
    ]),
    [
      ["1.0.0", e2, null, c.rebased],
      ["1.1.0", e1, null, c.revert],
      ["1.0.0", e2, 13, c.squash13],
      [null, e1, 12, c.merge12],
    ],
  );
  assert.deepEqual(j.changes[3], {
    alias: "production",
    from: null,
    to: { value: "1.0.0", version: "1.0.0", id: e1 },
    commit: c.merge12,
    date: "2026-01-16T08:00:00+00:00",
    author: "Bob Berg",
    email: "bob@example.com",
    mergedBy: "Dave Diaz",
    pr: 12,
    subject: "Merge pull request #12 from bob/promote-1",
    revert: false,
  });
  const window = await repo.cli(["history", MODEL, "--since", "2026-02-10", "--until", "2026-03-01", "--json"]);
  assert.deepEqual(
    JSON.parse(window.stdout).changes.map((x: { commit: string }) => x.commit),
    [c.staging1, c.revert, c.squash13],
  );
  const none = await repo.cli(["history", MODEL, "--alias", "canary"]);
  assert.equal(none.stdout, `${MODEL}: no alias changes of canary\n`);
});

test("history experiment: created, updated three times (old → new), moved with its model", async () => {
  const r = await repo.cli(["history", e2]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    [
      `${e2} (${MODEL}, version 1.1.0): 5 changes, newest first`,
      "",
      `2026-03-10 09:00 UTC  moved (from vision/models/resnet/experiments/${e2}.yaml)`,
      `  commit ${short(c.rename)} by Dave Diaz <dave@example.com>`,
      "  Rename resnet to resnet50",
      "",
      "2026-02-04 09:00 UTC  changed",
      `  commit ${short(c.update3)} by Carol Chen <carol@example.com>`,
      "  resnet 1.1.0: re-evaluated",
      "  evaluations.accuracy: 0.92 → 0.93",
      "  tags.stage: (none) → candidate",
      "",
      "2026-02-03 09:00 UTC  changed",
      `  commit ${short(c.update2)} by Bob Berg <bob@example.com>`,
      "  resnet 1.1.0: artifact",
      "  artifacts.model: (none) → s3://models/2.pt",
      "",
      "2026-02-02 09:00 UTC  changed",
      `  commit ${short(c.update1)} by Alice Ahn <alice@example.com>`,
      "  resnet 1.1.0: f1",
      "  evaluations.f1: (none) → 0.8",
      "",
      "2026-02-01 09:00 UTC  created",
      `  commit ${short(c.e2)} by Alice Ahn <alice@example.com>`,
      "  Record resnet 1.1.0",
      "  version: (none) → 1.1.0",
      "  evaluations.accuracy: (none) → 0.92",
      "",
    ].join("\n"),
  );
  const j = JSON.parse((await repo.cli(["history", `${MODEL}@1.1.0`, "--json"])).stdout);
  assert.equal(j.id, e2);
  assert.deepEqual(
    j.events.map((ev: { kind: string; commit: string }) => [ev.kind, ev.commit]),
    [
      ["moved", c.rename],
      ["changed", c.update3],
      ["changed", c.update2],
      ["changed", c.update1],
      ["created", c.e2],
    ],
  );
  assert.deepEqual(j.events[1].changes, [
    { field: "evaluations.accuracy", before: 0.92, after: 0.93 },
    { field: "tags.stage", after: "candidate" },
  ]);
});

test("resolve --at: a date (the end of that day, UTC), a moment, a commit; the rebased promotion counts from when it landed", async () => {
  const at = async (when: string) => {
    const r = await repo.cli(["resolve", `${MODEL}@production`, "--at", when, "--json"]);
    assert.equal(r.code, 0, `${when}: ${r.stderr}`);
    const j = JSON.parse(r.stdout);
    return [j.id, j.setBy.commit];
  };
  assert.deepEqual(await at("2026-01-16"), [e1, c.merge12]);
  assert.deepEqual(await at("2026-02-15"), [e2, c.squash13]);
  assert.deepEqual(await at("2026-02-20"), [e1, c.revert]);
  // Authored on 11 March, but it was not on the branch until the 14th.
  assert.deepEqual(await at("2026-03-12"), [e1, c.revert]);
  assert.deepEqual(await at("2026-03-14T08:59Z"), [e1, c.revert]);
  assert.deepEqual(await at("2026-03-14T09:00Z"), [e2, c.rebased]);
  assert.deepEqual(await at(c.squash13.slice(0, 8)), [e2, c.squash13]);
  // A commit that touches no registry file names the state it saw.
  assert.deepEqual(await at(c.notes2), [e1, c.revert]);

  const text = await repo.cli(["resolve", `${MODEL}@production`, "--at", "2026-02-15"]);
  assert.equal(text.code, 0, text.stderr);
  const lines = text.stdout.split("\n");
  assert.equal(lines[0], `${MODEL}@production at 2026-02-15 → ${e2} (version 1.1.0)`);
  assert.ok(
    lines.includes(`set by   ${short(c.squash13)} on 2026-02-10T09:00:00+00:00 by Carol Chen (PR #13): Promote resnet 1.1.0 to production (#13)`),
    text.stdout,
  );
  // Without --at, resolve prints what it did before.
  const now = await repo.cli(["resolve", `${MODEL}@production`]);
  assert.equal(now.stdout.split("\n")[0], `${MODEL}@production → ${e2} (version 1.1.0)`);
  assert.doesNotMatch(now.stdout, /set by/);
});

test("resolve --at: not set yet, removed at the time, not an alias, a bad moment, a commit off the branch", async () => {
  const fails = async (args: string[], code: number, message: RegExp) => {
    const r = await repo.cli(args);
    assert.equal(r.code, code, r.stdout + r.stderr);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
    assert.equal(r.stdout, "");
  };
  await fails(["resolve", `${MODEL}@production`, "--at", "2026-01-15"], 1, /production was not set yet at 2026-01-15\n.*first set on 2026-01-16/);
  await fails(
    ["resolve", `${MODEL}@staging`, "--at", "2026-03-06"],
    1,
    new RegExp(`staging was not set at 2026-03-06: it was removed on 2026-03-05T09:00:00\\+00:00 in commit ${short(c.unstage)}`),
  );
  await fails(["resolve", `${MODEL}@1.0.0`, "--at", "2026-03-06"], 1, /"1\.0\.0" was never an alias .*\n.*name an alias: production, staging/);
  await fails(["resolve", `${MODEL}@production`, "--at", "last tuesday"], 2, /--at "last tuesday" is neither a date nor a commit/);
  await fails(["resolve", `${MODEL}@production`, "--at", c.promote1], 1, /not in the first-parent history of the current branch/);
  await fails(["resolve", MODEL, "--at", "2026-03-06"], 1, /--at reads what an alias named/);
});

test("show --at and diff --at read the alias as it was", async () => {
  const show = await repo.cli(["show", `${MODEL}@production`, "--at", "2026-02-15", "--json"]);
  assert.equal(show.code, 0, show.stderr);
  const j = JSON.parse(show.stdout);
  assert.equal(j.id, e2);
  assert.equal(j.setBy.commit, c.squash13);
  const text = await repo.cli(["show", `${MODEL}@production`, "--at", "2026-03-01"]);
  assert.match(text.stdout, new RegExp(`^${MODEL}@production at 2026-03-01 → ${e1}\nset by   ${short(c.revert)} `));
  const bad = await repo.cli(["show", MODEL, "--at", "2026-03-01"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--at needs a reference to an alias/);

  // Then (1.0.0 on 1 March) against now (1.1.0).
  const diff = await repo.cli(["diff", `${MODEL}@production`, `${MODEL}@production`, "--at", "2026-03-01", "--json"]);
  assert.equal(diff.code, 0, diff.stderr);
  const d = JSON.parse(diff.stdout);
  assert.deepEqual(d.experiments, [e1, e2]);
  assert.equal(d.setBy.commit, c.revert);
  assert.ok(
    d.rows.some((row: { key: string; values: unknown[] }) => row.key === "accuracy" && row.values[0] === 0.9 && row.values[1] === 0.93),
    diff.stdout,
  );
  const diffText = await repo.cli(["diff", `${MODEL}@production`, `${MODEL}@production`, "--at", "2026-03-01"]);
  assert.match(diffText.stdout, new RegExp(`^${MODEL}@production at 2026-03-01 → ${e1}\n`));
});

test("shallow clone: every history command says so, names fetch-depth: 0, exits 1 and prints no date", async () => {
  const clone = join(tempDir("modelreg-shallow-"), "clone");
  execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo.dir}`, clone]);
  const registry = join(clone, "registry");
  for (const args of [
    ["history", MODEL],
    ["history", e2],
    ["resolve", `${MODEL}@production`, "--at", "2026-03-01"],
    ["show", `${MODEL}@production`, "--at", "2026-03-01"],
    ["diff", `${MODEL}@production`, `${MODEL}@production`, "--at", "2026-03-01"],
  ]) {
    const r = await runCli([...args, "--registry", registry], { cwd: clone, env: cacheEnv() });
    assert.equal(r.code, 1, `${args.join(" ")}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /is in a shallow clone/);
    assert.match(r.stderr, /fetch-depth: 0/);
    assert.match(r.stderr, /git fetch --unshallow/);
  }
  // Without --at, resolve still works in a shallow clone: it reads no history.
  const now = await runCli(["resolve", `${MODEL}@production`, "--registry", registry], { cwd: clone, env: cacheEnv() });
  assert.equal(now.code, 0, now.stderr);
});

test("a registry outside git: history is a usage error (exit 2); a project is not a history ref", async () => {
  const dir = tempDir();
  writeTree(dir, { "registry/p/project.yaml": "name: P\ncreated: 2026-01-01T00:00:00Z\n" });
  const r = await runCli(["history", "p", "--registry", join(dir, "registry")], { cwd: dir, env: cacheEnv() });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /history takes project\/model or an experiment/);
  const m = await runCli(["add", "model", "p/m", "--name", "M", "--registry", join(dir, "registry")], { cwd: dir, env: cacheEnv() });
  assert.equal(m.code, 0, m.stderr);
  const h = await runCli(["history", "p/m", "--registry", join(dir, "registry")], { cwd: dir, env: { ...cacheEnv(), GIT_CEILING_DIRECTORIES: dir } });
  assert.equal(h.code, 2, h.stderr);
  assert.match(h.stderr, /is not inside a git repository/);
});

test("pages.yml fetches the whole history for the site's timelines", () => {
  const text = readFileSync(join(ROOT, ".github", "workflows", "pages.yml"), "utf8");
  assert.match(text, /uses: actions\/checkout@v\d+\n\s+with:\n(\s+[\w-]+: .*\n)*?\s+fetch-depth: 0\n/);
});
