// A registry repository with a scripted history (issue #16), made with git and
// the CLI's own add / update / promote, every commit with a fixed author and
// date: promotions by different people, a merge commit and a squash merge
// naming PRs, a revert, an alias removed and set again, an experiment updated
// three times, commits that touch no registry file, a model directory moved,
// and a promotion rebased onto main (authored before it landed).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cacheEnv, runCli, tempDir } from "./_helpers.ts";

export interface ScriptedRepo {
  dir: string;
  registry: string;
  /** Experiment ids: e1 is version 1.0.0, e2 version 1.1.0. */
  e1: string;
  e2: string;
  /** Commit ids by step name. */
  commits: Record<string, string>;
  cli(args: string[]): ReturnType<typeof runCli>;
}

const PEOPLE = {
  alice: ["Alice Ahn", "alice@example.com"],
  bob: ["Bob Berg", "bob@example.com"],
  carol: ["Carol Chen", "carol@example.com"],
  dave: ["Dave Diaz", "dave@example.com"],
  erin: ["Erin Eze", "erin@example.com"],
} as const;
type Person = keyof typeof PEOPLE;

/** A git environment: authored by `who` at `authored`, committed (landed) at `landed`. */
function as(who: Person, authored: string, landed = authored): Record<string, string> {
  const [name, email] = PEOPLE[who];
  return {
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_AUTHOR_DATE: authored,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email,
    GIT_COMMITTER_DATE: landed,
  };
}

export async function scriptedRepo(): Promise<ScriptedRepo> {
  const dir = tempDir("modelreg-history-");
  const registry = join(dir, "registry");
  const env = cacheEnv();
  const git = (e: Record<string, string>, ...args: string[]) => execFileSync("git", args, { cwd: dir, env: { ...process.env, ...e }, encoding: "utf8" }).trim();
  const cli = async (args: string[]) => {
    const r = await runCli([...args, "--registry", registry], { cwd: dir, env });
    if (r.code !== 0) throw new Error(`modelreg ${args.join(" ")} failed (${r.code}): ${r.stderr}`);
    return r;
  };
  const commits: Record<string, string> = {};
  const commit = (step: string, e: Record<string, string>, message: string) => {
    git(e, "add", "-A");
    git(e, "commit", "-q", "-m", message);
    commits[step] = git(e, "rev-parse", "HEAD");
  };
  const idOf = (out: string) => /experiments\/([0-9a-z]{26})\.yaml/.exec(out)?.[1] ?? "";

  git({}, "init", "-q", "-b", "main");
  mkdirSync(registry);
  await cli(["add", "project", "vision", "--name", "Vision"]);
  await cli(["add", "model", "vision/resnet", "--name", "ResNet", "--primary-metric", "accuracy:maximize"]);
  commit("model", as("alice", "2026-01-05T09:00:00Z"), "Add the resnet model");
  const e1 = idOf(
    (await cli(["add", "experiment", "vision/resnet", "--version", "1.0.0", "--metric", "accuracy=0.9", "--artifact", "model=s3://models/1.pt"])).stdout,
  );
  commit("e1", as("alice", "2026-01-10T09:00:00Z"), "Record resnet 1.0.0");
  writeFileSync(join(dir, "NOTES.md"), "Training notes\n");
  commit("notes", as("carol", "2026-01-12T09:00:00Z"), "Notes (no registry file)");

  // A pull request merged with a merge commit: Bob promotes, Dave merges.
  git({}, "checkout", "-q", "-b", "bob/promote-1");
  await cli(["promote", "vision/resnet@1.0.0", "--alias", "production"]);
  commit("promote1", as("bob", "2026-01-15T10:00:00Z"), "Promote resnet 1.0.0");
  git({}, "checkout", "-q", "main");
  git(as("dave", "2026-01-16T08:00:00Z"), "merge", "-q", "--no-ff", "bob/promote-1", "-m", "Merge pull request #12 from bob/promote-1");
  commits.merge12 = git({}, "rev-parse", "HEAD");

  const e2 = idOf((await cli(["add", "experiment", "vision/resnet", "--version", "1.1.0", "--metric", "accuracy=0.92"])).stdout);
  commit("e2", as("alice", "2026-02-01T09:00:00Z"), "Record resnet 1.1.0");
  await cli(["update", "experiment", e2, "--metric", "f1=0.8"]);
  commit("update1", as("alice", "2026-02-02T09:00:00Z"), "resnet 1.1.0: f1");
  await cli(["update", "experiment", e2, "--artifact", "model=s3://models/2.pt"]);
  commit("update2", as("bob", "2026-02-03T09:00:00Z"), "resnet 1.1.0: artifact");
  await cli(["update", "experiment", e2, "--metric", "accuracy=0.93", "--tag", "stage=candidate", "--force"]);
  commit("update3", as("carol", "2026-02-04T09:00:00Z"), "resnet 1.1.0: re-evaluated");

  // A squash merge (GitHub names the PR in the subject), then its revert.
  await cli(["promote", "vision/resnet@1.1.0", "--alias", "production"]);
  commit("squash13", as("carol", "2026-02-10T09:00:00Z"), "Promote resnet 1.1.0 to production (#13)");
  git(as("alice", "2026-02-20T09:00:00Z"), "revert", "--no-edit", "HEAD");
  commits.revert = git({}, "rev-parse", "HEAD");

  // An alias removed and set again.
  await cli(["promote", "vision/resnet@1.1.0", "--alias", "staging"]);
  commit("staging1", as("bob", "2026-03-01T09:00:00Z"), "Stage 1.1.0");
  await cli(["promote", "vision/resnet", "--alias", "staging", "--remove"]);
  commit("unstage", as("bob", "2026-03-05T09:00:00Z"), "Unstage");
  await cli(["promote", "vision/resnet@1.0.0", "--alias", "staging"]);
  commit("staging2", as("bob", "2026-03-08T09:00:00Z"), "Stage 1.0.0 again");

  // The model directory is renamed.
  git({}, "mv", "registry/vision/models/resnet", "registry/vision/models/resnet50");
  commit("rename", as("dave", "2026-03-10T09:00:00Z"), "Rename resnet to resnet50");

  // Erin promotes on a branch (authored 11 March); main moves on; she rebases and it lands on 14 March.
  git({}, "checkout", "-q", "-b", "erin/promote");
  await cli(["promote", "vision/resnet50@1.1.0", "--alias", "production"]);
  commit("prerebase", as("erin", "2026-03-11T09:00:00Z"), "Promote resnet50 1.1.0 again");
  git({}, "checkout", "-q", "main");
  writeFileSync(join(dir, "NOTES.md"), "Training notes, more\n");
  commit("notes2", as("carol", "2026-03-13T09:00:00Z"), "More notes (no registry file)");
  git({}, "checkout", "-q", "erin/promote");
  git(as("erin", "2026-03-11T09:00:00Z", "2026-03-14T09:00:00Z"), "rebase", "-q", "main");
  commits.rebased = git({}, "rev-parse", "HEAD");
  git({}, "checkout", "-q", "main");
  git({}, "merge", "-q", "--ff-only", "erin/promote");
  return { dir, registry, e1, e2, commits, cli: (args) => runCli([...args, "--registry", registry], { cwd: dir, env }) };
}
