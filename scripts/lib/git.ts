// The git operations modelreg needs, behind one small module so tests can point
// them at temporary repositories.
import { simpleGit } from "simple-git";
import { UsageError } from "./errors.ts";

/**
 * Registry-relative paths that differ between the merge base of `ref` and HEAD
 * and the working tree: added, modified, deleted and untracked files. Using the
 * merge base means commits that landed on `ref` after the branch was made do not
 * count as this branch's changes (as `git diff ref...`).
 */
export async function changedSince(dir: string, ref: string): Promise<string[]> {
  const git = simpleGit({ baseDir: dir });
  // Untracked files do not depend on the ref: list them while the base is found.
  const untracked = git.raw(["ls-files", "--others", "--exclude-standard", "-z", "--", "."]).catch(() => "");
  let base: string;
  try {
    base = (await git.raw(["merge-base", `${ref}^{commit}`, "HEAD"])).trim();
  } catch {
    const inRepo = await git.checkIsRepo().catch(() => false);
    if (!inRepo) {
      throw new UsageError(`--changed-since needs a git repository, and ${dir} is not inside one`, "E_NOT_GIT", "Run without --changed-since to check every file, or run from a git checkout.");
    }
    throw new UsageError(`the git ref "${ref}" does not exist here`, "E_BAD_REF", "Name a branch, tag or commit that exists (`git branch -a`); in CI, fetch the base branch first (`fetch-depth: 0`).");
  }
  const diff = await git.raw(["diff", "--name-only", "--no-renames", "--relative", "-z", base, "--", "."]);
  return [...new Set([...diff.split("\0"), ...(await untracked).split("\0")].filter(Boolean))];
}
