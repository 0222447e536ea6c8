// The validation cache: per file, what checking it found, keyed by the file's
// version token (git blob id or lstat) and content hash. It lives outside the registry (never committed) and is
// never trusted blindly: a wrong format, a different key (schemas, limits or
// modelreg changed) or a checksum mismatch (a torn or edited cache) discards it.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Diagnostic, FileSummary } from "../schema/types.ts";

const FORMAT = 3;

export interface CacheEntry {
  /** The file's version token when it was checked (file-versions.ts: a git blob id or its lstat). */
  version: string;
  hash: string;
  summary: FileSummary | null;
  diagnostics: Diagnostic[];
}

export function defaultCacheDir(): string {
  if (process.env.MODELREG_CACHE_DIR) return process.env.MODELREG_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "modelreg");
}

/**
 * On disk each entry is a tuple, and an experiment whose summary is just its
 * file-name id stores 0: at 100,000 files this halves the cache and its parse time.
 */
type Packed = [version: string, hash: string, summary: FileSummary | null | 0, diagnostics: Diagnostic[] | 0];

function idFromFile(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1, -".yaml".length);
}

function pack(file: string, e: CacheEntry): Packed {
  const plain =
    e.summary?.experiment && Object.keys(e.summary).length === 1 && e.summary.experiment.version === undefined && e.summary.experiment.id === idFromFile(file);
  return [e.version, e.hash, plain ? 0 : e.summary, e.diagnostics.length ? e.diagnostics : 0];
}

function unpack(file: string, p: Packed): CacheEntry {
  const summary = p[2] === 0 ? { experiment: { id: idFromFile(file) } } : p[2];
  return { version: p[0], hash: p[1], summary, diagnostics: p[3] === 0 ? [] : p[3] };
}

export class ValidationCache {
  /** Why the stored cache was not used, when it was not. */
  readonly discarded: string | null;
  private readonly packed: Map<string, Packed>;

  private constructor(
    private readonly path: string | null,
    private readonly key: string,
    packed: Map<string, Packed>,
    discarded: string | null,
  ) {
    this.packed = packed;
    this.discarded = discarded;
  }

  /** An empty cache that is never saved (`--no-cache`). */
  static disabled(): ValidationCache {
    return new ValidationCache(null, "", new Map(), null);
  }

  static open(dir: string, registry: string, key: string): ValidationCache {
    const path = cachePath(dir, "validate", registry);
    const { entries, discarded } = readStore<Packed>(path, key);
    return new ValidationCache(path, key, entries, discarded);
  }

  get(file: string): CacheEntry | undefined {
    const p = this.packed.get(file);
    return p && unpack(file, p);
  }

  /**
   * Stores fresh entries and forgets files that are gone, then writes the cache
   * atomically (a temp file in the same directory, then a rename). Nothing is
   * written when nothing changed.
   */
  save(fresh: Map<string, CacheEntry>, exists: (file: string) => boolean): void {
    if (!this.path) return;
    let changed = this.discarded !== null;
    for (const [file, entry] of fresh) {
      const old = this.packed.get(file);
      const next = pack(file, entry);
      if (!old || old[0] !== next[0] || old[1] !== next[1]) changed = true;
      this.packed.set(file, next);
    }
    for (const file of this.packed.keys()) {
      if (!exists(file)) {
        this.packed.delete(file);
        changed = true;
      }
    }
    if (changed) writeStore(this.path, this.key, this.packed);
  }
}

/** `<dir>/<name>-<hash of the registry's real path>.json`: one cache per registry. */
export function cachePath(dir: string, name: string, registry: string): string {
  return join(dir, `${name}-${createHash("sha256").update(realpathSync(registry)).digest("hex").slice(0, 16)}.json`);
}

/**
 * Reads a cache file: a JSON header line `{format, key, checksum}`, then the
 * entries. Anything unexpected gives an empty store and says why.
 */
export function readStore<T>(path: string, key: string): { entries: Map<string, T>; discarded: string | null } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { entries: new Map(), discarded: null };
  }
  const newline = text.indexOf("\n");
  try {
    const header = JSON.parse(text.slice(0, newline)) as { format: number; key: string; checksum: string };
    const body = text.slice(newline + 1);
    if (header.format !== FORMAT || header.key !== key) return { entries: new Map(), discarded: "made by another version of modelreg or its schemas" };
    if (createHash("sha256").update(body).digest("hex") !== header.checksum) return { entries: new Map(), discarded: "checksum mismatch (corrupt)" };
    return { entries: new Map(JSON.parse(body) as Array<[string, T]>), discarded: null };
  } catch {
    return { entries: new Map(), discarded: "unreadable (corrupt)" };
  }
}

/** Writes a cache file atomically (a temp file in the same directory, then a rename); failure only costs speed next time. */
export function writeStore<T>(path: string, key: string, entries: Map<string, T>): void {
  const body = JSON.stringify([...entries]);
  const header = JSON.stringify({ format: FORMAT, key, checksum: createHash("sha256").update(body).digest("hex") });
  try {
    mkdirSync(join(path, ".."), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${header}\n${body}`);
    renameSync(tmp, path);
  } catch {
    // A cache that cannot be written only costs speed next time.
  }
}
