// Dataset fingerprints (issue #4): SHA-256 of a file, streamed so a 50 GB
// parquet never sits in memory; for a directory, SHA-256 of its sorted tree.
// The directory digest is the digest of `sha256sum`-style lines, one per file
// in byte order of the relative path, so it can be checked without modelreg:
//   (cd DIR && find -L . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum) | sha256sum
import { createHash } from "node:crypto";
import { createReadStream, readdirSync, realpathSync, type Stats, statSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../core/errors.ts";

/** Inputs smaller than this hash in well under a second; no progress bar for them. */
const PROGRESS_MIN_BYTES = 64 * 1024 * 1024;

interface TreeFile {
  rel: string;
  abs: string;
  size: number;
}

/**
 * Every file under `dir`, following symlinks (DVC and git-annex check data out
 * as links), each real directory entered once so a link cycle cannot loop.
 */
function listTree(dir: string): TreeFile[] {
  const files: TreeFile[] = [];
  const entered = new Set<string>();
  const walk = (abs: string, rel: string) => {
    const real = realpathSync(abs);
    if (entered.has(real)) return;
    entered.add(real);
    for (const name of readdirSync(abs)) {
      const childAbs = join(abs, name);
      const childRel = rel ? `${rel}/${name}` : name;
      const st = statSync(childAbs);
      if (st.isDirectory()) walk(childAbs, childRel);
      else if (st.isFile()) files.push({ rel: childRel, abs: childAbs, size: st.size });
    }
  };
  walk(dir, "");
  // Byte order, as `LC_ALL=C sort`, so the digest does not depend on the locale.
  return files.sort((a, b) => Buffer.compare(Buffer.from(a.rel), Buffer.from(b.rel)));
}

interface Progress {
  add(bytes: number): void;
  done(): void;
}

function progressBar(label: string, total: number, out: NodeJS.WriteStream | undefined): Progress {
  if (!out?.isTTY || total < PROGRESS_MIN_BYTES) return { add() {}, done() {} };
  let seen = 0;
  let last = 0;
  const draw = () => {
    const share = total ? seen / total : 1;
    const width = 30;
    const bar = "#".repeat(Math.round(share * width)).padEnd(width, "-");
    out.write(`\rhashing ${label} [${bar}] ${(share * 100).toFixed(0).padStart(3)}% of ${(total / 2 ** 20).toFixed(0)} MiB`);
  };
  return {
    add(bytes) {
      seen += bytes;
      const now = Date.now();
      if (now - last > 100) {
        last = now;
        draw();
      }
    },
    done() {
      draw();
      out.write("\n");
    },
  };
}

function hashFile(path: string, progress: Progress): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path, { highWaterMark: 1024 * 1024 })
      .on("data", (chunk) => {
        hash.update(chunk);
        progress.add(chunk.length);
      })
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

/** The SHA-256 of a local file or directory; a progress bar goes to `progressTo` when it is a terminal. */
export async function fingerprint(path: string, label: string, progressTo?: NodeJS.WriteStream): Promise<string> {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as Error).message}`, "E_NO_INPUT", "Check the dataset path.");
  }
  if (st.isFile()) {
    const progress = progressBar(label, st.size, progressTo);
    const digest = await hashFile(path, progress);
    progress.done();
    return digest;
  }
  if (!st.isDirectory())
    throw new UsageError(`${path} is neither a file nor a directory`, "E_NO_INPUT", "Point the dataset flag at a file, a directory or a remote URI.");
  const files = listTree(path);
  const progress = progressBar(
    label,
    files.reduce((n, f) => n + f.size, 0),
    progressTo,
  );
  const manifest = createHash("sha256");
  for (const f of files) manifest.update(`${await hashFile(f.abs, progress)}  ${f.rel}\n`);
  progress.done();
  return manifest.digest("hex");
}
