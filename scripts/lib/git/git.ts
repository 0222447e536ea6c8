// The git operations modelreg needs, behind one small module so tests can point
// them at temporary repositories.
import { type SimpleGit, simpleGit } from "simple-git";
import { UsageError } from "../core/errors.ts";

type ChangeStatus = "added" | "modified" | "deleted";

export interface ChangedFile {
  /** Relative to the directory asked about, `/`-separated. */
  file: string;
  status: ChangeStatus;
}

/**
 * The merge base of `ref` and `head` (default HEAD): the commit a branch
 * started from, so commits that landed on `ref` later do not count as the
 * branch's changes (as `git diff ref...`).
 */
export async function mergeBase(dir: string, ref: string, head = "HEAD"): Promise<string> {
  const git = simpleGit({ baseDir: dir });
  try {
    return (await git.raw(["merge-base", `${ref}^{commit}`, `${head}^{commit}`])).trim();
  } catch {
    const inRepo = await git.checkIsRepo().catch(() => false);
    if (!inRepo) {
      throw new UsageError(
        `${dir} is not inside a git repository, and comparing with "${ref}" needs one`,
        "E_NOT_GIT",
        "Run from a git checkout (without --changed-since, `validate` checks every file).",
      );
    }
    const exists = (r: string) =>
      git.raw(["rev-parse", "--verify", "-q", `${r}^{commit}`]).then(
        (s) => s.trim() !== "",
        () => false,
      );
    const missing = !(await exists(ref)) ? ref : !(await exists(head)) ? head : undefined;
    const hint = "Name a branch, tag or commit that exists (`git branch -a`); in CI, fetch the base branch first (`fetch-depth: 0`).";
    if (missing) throw new UsageError(`the git ref "${missing}" does not exist here`, "E_BAD_REF", hint);
    throw new UsageError(`"${ref}" and "${head}" share no history`, "E_BAD_REF", hint);
  }
}

function untracked(git: SimpleGit): Promise<string[]> {
  return git.raw(["ls-files", "--others", "--exclude-standard", "-z", "--", "."]).then(
    (s) => s.split("\0").filter(Boolean),
    () => [],
  );
}

/**
 * Paths under `dir` that differ between `base` and `head`, or between `base`
 * and the working tree (untracked files count as added) when there is no head.
 */
export async function changedFiles(dir: string, base: string, head?: string): Promise<ChangedFile[]> {
  const git = simpleGit({ baseDir: dir });
  const extra = head === undefined ? untracked(git) : Promise.resolve([]);
  const fields = (await git.raw(["diff", "--name-status", "--no-renames", "--relative", "-z", base, ...(head === undefined ? [] : [head]), "--", "."])).split(
    "\0",
  );
  const out = new Map<string, ChangeStatus>();
  for (let i = 0; i + 1 < fields.length; i += 2) {
    out.set(fields[i + 1], fields[i] === "A" ? "added" : fields[i] === "D" ? "deleted" : "modified");
  }
  for (const file of await extra) if (!out.has(file)) out.set(file, "added");
  return [...out].map(([file, status]) => ({ file, status }));
}

/** Registry-relative paths that differ between the merge base of `ref` and HEAD and the working tree (added, modified, deleted, untracked). */
export async function changedSince(dir: string, ref: string): Promise<string[]> {
  return (await changedFiles(dir, await mergeBase(dir, ref))).map((c) => c.file);
}

/** Files under `paths` (relative to `dir`) in the tree of `rev`, relative to `dir`. */
export async function filesAt(dir: string, rev: string, paths: string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const out = await simpleGit({ baseDir: dir }).raw(["ls-tree", "-r", "--name-only", "-z", rev, "--", ...paths]);
  return out.split("\0").filter(Boolean);
}

/** The full commit id of a ref. */
export async function commitOf(dir: string, ref: string): Promise<string> {
  return (await simpleGit({ baseDir: dir }).raw(["rev-parse", "--verify", `${ref}^{commit}`])).trim();
}
