// `add … --git-branch NAME` (issue #4): commit one new registry file on a new
// branch so a training job can open a pull request, without touching the
// user's working tree, index or current branch. Git plumbing does it: the blob
// is written to the object store, a throw-away index (GIT_INDEX_FILE) holds
// HEAD's tree plus the file, and the branch ref is created only if it does not
// exist yet, so two jobs racing for one name cannot overwrite each other.
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative } from "node:path";
import { type SimpleGit, simpleGit } from "simple-git";
import { DataError, UsageError } from "../core/errors.ts";

export interface BranchCommit {
  branch: string;
  commit: string;
  /** The file's path inside the repository. */
  repoPath: string;
  /** The repository's top directory. */
  toplevel: string;
  /** The remote to push to (`origin` when there is none yet). */
  remote: string;
}

export interface BranchCommitOptions {
  /** The registry directory (inside the repository). */
  registry: string;
  /** The new file, registry-relative with `/`. */
  file: string;
  text: string;
  branch: string;
  message: string;
  /** Registry-relative files the new one depends on; they must be committed in HEAD. */
  parents: string[];
}

/**
 * simple-git treats a non-zero exit without stderr as success, and the probes
 * below (`show-ref --quiet`, `cat-file -e`) answer with the exit code alone.
 */
function strictGit(baseDir: string, env?: NodeJS.ProcessEnv): SimpleGit {
  const git = simpleGit({
    baseDir,
    errors: (error, result) =>
      error ?? (result.exitCode === 0 ? undefined : Buffer.concat([...result.stdOut, ...result.stdErr, Buffer.from(`(exit code ${result.exitCode})`)])),
  });
  return env ? git.env(env) : git;
}

/** Variables that say where the repository is; everything else stays out (below). */
const LOCATION_VARS = [
  "PATH",
  "HOME",
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_COMMON_DIR",
  "GIT_OBJECT_DIRECTORY",
  "GIT_ALTERNATE_OBJECT_DIRECTORIES",
  "GIT_NAMESPACE",
  "GIT_CEILING_DIRECTORIES",
];

/**
 * The environment for the scratch-index commands. simple-git refuses an env
 * holding variables such as GIT_ASKPASS or GIT_CONFIG_GLOBAL (VS Code's
 * terminal sets the first), and read-tree, update-index and write-tree need
 * none of them: only where the repository is, and the scratch index.
 */
function indexEnv(indexFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { GIT_INDEX_FILE: indexFile };
  for (const name of LOCATION_VARS) if (process.env[name] !== undefined) env[name] = process.env[name];
  return env;
}

async function succeeds(git: SimpleGit, args: string[]): Promise<boolean> {
  return git.raw(args).then(
    () => true,
    () => false,
  );
}

/** Checks that the repository can take the commit; throws a usage or data error saying why not. */
async function preflight(git: SimpleGit, o: BranchCommitOptions, prefix: string): Promise<string> {
  if (!(await succeeds(git, ["check-ref-format", "--branch", o.branch]))) {
    throw new UsageError(
      `"${o.branch}" is not a valid git branch name`,
      "E_BAD_BRANCH",
      "Use letters, digits, `-`, `_`, `.` and `/`, e.g. `--git-branch modelreg/resnet50-run-42`.",
    );
  }
  const head = await git.raw(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).catch(() => "");
  if (!head.trim()) {
    throw new UsageError(
      "--git-branch needs a repository with at least one commit",
      "E_NO_HEAD",
      "Commit the registry first (`git add registry && git commit -m 'Registry'`).",
    );
  }
  if (await succeeds(git, ["show-ref", "--verify", "--quiet", `refs/heads/${o.branch}`])) {
    throw new UsageError(`the branch "${o.branch}" already exists`, "E_BRANCH_EXISTS", "Pick a new branch name; modelreg never moves an existing branch.");
  }
  for (const parent of o.parents) {
    if (!(await succeeds(git, ["cat-file", "-e", `HEAD:${prefix}${parent}`]))) {
      throw new DataError(
        `${prefix}${parent} is not committed in HEAD, so a branch made from HEAD would hold an orphan record`,
        "E_PARENT_NOT_COMMITTED",
        "Commit it first (or add it on the same branch in its own pull request), then run the command again.",
      );
    }
  }
  if (await succeeds(git, ["cat-file", "-e", `HEAD:${prefix}${o.file}`])) {
    throw new DataError(`${prefix}${o.file} already exists in HEAD`, "E_EXISTS", "modelreg never overwrites a registry file.");
  }
  return head.trim();
}

export async function commitOnNewBranch(o: BranchCommitOptions): Promise<BranchCommit> {
  const git = strictGit(o.registry);
  if (!(await git.checkIsRepo().catch(() => false))) {
    throw new UsageError(
      `--git-branch needs the registry in a git repository, and ${o.registry} is not in one`,
      "E_NOT_GIT",
      "Run `git init` and commit the registry, or leave out --git-branch to just write the file.",
    );
  }
  const toplevel = (await git.raw(["rev-parse", "--show-toplevel"])).trim();
  const prefix = (await git.raw(["rev-parse", "--show-prefix"])).trim();
  const head = await preflight(git, o, prefix);
  const repoPath = prefix + o.file;

  const scratch = mkdtempSync(join(tmpdir(), "modelreg-branch-"));
  try {
    const blobFile = join(scratch, "blob");
    writeFileSync(blobFile, o.text);
    // --no-filters: the bytes modelreg validated are the bytes committed.
    const blob = (await git.raw(["hash-object", "-w", "--no-filters", blobFile])).trim();
    const index = strictGit(o.registry, indexEnv(join(scratch, "index")));
    await index.raw(["read-tree", head]);
    await index.raw(["update-index", "--add", "--cacheinfo", `100644,${blob},${repoPath}`]);
    const tree = (await index.raw(["write-tree"])).trim();
    let commit: string;
    try {
      commit = (await git.raw(["commit-tree", tree, "-p", head, "-m", o.message])).trim();
    } catch (err) {
      throw new UsageError(
        `git could not make the commit: ${(err as Error).message.trim().split("\n").pop()}`,
        "E_GIT",
        "Set your identity (`git config user.name …` and `git config user.email …`) and run the command again.",
      );
    }
    // An all-zero old value means "create only": fails if the branch appeared meanwhile.
    if (!(await succeeds(git, ["update-ref", "-m", "modelreg add", `refs/heads/${o.branch}`, commit, "0".repeat(head.length)]))) {
      throw new UsageError(`the branch "${o.branch}" already exists`, "E_BRANCH_EXISTS", "Pick a new branch name; modelreg never moves an existing branch.");
    }
    const remotes = (await git.raw(["remote"])).split("\n").filter(Boolean);
    return { branch: o.branch, commit, repoPath, toplevel, remote: remotes.includes("origin") ? "origin" : (remotes[0] ?? "origin") };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The commands to run next, from the current directory. */
export function nextCommands(c: BranchCommit, title: string, body: string): string[] {
  const cmds: string[] = [];
  const inside = relative(c.toplevel, realpathSync(process.cwd()));
  if (inside.startsWith("..") || isAbsolute(inside)) cmds.push(`cd ${shellQuote(c.toplevel)}`);
  cmds.push(`git push -u ${shellQuote(c.remote)} ${shellQuote(c.branch)}`);
  cmds.push(`gh pr create --head ${shellQuote(c.branch)} --title ${shellQuote(title)} --body ${shellQuote(body)}`);
  return cmds;
}
