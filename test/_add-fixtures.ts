// Shared by the `add` tests: a one-model registry, real temp git repos, and
// runs of the CLI isolated from the user's git config and lock directory.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ExperimentData, Kind, KindData } from "../scripts/lib/schema/types.ts";
import { parseYaml } from "../scripts/lib/yaml/yaml.ts";
import { type CliResult, recordOf, runCli, tempDir, writeTree } from "./_helpers.ts";

export const PROJECT = "animal-image-classification";
export const MODEL = "resnet50";
export const REF = `${PROJECT}/${MODEL}`;
export const MODEL_DIR = `${PROJECT}/models/${MODEL}`;

/** Git with no system or global config, so a developer's signing or hooks settings cannot change a test. */
export const GIT_ENV: Record<string, string> = {
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Test Author",
  GIT_AUTHOR_EMAIL: "author@example.com",
  GIT_COMMITTER_NAME: "Test Author",
  GIT_COMMITTER_EMAIL: "author@example.com",
};

/** One temp directory per test file (removed at exit); `scratch()` makes fresh ones inside it. */
const BASE = tempDir("modelreg-add-");
const LOCKS = join(BASE, "locks");

export function scratch(): string {
  return mkdtempSync(join(BASE, "t-"));
}

/** A registry with one project and one model, at `<root>/registry`. */
export function registryIn(root: string): string {
  writeTree(root, {
    [`registry/${PROJECT}/project.yaml`]: "name: 동물 이미지 분류\ncreated: 2026-01-05T10:12:00+09:00\n",
    [`registry/${MODEL_DIR}/model.yaml`]: "name: ResNet-50\ncreated: 2026-01-07T11:20:00+09:00\nprimary_metric:\n  name: accuracy\n  goal: maximize\n",
  });
  return join(root, "registry");
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: "utf8" }).trim();
}

/** `git init` with everything in `dir` committed on main, and optionally a remote. */
export function gitRepo(dir: string, remote?: string): string {
  git(dir, "init", "-q", "-b", "main");
  if (remote) git(dir, "remote", "add", "origin", remote);
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "--allow-empty", "-m", "initial");
  return git(dir, "rev-parse", "HEAD");
}

/** `modelreg add ARGS`, isolated; cwd defaults to a fresh directory outside any git repo. */
export function add(args: string[], opts: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
  return runCli(["add", ...args], { cwd: opts.cwd ?? scratch(), env: { ...GIT_ENV, MODELREG_LOCK_DIR: LOCKS, ...opts.env }, timeoutMs: opts.timeoutMs });
}

/** The experiment files of the model, by name. */
export function experimentFiles(registry: string): string[] {
  const dir = join(registry, MODEL_DIR, "experiments");
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".yaml"))
        .sort()
    : [];
}

/** A record file as written: its text, and its value checked against the kind's schema. */
export function readRecord<K extends Kind>(path: string, kind: K): { text: string; value: KindData[K] } {
  const text = readFileSync(path, "utf8");
  const parsed = parseYaml(text);
  assert.deepEqual(parsed.problems, [], `${path} parses`);
  return { text, value: recordOf(kind, parsed.value, path) };
}

/** The single experiment the model has, after one successful add. */
export function onlyExperiment(registry: string): { file: string; text: string; value: ExperimentData } {
  const files = experimentFiles(registry);
  assert.equal(files.length, 1, `exactly one experiment file, found ${files.join(", ") || "none"}`);
  const file = join(registry, MODEL_DIR, "experiments", files[0]);
  return { file, ...readRecord(file, "experiment") };
}

/** A user error: a message and a hint, never a stack trace. */
export function assertUserError(r: CliResult, code: 1 | 2, ...includes: string[]): void {
  assert.equal(r.code, code, `exit ${code}; stderr: ${r.stderr}`);
  assert.match(r.stderr, /^modelreg: /m);
  assert.match(r.stderr, /hint: /);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at .+:\d+:\d+/);
  for (const s of includes) assert.ok(r.stderr.includes(s), `stderr mentions ${JSON.stringify(s)}: ${r.stderr}`);
}

export async function assertValid(registry: string): Promise<void> {
  const r = await runCli(["validate", "--registry", registry, "--no-cache"]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
}
