// Alias resolution (issue #13): an alias of a model (`production: 1.4.0`)
// names a version label of one of its experiments or, failing that, the whole
// id of one (as the schema says; ids are lower case, so the match is exact). The rule `aliases-resolve`, the
// site's model pages and the report resolve aliases through this module.
// Imports core/ and schema/ only.

/** What alias resolution needs of a run. */
export interface AliasTarget {
  id: string;
  version?: string;
}

/** A model's runs, indexed by what an alias may name. */
export interface AliasTargets<R extends AliasTarget> {
  byVersion: Map<string, R>;
  byId: Map<string, R>;
}

export function aliasTargets<R extends AliasTarget>(runs: Iterable<R>): AliasTargets<R> {
  const byVersion = new Map<string, R>();
  const byId = new Map<string, R>();
  for (const run of runs) {
    byId.set(run.id, run);
    if (run.version !== undefined) byVersion.set(run.version, run);
  }
  return { byVersion, byId };
}

/** The run an alias's target names, or undefined when it names none of the model's runs. */
export function resolveAlias<R extends AliasTarget>(target: string, targets: AliasTargets<R>): R | undefined {
  return targets.byVersion.get(target) ?? targets.byId.get(target);
}

/** Every alias of a model that resolves, alias → run (the ones that do not are the rule's to report). */
export function resolveAliases<R extends AliasTarget>(aliases: Record<string, string> | undefined, targets: AliasTargets<R>): Map<string, R> {
  const out = new Map<string, R>();
  for (const [alias, target] of Object.entries(aliases ?? {})) {
    const hit = resolveAlias(target, targets);
    if (hit) out.set(alias, hit);
  }
  return out;
}
