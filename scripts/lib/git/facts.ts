// What a directory's git repository says about itself: HEAD's commit, the
// `origin` remote, the branch and the top-level directory. Each is undefined
// when git cannot tell (no repository, no commits, no remote, a detached HEAD).
import { simpleGit } from "simple-git";

export interface RepoFacts {
  commit?: string;
  remote?: string;
  branch?: string;
  top?: string;
}

export async function repoFacts(dir: string): Promise<RepoFacts> {
  const git = simpleGit({ baseDir: dir });
  const ask = (args: string[]) =>
    git.raw(args).then(
      (s) => s.trim() || undefined,
      () => undefined,
    );
  const [commit, remote, branch, top] = await Promise.all([
    ask(["rev-parse", "--verify", "-q", "HEAD"]),
    ask(["remote", "get-url", "origin"]),
    ask(["symbolic-ref", "--short", "-q", "HEAD"]),
    ask(["rev-parse", "--show-toplevel"]),
  ]);
  return { commit, remote, branch, top };
}
