// Reads many files from git through a single `git cat-file --batch`, so a
// report over hundreds of files, or the history of thousands of commits,
// starts one process, not one per file.
import { spawn } from "node:child_process";

/**
 * The content of each object, named as `git cat-file` takes it (a blob id, or
 * `<rev>:./<path>`), from one git process; a name that is not a blob is absent.
 */
export function readBlobs(dir: string, names: Iterable<string>): Promise<Map<string, Buffer>> {
  const asked = [...new Set(names)].filter((n) => !n.includes("\n"));
  const out = new Map<string, Buffer>();
  if (asked.length === 0) return Promise.resolve(out);
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => chunks.push(d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`git cat-file failed (${code}): ${stderr.trim()}`));
      const all = Buffer.concat(chunks);
      let at = 0;
      for (const name of asked) {
        const eol = all.indexOf(10, at);
        const header = all.subarray(at, eol).toString("utf8");
        at = eol + 1;
        const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
        if (!m) continue;
        const size = Number(m[2]);
        if (m[1] === "blob") out.set(name, all.subarray(at, at + size));
        at += size + 1;
      }
      resolve(out);
    });
    child.stdin.end(asked.map((n) => `${n}\n`).join(""));
  });
}

/**
 * The content of each path (relative to `dir`) at `rev`; a path the revision
 * does not hold (or a name git cannot take on one line) maps to undefined.
 */
export async function readAt(dir: string, rev: string, paths: string[]): Promise<Map<string, Buffer | undefined>> {
  const blobs = await readBlobs(
    dir,
    paths.map((p) => `${rev}:./${p}`),
  );
  return new Map(paths.map((p) => [p, blobs.get(`${rev}:./${p}`)]));
}
