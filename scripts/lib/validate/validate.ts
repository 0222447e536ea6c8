// Validation: list → session (cache | read → check, on all cores) → registry rules.
// Returns results; never prints, never exits, never writes to the registry.
// validate/ may import core, schema, yaml, cache, rules, domain, git and registry (the one reader).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCacheDir } from "../cache/cache.ts";
import { changedSince } from "../git/git.ts";
import { fileVersions } from "../registry/file-versions.ts";
import { listRegistry } from "../registry/listing.ts";
import { byPosition, placedRefs, runRegistryRules } from "../registry/registry-rules.ts";
import { CheckSession } from "../registry/session.ts";
import type { RegistryIndex } from "../rules/types.ts";
import type { Diagnostic, FileRef } from "../schema/types.ts";

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

/** The model key ("project/model") or project key of a registry-relative path. */
function scopeKeyOf(file: string): string {
  const parts = file.split("/");
  return parts[1] === "models" && parts.length > 2 ? `${parts[0]}/${parts[2]}` : parts[0];
}

export async function validateRegistry(opts: ValidateOptions): Promise<ValidateResult> {
  // git and the directory walk both wait on I/O: run them side by side.
  const changedFiles = opts.changedSince === undefined ? undefined : changedSince(opts.registry, opts.changedSince);
  changedFiles?.catch(() => undefined);
  // Version tokens come from git (or lstat) and are only needed with a cache; git runs while the tree is walked.
  // An incremental run reads a few files; loading a whole registry's cache would cost more than it saves.
  const useCache = opts.cacheDir !== false && changedFiles === undefined;
  const versionsOf = useCache ? fileVersions(opts.registry) : undefined;
  const listing = await listRegistry(opts.registry);
  const refs = placedRefs(listing);
  const files = [...listing.files];
  const tokens = versionsOf ? await versionsOf(files) : [];
  const versions = new Map(files.map((f, i) => [f, tokens[i]]));
  const session = new CheckSession({
    root: listing.root,
    cacheDir: useCache ? opts.cacheDir || defaultCacheDir() : false,
    keepValues: false,
    versionOf: (file) => versions.get(file),
    workers: opts.workers,
  });

  const changed = changedFiles ? new Set(await changedFiles) : null;
  const scope = changed ? new Set([...changed].flatMap((f) => [scopeKeyOf(f), f.split("/")[0]])) : null;
  const toCheck = changed ? refs.filter((r) => changed.has(r.file)) : refs;
  const checked = await session.check(toCheck);
  if (scope) await summarizeScope(session, listing.root, refs, scope);

  const index: RegistryIndex = { paths: listing.paths, files: listing.files, dirs: listing.dirs, refs, summaries: session.summaries, scope };
  const registryDiagnostics = runRegistryRules(index);
  const diagnostics = [
    ...checked.flatMap((c) => c.diagnostics),
    ...(changed && scope ? registryDiagnostics.filter((d) => changed.has(d.file) || scope.has(scopeKeyOf(d.file))) : registryDiagnostics),
  ].sort(byPosition);
  session.save((file) => listing.files.has(file));
  return {
    valid: !diagnostics.some((d) => d.severity === "error"),
    checked: checked.length,
    diagnostics,
    stats: { listed: listing.paths.length, parsed: session.parsed, fromCache: session.fromCache, cacheDiscarded: session.cacheDiscarded },
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Incremental mode: the registry rules need summaries of the touched models'
 * other files. A sibling is parsed only if its text holds, as a whole token, a
 * version that matters (a changed file's version or an alias target): only
 * such a file can change a rule's outcome, and reading text is far cheaper
 * than parsing it.
 */
async function summarizeScope(session: CheckSession, root: string, refs: FileRef[], scope: Set<string>): Promise<void> {
  const needed = refs.filter((r) => !session.handled.has(r.file) && (r.kind === "project" || scope.has(scopeKeyOf(r.file))));
  await session.check(needed.filter((r) => r.kind !== "experiment"));
  const wanted = new Map<string, string[]>();
  for (const [file, s] of session.summaries) {
    const list = wanted.get(scopeKeyOf(file)) ?? [];
    if (s.experiment?.version !== undefined) list.push(s.experiment.version);
    for (const a of Object.values(s.model?.aliases ?? {})) list.push(a.target);
    wanted.set(scopeKeyOf(file), list);
  }
  // Version characters are [0-9A-Za-z._+-]; a backslash could spell one with escapes.
  const patterns = new Map(
    [...wanted].map(([key, vs]) => [key, new RegExp(`\\\\|(?<![0-9A-Za-z._+-])(${vs.map(escapeRegExp).join("|")})(?![0-9A-Za-z._+-])`)]),
  );
  const toParse = needed.filter((r) => {
    const pattern = r.kind === "experiment" && wanted.get(scopeKeyOf(r.file))?.length ? patterns.get(scopeKeyOf(r.file)) : undefined;
    return pattern?.test(readFileSync(join(root, r.file), "utf8")) ?? false;
  });
  await session.check(toParse);
}
