// Which code ran (issue #4): remote, commit, branch and whether the working tree
// had uncommitted changes, read with simple-git from the training code's
// directory. Remote URLs often carry a token (CI checkouts write
// `https://x-access-token:…@github.com/…` into .git/config), and a registry
// file is read by the whole team, so credentials are stripped before anything
// is recorded.
import { existsSync, statSync } from "node:fs";
import { simpleGit } from "simple-git";
import { credentialIn } from "../core/credentials.ts";
import { UsageError } from "../core/errors.ts";
import type { ExperimentData } from "../schema/types.ts";

type Code = NonNullable<ExperimentData["code"]>;

/**
 * A remote URL without credentials: `https://user:token@host/repo.git` →
 * `https://host/repo.git`. `ssh://git@…` and scp-style `git@host:repo` keep
 * their user, which names the account everyone uses, not a secret. Returns
 * undefined when a secret would still be left (a signed query string).
 */
export function stripCredentials(remote: string): string | undefined {
  let url = remote.trim();
  const scheme = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*@)?(.*)$/i.exec(url);
  if (scheme?.[2] && scheme[2] !== "git@") url = scheme[1] + scheme[3];
  else if (!scheme) url = url.replace(/^[^/@:]*:[^/@]*@/, ""); // scp-style `user:token@host:path`
  return credentialIn(url) ? undefined : url;
}

export interface Provenance {
  code?: Code;
  /** Why less than everything was recorded, for the user to read. */
  notes: string[];
}

async function orUndefined<T>(p: Promise<T>): Promise<T | undefined> {
  return p.catch(() => undefined);
}

export async function captureProvenance(dir: string): Promise<Provenance> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(
      `--code-dir ${dir} is not a directory`,
      "E_NO_DIR",
      "Point --code-dir at the checkout of the training code (the default is the current directory).",
    );
  }
  const git = simpleGit({ baseDir: dir });
  if (!(await git.checkIsRepo().catch(() => false))) {
    return {
      notes: [
        `${dir} is not inside a git repository, so no \`code\` (repo, commit, branch) was recorded; pass --code-dir to point at the training code's checkout`,
      ],
    };
  }
  const notes: string[] = [];
  const [remotes, commit, branch, status] = await Promise.all([
    orUndefined(git.getRemotes(true)),
    orUndefined(git.raw(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])),
    orUndefined(git.raw(["symbolic-ref", "--quiet", "--short", "HEAD"])),
    // Untracked files do not make a run irreproducible by themselves: checkpoints,
    // metrics and data often sit untracked beside the code.
    orUndefined(git.raw(["status", "--porcelain", "--untracked-files=no"])),
  ]);
  const code: Code = {};
  const remote = remotes?.find((r) => r.name === "origin") ?? remotes?.[0];
  if (remote?.refs.fetch) {
    const repo = stripCredentials(remote.refs.fetch);
    if (repo) code.repo = repo;
    else notes.push(`the remote "${remote.name}" carries a secret that could not be stripped, so no \`code.repo\` was recorded`);
  }
  if (commit?.trim()) code.commit = commit.trim();
  else notes.push(`${dir} has no commits yet, so no \`code.commit\` was recorded`);
  if (branch?.trim()) code.branch = branch.trim();
  if (status !== undefined) code.dirty = status.trim() !== "";
  return { code, notes };
}
