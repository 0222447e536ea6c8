// The row cache of `list experiments` (issue #5), a view on the one store
// (store.ts): a directory `rows-<registry hash>/` of column files, one per
// queryable leaf and aligned with the list of experiment files, and an index
// naming them. A query loads only the columns its keys can touch. What goes in
// a column is decided by query/rows.ts. Imports: node and ./store.ts only.
import { join } from "node:path";
import { cachePath } from "./cache.ts";
import { readStoreFile, type StoreKey, writeStoreFile } from "./store.ts";

/** A stored cell: a scalar, null for "absent", or { $: value } for null, lists and maps. */
export type Cell = unknown;

export interface RowIndex {
  files: string[];
  /** Per file, the version token (registry/file-versions.ts) it had when its row was made. */
  versions: Array<string | null>;
  /** Rows whose file failed validation. */
  invalid: number[];
  /** The key path of each column. */
  columns: string[][];
  /** Each column file's checksum, so a column from another generation is never read. */
  checksums: string[];
}

export class RowCache {
  private readonly dir: string;

  constructor(
    cacheDir: string,
    registry: string,
    private readonly key: StoreKey,
  ) {
    this.dir = cachePath(cacheDir, key.name, registry, "");
  }

  readIndex(): RowIndex | null {
    const read = readStoreFile<RowIndex>(join(this.dir, "index.json"), this.key);
    const index = read.value;
    const ok = index && Array.isArray(index.files) && Array.isArray(index.columns) && Array.isArray(index.checksums);
    return ok ? index : null;
  }

  readColumn(index: RowIndex, i: number): Cell[] | null {
    const read = readStoreFile<Cell[]>(join(this.dir, `c${i}.json`), this.key, index.checksums[i]);
    return Array.isArray(read.value) && read.value.length === index.files.length ? read.value : null;
  }

  /** Columns first, the index last: a crash in between leaves an index whose checksums fail. */
  write(index: Omit<RowIndex, "checksums">, columns: Cell[][]): void {
    const checksums: string[] = [];
    for (const [i, column] of columns.entries()) {
      const checksum = writeStoreFile(join(this.dir, `c${i}.json`), this.key, column);
      if (checksum === null) return;
      checksums.push(checksum);
    }
    writeStoreFile(join(this.dir, "index.json"), this.key, { ...index, checksums });
  }
}
