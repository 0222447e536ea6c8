// Lists every path in a registry directory without reading any file.
import { lstatSync, realpathSync, statSync } from "node:fs";
import { sep } from "node:path";
import fg from "fast-glob";
import { UsageError } from "./errors.ts";
import type { FileStat } from "./cache.ts";
import type { ListedPath } from "./rules/types.ts";

export interface Listing {
  root: string;
  paths: ListedPath[];
  /** The regular files, registry-relative. */
  files: Set<string>;
  /** lstat of a listed file, taken on first request: incremental runs stat only what they look at. */
  statOf(file: string): FileStat | undefined;
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
  const entries = await fg("**", { cwd: root, dot: true, onlyFiles: false, followSymbolicLinks: false, objectMode: true, suppressErrors: true });
  const paths: ListedPath[] = [];
  const files = new Set<string>();
  for (const { path, dirent } of entries) {
    if (dirent.isDirectory()) continue;
    if (dirent.isSymbolicLink()) {
      let inside = false;
      try {
        inside = realpathSync(`${root}/${path}`).startsWith(root + sep);
      } catch {
        inside = false;
      }
      paths.push({ file: path, type: "symlink", inside });
    } else if (dirent.isFile()) {
      paths.push({ file: path, type: "file" });
      files.add(path);
    } else {
      paths.push({ file: path, type: "other" });
    }
  }
  paths.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const stats = new Map<string, FileStat | undefined>();
  const statOf = (file: string): FileStat | undefined => {
    if (!files.has(file)) return undefined;
    if (!stats.has(file)) {
      try {
        const st = lstatSync(`${root}/${file}`);
        stats.set(file, { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino });
      } catch {
        stats.set(file, undefined);
      }
    }
    return stats.get(file);
  };
  return { root, paths, files, statOf };
}
