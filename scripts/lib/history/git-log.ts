// One pass over the first-parent history of HEAD (issue #16): a single
// `git log --first-parent -M --raw` over the registry files asked for (or the
// whole registry directory), so a model's timeline or a whole site's history
// costs one git process however many models, files and commits there are.
// Renames (a model directory moved) are detected in that pass; every change
// is filed under the path the file has now, so a renamed model keeps its history.
import { spawn } from "node:child_process";
import { DataError, UsageError } from "../core/errors.ts";

export interface CommitInfo {
  commit: string;
  /** When the commit landed on the branch: the committer date (a rebase or a PR merge keeps the author's older date). */
  date: string;
  /** Who made the change; for a merge commit, the author of the merged branch's last commit. */
  author: string;
  email: string;
  /** Set for a merge commit: who merged it. */
  mergedBy?: string;
  subject: string;
  /** The pull request the merge or squash message names (`Merge pull request #12 from …`, `… (#13)`). */
  pr?: number;
  /** The commit says it reverts another (`Revert "…"`). */
  revert: boolean;
}

export interface FileChange {
  status: "added" | "modified" | "deleted";
  /** Registry-relative path the file has at HEAD (or had last, if deleted). */
  file: string;
  /** Registry-relative path before a rename in this commit. */
  from?: string;
  /** Blob ids before and after; absent for an added or a deleted file respectively. */
  before?: string;
  after?: string;
}

export interface LogCommit extends CommitInfo {
  /** Position in the log, 0 for the oldest commit listed. */
  seq: number;
  changes: FileChange[];
}

export interface RegistryLog {
  /** The registry directory the paths are relative to. */
  cwd: string;
  /** Oldest first. */
  commits: LogCommit[];
}

/** Runs git in `cwd` and returns its stdout; rejects with stderr on a non-zero exit. */
export function gitOutput(cwd: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    child.stdout?.on("data", (d: Buffer) => out.push(d));
    child.stderr?.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(Buffer.concat(out).toString("utf8")) : reject(new Error(err.trim() || `git exited with ${code}`))));
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** The repository the registry is in: its path prefix; throws when there is none, no commit yet, or a shallow clone. */
async function openRepo(registry: string): Promise<{ prefix: string }> {
  // One rev-parse answers everything when all is well; a second only tells why not.
  const all = await gitOutput(registry, ["rev-parse", "--is-shallow-repository", "--show-prefix", "--verify", "-q", "HEAD^{commit}"]).catch(() => undefined);
  const facts = all ?? (await gitOutput(registry, ["rev-parse", "--is-shallow-repository", "--show-prefix"]).catch(() => undefined));
  if (facts === undefined) {
    throw new UsageError(
      `${registry} is not inside a git repository, so it has no history to read`,
      "E_NOT_GIT",
      "Run from a git checkout of the registry (history and --at read `git log`).",
    );
  }
  const [shallow, prefix = ""] = facts.split("\n");
  if (shallow.trim() === "true") {
    throw new DataError(
      `${registry} is in a shallow clone (git fetched only the latest commits), so its history is cut short and any date read from it would be wrong`,
      "E_SHALLOW",
      "Fetch the whole history with `git fetch --unshallow`; in GitHub Actions give actions/checkout `fetch-depth: 0`.",
    );
  }
  if (all === undefined)
    throw new DataError(`the repository of ${registry} has no commits yet, so there is no history`, "E_NO_HISTORY", "Commit the registry first.");
  return { prefix: prefix.trim() };
}

/** `Merge pull request #12 from …` (GitHub merge) or `Title (#13)` (GitHub squash). */
function prNumber(subject: string): number | undefined {
  const m = /^Merge pull request #(\d+) /.exec(subject) ?? /\(#(\d+)\)\s*$/.exec(subject);
  return m ? Number(m[1]) : undefined;
}

const STATUS: Record<string, FileChange["status"]> = { A: "added", M: "modified", D: "deleted", T: "modified", R: "modified", C: "added" };
const ZERO = /^0+$/;

interface RawCommit {
  info: CommitInfo;
  parents: string[];
  raw: Array<{ status: string; before: string; after: string; path: string; to?: string }>;
}

function parseLog(out: string): RawCommit[] {
  const commits: RawCommit[] = [];
  for (const chunk of out.split("\x01")) {
    if (!chunk) continue;
    const f = chunk.split("\0");
    const [commit, parents, date, author, email, subject] = f;
    const info: CommitInfo = { commit, date, author, email, subject, pr: prNumber(subject), revert: subject.startsWith('Revert "') };
    const raw: RawCommit["raw"] = [];
    for (let i = 6; i < f.length; i++) {
      const meta = f[i].replace(/^\n/, "");
      if (!meta.startsWith(":")) continue;
      const [, , before, after, status] = meta.slice(1).split(" ");
      const twoPaths = status[0] === "R" || status[0] === "C";
      raw.push({ status: status[0], before, after, path: f[i + 1], to: twoPaths ? f[i + 2] : undefined });
      i += twoPaths ? 2 : 1;
    }
    commits.push({ info, parents: parents ? parents.split(" ") : [], raw });
  }
  return commits;
}

/** Authors of the merged side of merge commits, in one `git log --no-walk --stdin`. */
async function mergedAuthors(cwd: string, commits: RawCommit[]): Promise<Map<string, { author: string; email: string }>> {
  const tips = [...new Set(commits.filter((c) => c.parents.length > 1).map((c) => c.parents[1]))];
  const out = new Map<string, { author: string; email: string }>();
  if (tips.length === 0) return out;
  const text = await gitOutput(cwd, ["log", "--no-walk=unsorted", "--stdin", "--format=%H%x00%an%x00%ae"], `${tips.join("\n")}\n`);
  for (const line of text.split("\n")) {
    const [commit, author, email] = line.split("\0");
    if (email !== undefined) out.set(commit, { author, email });
  }
  return out;
}

/**
 * The paths files had before being renamed in these commits, to the pattern
 * (`:(glob)…`), from one `git diff-tree --stdin` (each commit against its first parent).
 */
export async function renamedFrom(cwd: string, commits: string[], pattern: string): Promise<string[]> {
  if (commits.length === 0) return [];
  const [prefix, out] = await Promise.all([
    gitOutput(cwd, ["rev-parse", "--show-prefix"]),
    gitOutput(cwd, ["diff-tree", "--stdin", "-r", "-M", "--raw", "--no-abbrev", "-z", "--", pattern], `${commits.join("\n")}\n`),
  ]);
  const f = out.split("\0");
  const from: string[] = [];
  for (let i = 0; i < f.length; i++) {
    const meta = f[i].replace(/^[0-9a-f]{40}\n?/, "");
    if (meta.startsWith(":") && meta.split(" ")[4]?.startsWith("R")) from.push(f[i + 1].slice(prefix.trim().length));
  }
  return from;
}

/**
 * The first-parent history of HEAD for `pathspecs` (relative to the registry
 * directory, e.g. `:(literal)vision/models/resnet/model.yaml`), oldest commit
 * first; without pathspecs, of every file under the registry directory.
 *
 * The whole registry is read with `--relative` instead of a pathspec: a
 * pathspec makes git decide for each commit whether it touched the registry
 * by descending to the first changed file, then descend again for the diff,
 * so every large `experiments/` directory a commit changes is read twice
 * (half of the log's time at 100k experiments, docs/benchmarks.md "history").
 * `--relative` diffs each commit once and leaves out changes outside the
 * registry (renames pair only files inside it, as with a pathspec); the
 * commits left with no change are dropped here.
 */
export async function readLog(registry: string, pathspecs?: string[]): Promise<RegistryLog> {
  const { prefix } = await openRepo(registry);
  const scope = pathspecs ? ["HEAD", "--", ...pathspecs] : ["--relative", "HEAD"];
  const out = await gitOutput(registry, [
    "-c",
    "core.quotePath=off",
    "log",
    "--first-parent",
    "--diff-merges=first-parent",
    "-M",
    "--raw",
    "--no-abbrev",
    "-z",
    "--no-color",
    "--format=%x01%H%x00%P%x00%cI%x00%an%x00%ae%x00%s",
    ...scope,
  ]);
  const raw = pathspecs ? parseLog(out) : parseLog(out).filter((c) => c.raw.length > 0);
  const merged = await mergedAuthors(registry, raw);
  // --relative already gives registry-relative paths.
  const rel = (p: string) => (pathspecs && p.startsWith(prefix) ? p.slice(prefix.length) : p);
  // Newest first, as git lists them: a rename maps the older path to the file's path now.
  const finalPath = new Map<string, string>();
  const finalOf = (p: string) => finalPath.get(p) ?? p;
  const commits: LogCommit[] = [];
  for (const c of raw) {
    const changes: FileChange[] = [];
    const renames: Array<[string, string]> = [];
    for (const r of c.raw) {
      const path = rel(r.to ?? r.path);
      const change: FileChange = { status: STATUS[r.status] ?? "modified", file: finalOf(path) };
      if (!ZERO.test(r.before)) change.before = r.before;
      if (!ZERO.test(r.after)) change.after = r.after;
      if (r.status === "R") {
        change.from = rel(r.path);
        renames.push([change.from, change.file]);
      }
      changes.push(change);
    }
    for (const [from, to] of renames) finalPath.set(from, to);
    const side = c.parents.length > 1 ? merged.get(c.parents[1]) : undefined;
    const info: CommitInfo = side ? { ...c.info, ...side, mergedBy: c.info.author } : c.info;
    commits.push({ ...info, seq: 0, changes });
  }
  commits.reverse();
  for (const [i, c] of commits.entries()) c.seq = i;
  return { cwd: registry, commits };
}
