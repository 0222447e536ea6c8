// A cheap token per file that changes whenever its content may have changed.
// In a git checkout, a tracked file that git reports clean is identified by its
// blob id: git checks the whole tree against its index in C (and handles
// "racily clean" files by hashing them), far faster than an lstat per file from
// Node at 100,000 files. Other files, or a registry outside git, use lstat.

import { execFile } from "node:child_process";
import { lstatSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

// execFile rather than simple-git here: these outputs are megabytes at 100k
// files, and simple-git's chunk concatenation costs more than the git commands.
const run = promisify(execFile);
const git = async (cwd: string, args: string[]) => (await run("git", args, { cwd, encoding: "utf8", maxBuffer: 1 << 30 })).stdout;

function statToken(path: string): string | undefined {
  try {
    const st = lstatSync(path);
    return `s:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
  } catch {
    return undefined;
  }
}

async function gitState(root: string): Promise<{ blobs: Map<string, string>; dirty: Set<string> } | null> {
  try {
    const [prefix, staged, status] = await Promise.all([
      git(root, ["rev-parse", "--show-prefix"]),
      git(root, ["ls-files", "-s", "-z", "--", "."]),
      // --no-optional-locks: a read-only look; git must not refresh (write) its index for us.
      git(root, ["--no-optional-locks", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."]),
    ]);
    const blobs = new Map<string, string>();
    for (const entry of staged.split("\0")) {
      const tab = entry.indexOf("\t");
      if (tab > 0) blobs.set(entry.slice(tab + 1), entry.split(" ")[1]);
    }
    // Status paths are relative to the repository root; renames add the old path as the next entry.
    const cut = prefix.trim().length;
    const dirty = new Set(
      status
        .split("\0")
        .filter(Boolean)
        .map((e) => (e[2] === " " ? e.slice(3) : e).slice(cut)),
    );
    return { blobs, dirty };
  } catch {
    return null;
  }
}

/**
 * One token per file (registry-relative paths); undefined where a file cannot
 * be read. Call it before listing the files: git runs while the caller works.
 */
export function fileVersions(root: string): (files: readonly string[]) => Promise<Array<string | undefined>> {
  const pending = gitState(root);
  return async (files) => {
    const state = await pending;
    return files.map((f) => {
      const blob = state?.blobs.get(f);
      return state && blob && !state.dirty.has(f) ? `g:${blob}` : statToken(join(root, f));
    });
  };
}
