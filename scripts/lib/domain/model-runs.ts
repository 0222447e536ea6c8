// Each model with its runs (issue #13): newest first, its primary metric, and
// its aliases resolved, shaped once from the records. The site's pages and the
// report rank, group and compare from this; neither builds it its own way.
// Imports core/ and schema/ only, so it takes records by their shape.
import type { ExperimentData, ModelData } from "../schema/types.ts";
import { aliasTargets, resolveAliases } from "./aliases.ts";
import { type PrimaryMetric, primaryMetricOf } from "./metric-goals.ts";

export interface ModelLike {
  project: string;
  model: string;
  data: ModelData;
}

export interface RunLike {
  id: string;
  project: string;
  model: string;
  data: ExperimentData;
}

export interface ModelRuns<M extends ModelLike, R extends RunLike> {
  key: string;
  record: M;
  primary: PrimaryMetric | undefined;
  /** Newest first. */
  experiments: R[];
  /** Alias name → the experiment it resolves to (unresolvable aliases are left out; validate reports them). */
  aliases: Map<string, R>;
}

export interface RegistryRuns<M extends ModelLike, R extends RunLike> {
  /** By display name. */
  models: ModelRuns<M, R>[];
  modelsByKey: Map<string, ModelRuns<M, R>>;
  experiments: Map<string, R>;
  /** Experiment id → `[alias, …]` of its model pointing at it. */
  aliasesOf: Map<string, string[]>;
  /** Every experiment, newest first. */
  newest: R[];
}

const modelKey = (project: string, model: string): string => `${project}/${model}`;

const newestFirst = (a: RunLike, b: RunLike): number => (a.data.created < b.data.created ? 1 : a.data.created > b.data.created ? -1 : a.id < b.id ? 1 : -1);

export function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Every model whose project `exists`, with its runs. */
export function registryRuns<M extends ModelLike, R extends RunLike>(o: {
  models: readonly M[];
  experiments: readonly R[];
  exists: (project: string) => boolean;
}): RegistryRuns<M, R> {
  const experiments = new Map(o.experiments.map((e) => [e.id, e]));
  // One sort: each model's runs come out of it newest first too.
  const newest = [...o.experiments].sort(newestFirst);
  const byModel = groupBy(newest, (e) => modelKey(e.project, e.model));
  const models: ModelRuns<M, R>[] = [];
  const modelsByKey = new Map<string, ModelRuns<M, R>>();
  const aliasesOf = new Map<string, string[]>();
  for (const m of [...o.models].sort((a, b) => a.data.name.localeCompare(b.data.name))) {
    if (!o.exists(m.project)) continue;
    const key = modelKey(m.project, m.model);
    const runs = byModel.get(key) ?? [];
    const targets = aliasTargets(runs.map((run) => ({ id: run.id, version: run.data.version, run })));
    const aliases = new Map([...resolveAliases(m.data.aliases, targets)].map(([alias, t]) => [alias, t.run]));
    const view: ModelRuns<M, R> = { key, record: m, primary: primaryMetricOf(m.data, runs), experiments: runs, aliases };
    for (const [alias, e] of aliases) aliasesOf.set(e.id, [...(aliasesOf.get(e.id) ?? []), alias]);
    models.push(view);
    modelsByKey.set(key, view);
  }
  return { models, modelsByKey, experiments, aliasesOf, newest };
}
