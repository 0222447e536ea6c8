// Lists every path in a registry directory without reading any file.
import { realpathSync, statSync } from "node:fs";
import { sep } from "node:path";
import fg from "fast-glob";
import { UsageError } from "./errors.ts";
import type { FileStat } from "./cache.ts";
import type { ListedPath } from "./rules/types.ts";

export interface Listing {
  root: string;
  paths: ListedPath[];
  stats: Map<string, FileStat>;
}

export function assertRegistryDir(dir: string): void {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new UsageError(`the registry directory "${dir}" does not exist`, "E_NO_REGISTRY", "Pass --registry DIR, or run from the folder that holds registry/ (`modelreg init` makes one).");
  }
}

export async function listRegistry(dir: string): Promise<Listing> {
  assertRegistryDir(dir);
  const root = realpathSync(dir);
  const entries = await fg("**", { cwd: root, dot: true, onlyFiles: false, followSymbolicLinks: false, stats: true, suppressErrors: true });
  const paths: ListedPath[] = [];
  const stats = new Map<string, FileStat>();
  for (const e of entries) {
    const st = e.stats!;
    if (st.isDirectory()) continue;
    if (st.isSymbolicLink()) {
      let inside = false;
      try {
        const target = realpathSync(`${root}/${e.path}`);
        inside = target.startsWith(root + sep);
      } catch {
        inside = false;
      }
      paths.push({ file: e.path, type: "symlink", inside });
    } else if (st.isFile()) {
      paths.push({ file: e.path, type: "file" });
      stats.set(e.path, { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino });
    } else {
      paths.push({ file: e.path, type: "other" });
    }
  }
  paths.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { root, paths, stats };
}
