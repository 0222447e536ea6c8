// Per-file entry caches on the one store (store.ts): the validation cache and
// the loader's record cache are both an EntryCache, one file per registry,
// mapping a registry-relative path to what checking that file found. What an
// entry holds is the caller's business (registry/session.ts); this file knows
// only where caches live and when one must be written back.
// Imports: node and ./store.ts only.
import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { readStoreFile, type StoreKey, writeStoreFile } from "./store.ts";

export function defaultCacheDir(): string {
  if (process.env.MODELREG_CACHE_DIR) return process.env.MODELREG_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "modelreg");
}

/** `<dir>/<name>-<hash of the registry's real path><suffix>`: one cache per registry. */
export function cachePath(dir: string, name: string, registry: string, suffix = ".json"): string {
  return join(dir, `${name}-${createHash("sha256").update(realpathSync(registry)).digest("hex").slice(0, 16)}${suffix}`);
}

/** Entries whose first element is the file's version token and second its content hash. */
type Entry = readonly [version: string, hash: string, ...rest: unknown[]];

export class EntryCache<E extends Entry> {
  /** Why the stored cache was not used, when it was not. */
  readonly discarded: string | null;
  private changed: boolean;

  private constructor(
    private readonly path: string | null,
    private readonly key: StoreKey,
    private readonly entries: Map<string, E>,
    discarded: string | null,
  ) {
    this.discarded = discarded;
    this.changed = discarded !== null;
  }

  /** An empty cache that is never saved (`--no-cache`). */
  static disabled<E extends Entry>(): EntryCache<E> {
    return new EntryCache<E>(null, { name: "", fingerprint: "" }, new Map(), null);
  }

  static open<E extends Entry>(dir: string, registry: string, key: StoreKey): EntryCache<E> {
    const path = cachePath(dir, key.name, registry);
    const read = readStoreFile<Array<[string, E]>>(path, key);
    let entries = new Map<string, E>();
    let discarded = read.discarded;
    if (read.value !== undefined) {
      if (Array.isArray(read.value)) entries = new Map(read.value);
      else discarded = "unexpected content (corrupt)";
    }
    return new EntryCache(path, key, entries, discarded);
  }

  get(file: string): E | undefined {
    return this.entries.get(file);
  }

  /** Records a fresh entry; the cache is written back only if some entry really changed. */
  set(file: string, entry: E): void {
    const old = this.entries.get(file);
    if (!old || old[0] !== entry[0] || old[1] !== entry[1]) this.changed = true;
    this.entries.set(file, entry);
  }

  /** Forgets files that are gone, then writes the cache if anything changed. */
  save(exists: (file: string) => boolean): void {
    if (!this.path) return;
    for (const file of this.entries.keys()) {
      if (!exists(file)) {
        this.entries.delete(file);
        this.changed = true;
      }
    }
    if (this.changed) writeStoreFile(this.path, this.key, [...this.entries]);
    this.changed = false;
  }
}
