// The validation cache: per file, what checking it found, keyed by the file's
// stat and content hash. It lives outside the registry (never committed) and is
// never trusted blindly: a wrong format, a different key (schemas, limits or
// modelreg changed) or a checksum mismatch (a torn or edited cache) discards it.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Diagnostic, FileSummary } from "./types.ts";

const FORMAT = 1;

export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface CacheEntry extends FileStat {
  hash: string;
  summary: FileSummary | null;
  diagnostics: Diagnostic[];
}

export function defaultCacheDir(): string {
  if (process.env.MODELREG_CACHE_DIR) return process.env.MODELREG_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "modelreg");
}

export function sameStat(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

export class ValidationCache {
  readonly entries: Map<string, CacheEntry>;
  /** Why the stored cache was not used, when it was not. */
  readonly discarded: string | null;

  private constructor(
    private readonly path: string | null,
    private readonly key: string,
    entries: Map<string, CacheEntry>,
    discarded: string | null,
  ) {
    this.entries = entries;
    this.discarded = discarded;
  }

  /** An empty cache that is never saved (`--no-cache`). */
  static disabled(): ValidationCache {
    return new ValidationCache(null, "", new Map(), null);
  }

  static open(dir: string, registry: string, key: string): ValidationCache {
    const id = createHash("sha256").update(realpathSync(registry)).digest("hex").slice(0, 16);
    const path = join(dir, `validate-${id}.json`);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return new ValidationCache(path, key, new Map(), null);
    }
    const newline = text.indexOf("\n");
    try {
      const header = JSON.parse(text.slice(0, newline)) as { format: number; key: string; checksum: string };
      const body = text.slice(newline + 1);
      if (header.format !== FORMAT || header.key !== key) return new ValidationCache(path, key, new Map(), "made by another version of modelreg or its schemas");
      if (createHash("sha256").update(body).digest("hex") !== header.checksum) return new ValidationCache(path, key, new Map(), "checksum mismatch (corrupt)");
      const entries = new Map(JSON.parse(body) as Array<[string, CacheEntry]>);
      return new ValidationCache(path, key, entries, null);
    } catch {
      return new ValidationCache(path, key, new Map(), "unreadable (corrupt)");
    }
  }

  /** Writes the cache atomically: a temp file in the same directory, then a rename. */
  save(entries: Map<string, CacheEntry>): void {
    if (!this.path) return;
    const body = JSON.stringify([...entries]);
    const header = JSON.stringify({ format: FORMAT, key: this.key, checksum: createHash("sha256").update(body).digest("hex") });
    try {
      mkdirSync(join(this.path, ".."), { recursive: true });
      const tmp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(tmp, `${header}\n${body}`);
      renameSync(tmp, this.path);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}
