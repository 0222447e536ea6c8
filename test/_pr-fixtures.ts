// Team repositories for the pull-request flow tests (issue #8): made by
// `modelreg init`, with this checkout standing in for the installed package
// (as `npm install` would link it), holding the sample's ResNet-50 model.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { git } from "./_add-fixtures.ts";
import { ROOT, runCli, tempDir } from "./_helpers.ts";

export { git };
export const MODEL_DIR = "registry/animal-image-classification/models/resnet50";
export const EXPERIMENTS = `${MODEL_DIR}/experiments`;
/** The sample's production run (version 1.2.0, accuracy 0.9569, the older test set). */
export const PRODUCTION = "01kkb7bqrrrb8y321qfrq5mzez";
/** The sample's staging run (version 2.0.0, accuracy 0.9567, the newer test set). */
export const STAGING = "01m0f1q9x02vjfxanmzcz28p6f";

/**
 * `node_modules` as `npm install` lays it out, offline: modelreg (this
 * checkout), its bin, and its dependencies hoisted beside it (the site's
 * build output imports them from the team repository's node_modules).
 */
function linkPackage(dir: string): void {
  mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
  for (const name of readdirSync(join(ROOT, "node_modules"))) {
    if (!name.startsWith(".")) symlinkSync(join(ROOT, "node_modules", name), join(dir, "node_modules", name));
  }
  symlinkSync(ROOT, join(dir, "node_modules", "modelreg"));
  symlinkSync(join("..", "modelreg", "bin", "modelreg.mjs"), join(dir, "node_modules", ".bin", "modelreg"));
}

/** A team repository from `modelreg init`, with the sample's ResNet-50 committed on main and mirrored as origin/main. */
export async function teamRepo(): Promise<string> {
  const dir = join(tempDir("modelreg-team-"), "team-registry");
  const init = await runCli(["init", dir]);
  assert.equal(init.code, 0, init.stderr);
  linkPackage(dir);
  const sample = join(ROOT, "registry", "animal-image-classification");
  cpSync(join(sample, "project.yaml"), join(dir, "registry", "animal-image-classification", "project.yaml"));
  cpSync(join(sample, "models", "resnet50"), join(dir, MODEL_DIR), { recursive: true });
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "base");
  git(dir, "update-ref", "refs/remotes/origin/main", "main");
  return dir;
}

/** Writes a new experiment made from an existing one: new id, version, metric and learning rate. */
export function deriveExperiment(
  dir: string,
  from: string,
  id: string,
  change: { version?: string; accuracy: number; lr?: number; parameters?: string },
): string {
  let text = readFileSync(join(dir, EXPERIMENTS, `${from}.yaml`), "utf8")
    .replace(`id: ${from}`, `id: ${id}`)
    .replace(/^version: .*\n/m, "")
    .replace(/^ {2}accuracy: .*$/m, `  accuracy: ${change.accuracy}`);
  if (change.version) text = text.replace(/^(id: .*\n)/m, `$1version: ${change.version}\n`);
  if (change.lr !== undefined) text = text.replace(/^ {4}lr: .*$/m, `    lr: ${change.lr}`);
  if (change.parameters) text = text.replace(/^parameters:\n/m, `parameters:\n${change.parameters}`);
  const file = `${EXPERIMENTS}/${id}.yaml`;
  writeFileSync(join(dir, file), text);
  return file;
}

export function setMetric(dir: string, id: string, accuracy: number): void {
  const path = join(dir, EXPERIMENTS, `${id}.yaml`);
  writeFileSync(path, readFileSync(path, "utf8").replace(/^ {2}accuracy: .*$/m, `  accuracy: ${accuracy}`));
}

export function setAlias(dir: string, alias: string, target: string): void {
  const path = join(dir, MODEL_DIR, "model.yaml");
  writeFileSync(path, readFileSync(path, "utf8").replace(new RegExp(`^  ${alias}: .*$`, "m"), `  ${alias}: ${target}`));
}

/** Checks out what GitHub checks out for a pull request: the merge of the branch into the base's tip. */
export function pullRequestMerge(dir: string, branch: string): void {
  git(dir, "checkout", "-q", "--detach", "origin/main");
  git(dir, "merge", "-q", "--no-ff", "-m", `Merge ${branch} into main`, branch);
}
