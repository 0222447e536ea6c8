// Validation: list → (cache | read → check, on all cores) → registry rules.
// Returns results; never prints, never exits, never writes to the registry.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ValidationCache, defaultCacheDir, sameStat, type CacheEntry } from "./cache.ts";
import { changedSince } from "./git.ts";
import { place } from "./layout.ts";
import { listRegistry, type Listing } from "./listing.ts";
import { checkFiles } from "./pool.ts";
import { contentHash } from "./read-and-check.ts";
import { REGISTRY_RULES } from "./rules/index.ts";
import type { RegistryIndex } from "./rules/types.ts";
import { schemasFingerprint } from "./schemas.ts";
import type { Diagnostic, FileRef, FileSummary } from "./types.ts";
import { LIMITS } from "./yaml.ts";

export interface ValidateOptions {
  registry: string;
  /** Check only files changed since this git ref (plus the registry rules over what they touch). */
  changedSince?: string;
  /** Where the cache lives; false turns it off. */
  cacheDir?: string | false;
  workers?: number;
}

export interface ValidateResult {
  valid: boolean;
  /** How many registry files were checked. */
  checked: number;
  diagnostics: Diagnostic[];
  stats: { listed: number; parsed: number; fromCache: number; cacheDiscarded: string | null };
}

const CACHE_KEY_VERSION = "validate-1";

function cacheKey(): string {
  return `${CACHE_KEY_VERSION}:${schemasFingerprint()}:${JSON.stringify(LIMITS)}`;
}

/** The model key ("project/model") or project key of a registry-relative path. */
export function scopeKeyOf(file: string): string {
  const parts = file.split("/");
  return parts[1] === "models" && parts.length > 2 ? `${parts[0]}/${parts[2]}` : parts[0];
}

/** The registry files the layout recognises, in listing order. */
export function placedRefs(listing: Listing): FileRef[] {
  const refs: FileRef[] = [];
  for (const p of listing.paths) {
    const placed = p.type === "file" ? place(p.file) : null;
    if (placed?.ok) refs.push(placed.ref);
  }
  return refs;
}

export function runRegistryRules(index: RegistryIndex): Diagnostic[] {
  return REGISTRY_RULES.flatMap((rule) => rule.check(index));
}

export async function validateRegistry(opts: ValidateOptions): Promise<ValidateResult> {
  const listing = await listRegistry(opts.registry);
  const refs = placedRefs(listing);
  const cache = opts.cacheDir === false ? ValidationCache.disabled() : ValidationCache.open(opts.cacheDir ?? defaultCacheDir(), listing.root, cacheKey());
  const session = new CheckSession(listing, cache, opts.workers);

  let scope: Set<string> | null = null;
  let changed: Set<string> | null = null;
  let toCheck = refs;
  if (opts.changedSince !== undefined) {
    changed = new Set(await changedSince(listing.root, opts.changedSince));
    scope = new Set([...changed].flatMap((f) => [scopeKeyOf(f), f.split("/")[0]]));
    toCheck = refs.filter((r) => changed!.has(r.file));
  }
  const checked = await session.check(toCheck);
  if (scope) await session.summarizeScope(refs, scope);

  const index: RegistryIndex = { paths: listing.paths, refs, summaries: session.summaries, scope };
  const registryDiagnostics = runRegistryRules(index);
  const diagnostics = [
    ...checked.flatMap((c) => c.diagnostics),
    ...(scope ? registryDiagnostics.filter((d) => changed!.has(d.file) || scope!.has(scopeKeyOf(d.file))) : registryDiagnostics),
  ].sort(byPosition);
  session.save();
  return {
    valid: !diagnostics.some((d) => d.severity === "error"),
    checked: checked.length,
    diagnostics,
    stats: { listed: listing.paths.length, parsed: session.parsed, fromCache: session.fromCache, cacheDiscarded: cache.discarded },
  };
}

export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col;
}

/** One validation run's view of the files: what the cache answers, what must be read. */
class CheckSession {
  readonly summaries = new Map<string, FileSummary>();
  private readonly fresh = new Map<string, CacheEntry>();
  parsed = 0;
  fromCache = 0;

  constructor(
    private readonly listing: Listing,
    private readonly cache: ValidationCache,
    private readonly workers?: number,
  ) {}

  /** The cache's entry for a file if it still describes the file on disk. */
  private cached(file: string): CacheEntry | undefined {
    const stat = this.listing.statOf(file);
    const entry = this.cache.get(file);
    if (!entry || !stat) return undefined;
    if (sameStat(entry, stat)) return entry;
    // Same content under a new stat (a fresh clone, a touch): still good.
    return contentHash(readFileSync(join(this.listing.root, file))) === entry.hash ? { ...entry, ...stat } : undefined;
  }

  private remember(file: string, entry: CacheEntry): void {
    this.fresh.set(file, entry);
    if (entry.summary) this.summaries.set(file, entry.summary);
  }

  async check(refs: FileRef[]): Promise<CacheEntry[]> {
    const out = new Map<string, CacheEntry>();
    const stale: FileRef[] = [];
    for (const ref of refs) {
      // The stat is taken before the file is read, so a file that changes
      // mid-run is re-read next time rather than trusted.
      const hit = this.cached(ref.file);
      if (hit) {
        out.set(ref.file, hit);
        this.fromCache++;
      } else stale.push(ref);
    }
    for (const c of await checkFiles(this.listing.root, stale, { workers: this.workers })) {
      const stat = this.listing.statOf(c.ref.file) ?? { size: -1, mtimeMs: -1, ctimeMs: -1, ino: -1 };
      out.set(c.ref.file, { ...stat, hash: c.hash, summary: c.summary, diagnostics: c.diagnostics });
      this.parsed++;
    }
    const ordered = refs.map((r) => out.get(r.file)!);
    refs.forEach((r, i) => this.remember(r.file, ordered[i]));
    return ordered;
  }

  /**
   * Incremental mode: the registry rules need summaries of the touched models'
   * other files. The cache answers most; otherwise a sibling is parsed only if
   * its text could hold a version that matters (a changed file's version or an
   * alias target), since only such a file can change a rule's outcome.
   */
  async summarizeScope(refs: FileRef[], scope: Set<string>): Promise<void> {
    const already = new Set(this.summaries.keys());
    const needed = refs.filter((r) => !already.has(r.file) && (r.kind === "project" || scope.has(scopeKeyOf(r.file))));
    const models = needed.filter((r) => r.kind !== "experiment");
    await this.check(models);
    const wanted = new Map<string, Set<string>>();
    for (const [file, s] of this.summaries) {
      const key = scopeKeyOf(file);
      const set = wanted.get(key) ?? new Set<string>();
      if (s.experiment?.version !== undefined) set.add(s.experiment.version);
      for (const a of Object.values(s.model?.aliases ?? {})) set.add(a.target);
      wanted.set(key, set);
    }
    const toParse: FileRef[] = [];
    for (const r of needed) {
      if (r.kind !== "experiment") continue;
      const hit = this.cached(r.file);
      if (hit) {
        this.remember(r.file, hit);
        continue;
      }
      const text = readFileSync(join(this.listing.root, r.file), "utf8");
      const versions = wanted.get(scopeKeyOf(r.file)) ?? new Set();
      // A backslash could spell a version with escapes; such files are parsed too.
      if (text.includes("\\") || [...versions].some((v) => text.includes(v))) toParse.push(r);
    }
    await this.check(toParse);
  }

  save(): void {
    this.cache.save(this.fresh, (file) => this.listing.files.has(file));
  }
}
