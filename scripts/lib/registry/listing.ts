// Lists every path in a registry directory without reading any file.
import { realpathSync, statSync } from "node:fs";
import { sep } from "node:path";
import { UsageError } from "../core/errors.ts";
import type { ListedPath } from "../rules/types.ts";

export interface Listing {
  root: string;
  paths: ListedPath[];
  /** The regular files, registry-relative. */
  files: Set<string>;
  /** The directories, registry-relative and sorted (symlinks to directories are in `paths`). */
  dirs: string[];
}

export function assertRegistryDir(dir: string): void {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new UsageError(
      `the registry directory "${dir}" does not exist`,
      "E_NO_REGISTRY",
      "Pass --registry DIR, or run from the folder that holds registry/ (`modelreg init` makes one).",
    );
  }
}

export async function listRegistry(dir: string): Promise<Listing> {
  assertRegistryDir(dir);
  const root = realpathSync(dir);
  // Loaded here, not at the top: fast-glob is some 80 modules, and the read commands
  // (show, resolve) import this file only for assertRegistryDir (issue #14).
  const { default: fg } = await import("fast-glob");
  const entries = await fg("**", { cwd: root, dot: true, onlyFiles: false, followSymbolicLinks: false, objectMode: true, suppressErrors: true });
  const paths: ListedPath[] = [];
  const files = new Set<string>();
  const dirs: string[] = [];
  for (const { path, dirent } of entries) {
    if (dirent.isDirectory()) {
      dirs.push(path);
      continue;
    }
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
  dirs.sort();
  return { root, paths, files, dirs };
}
