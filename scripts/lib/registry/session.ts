// One run's view of the registry files (issue #13: one session type for
// validate, the loader behind the site and the report, and `list`): version
// token → cached result. A file whose token matches its cache entry is not
// read; one whose content hash still matches is not parsed; the rest are read
// and checked on all cores (pool.ts). The entries persist in an EntryCache
// (cache/cache.ts): "validate" without record values, "records" with them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EntryCache } from "../cache/cache.ts";
import { schemasFingerprint } from "../schema/schemas.ts";
import type { Diagnostic, FileRef, FileSummary } from "../schema/types.ts";
import { LIMITS } from "../yaml/yaml.ts";
import { checkFiles } from "./pool.ts";
import { contentHash } from "./read-and-check.ts";

/** What checking one file found, as the session hands it out. */
export interface CheckedEntry {
  /** The file's version token when it was checked (file-versions.ts: a git blob id or its lstat). */
  version: string;
  hash: string;
  summary: FileSummary | null;
  diagnostics: Diagnostic[];
  /** The parsed record, in a session that keeps values, when the file is valid. */
  value?: unknown;
}

/**
 * On disk each entry is a tuple, and an experiment whose summary is just its
 * file-name id stores 0: at 100,000 files this halves the cache and its parse time.
 */
type Packed = [version: string, hash: string, summary: FileSummary | null | 0, diagnostics: Diagnostic[] | 0, value?: unknown];

/** Bumped whenever Packed or what check-file.ts puts in a summary changes. */
const ENTRY_LAYOUT = "entry-1";

function idFromFile(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1, -".yaml".length);
}

function pack(file: string, e: CheckedEntry): Packed {
  const plain =
    e.summary?.experiment && Object.keys(e.summary).length === 1 && e.summary.experiment.version === undefined && e.summary.experiment.id === idFromFile(file);
  const packed: Packed = [e.version, e.hash, plain ? 0 : e.summary, e.diagnostics.length ? e.diagnostics : 0];
  if (e.value !== undefined) packed.push(e.value);
  return packed;
}

function unpack(file: string, p: Packed): CheckedEntry {
  const summary = p[2] === 0 ? { experiment: { id: idFromFile(file) } } : p[2];
  return { version: p[0], hash: p[1], summary, diagnostics: p[3] === 0 ? [] : p[3], value: p[4] };
}

interface SessionOptions {
  /** The registry's real path. */
  root: string;
  /** Where caches live; false for none (`--no-cache`, or an incremental run that reads a few files). */
  cacheDir: string | false;
  /** Keep parsed records (the loader, `list`) or only what checking found (validate). */
  keepValues: boolean;
  /** The version token of a registry-relative file; undefined when unknown (then the file is always read). */
  versionOf: (file: string) => string | undefined;
  workers?: number;
}

export class CheckSession {
  /** Summaries that matter to the registry rules (an unversioned experiment's adds nothing). */
  readonly summaries = new Map<string, FileSummary>();
  /** Files this session has answered. */
  readonly handled = new Set<string>();
  parsed = 0;
  fromCache = 0;
  private readonly cache: EntryCache<Packed>;

  constructor(private readonly opts: SessionOptions) {
    const key = { name: opts.keepValues ? "records" : "validate", fingerprint: `${ENTRY_LAYOUT}:${schemasFingerprint()}:${JSON.stringify(LIMITS)}` };
    this.cache = opts.cacheDir === false ? EntryCache.disabled() : EntryCache.open(opts.cacheDir, opts.root, key);
  }

  /** Why the stored cache was not used, when it was not. */
  get cacheDiscarded(): string | null {
    return this.cache.discarded;
  }

  private remember(file: string, entry: CheckedEntry, changed: boolean): void {
    this.handled.add(file);
    if (changed) this.cache.set(file, pack(file, entry));
    const s = entry.summary;
    if (s && !(s.experiment && s.experiment.version === undefined)) this.summaries.set(file, s);
  }

  /** Every ref's entry, in order: from the cache where it still holds, else read and checked. */
  async check(refs: readonly FileRef[]): Promise<CheckedEntry[]> {
    const out = new Map<string, CheckedEntry>();
    const stale: FileRef[] = [];
    for (const ref of refs) {
      // The version token is taken before the file is read, so a file that
      // changes mid-run is re-read next time rather than trusted.
      const version = this.opts.versionOf(ref.file);
      const packed = this.cache.get(ref.file);
      let entry: CheckedEntry;
      if (packed && version && packed[0] === version) {
        entry = unpack(ref.file, packed);
        this.remember(ref.file, entry, false);
      } else if (packed && version && contentHash(readFileSync(join(this.opts.root, ref.file))) === packed[1]) {
        // Same content under a new token (a fresh clone, a touch, a commit): still good.
        entry = { ...unpack(ref.file, packed), version };
        this.remember(ref.file, entry, true);
      } else {
        stale.push(ref);
        continue;
      }
      out.set(ref.file, entry);
      this.fromCache++;
    }
    for (const c of await checkFiles(this.opts.root, stale, { keepValues: this.opts.keepValues, workers: this.opts.workers })) {
      const entry: CheckedEntry = {
        version: this.opts.versionOf(c.ref.file) ?? "",
        hash: c.hash,
        summary: c.summary,
        diagnostics: c.diagnostics,
        value: c.value,
      };
      this.remember(c.ref.file, entry, true);
      out.set(c.ref.file, entry);
      this.parsed++;
    }
    // Every ref was answered above, from the cache or by checkFiles.
    return refs.map((r) => out.get(r.file) as CheckedEntry);
  }

  /** Writes the cache back (forgetting files that are gone) if anything changed. */
  save(exists: (file: string) => boolean): void {
    this.cache.save(exists);
  }
}
