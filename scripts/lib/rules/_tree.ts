// What the tree-entry rules ask of the listing: the entries under a directory.
import type { ListedPath } from "./types.ts";

/** Whether anything (file, link or other) is listed under `dir`; asked only of the few suspect directories. */
export function holdsEntries(paths: readonly ListedPath[], dir: string): boolean {
  const prefix = `${dir}/`;
  return paths.some((p) => p.file.startsWith(prefix));
}
