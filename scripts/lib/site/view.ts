// What the site renders (issue #6), shaped once from the loaded registry:
// indexes by key so each page looks up only its own record, the primary metric
// of every model, and which aliases point at which experiment. Pages never
// walk the whole registry (withastro/astro#16297: getCollection per page is
// the bottleneck at 100k entries).
import type { RecordEvent } from "../history/history.ts";
import type { ExperimentRecord, LoadedRegistry, ModelRecord, ProjectRecord } from "../registry/loader.ts";
import { type PrimaryMetric, primaryMetricOf } from "./metrics.ts";
import { aliasSince, modelTimeline, NO_HISTORY, type SiteHistory, type TimelineEntry } from "./timeline.ts";

export interface SiteMeta {
  /** ISO time of the build. */
  built: string;
  /** The registry repository's HEAD commit, when it is a git repository. */
  commit?: string;
  /** Web URL of the repository (`https://github.com/org/repo`), for "view/edit source" links. */
  repoUrl?: string;
  /** Branch the source links point at. */
  branch: string;
  /** The registry directory relative to the repository root (`registry`). */
  registryPath: string;
}

export interface ModelView {
  key: string;
  record: ModelRecord;
  project: ProjectRecord;
  primary: PrimaryMetric | undefined;
  /** Newest first. */
  experiments: ExperimentRecord[];
  /** Alias name → the experiment it resolves to (unresolvable aliases are left out; validate reports them). */
  aliases: Map<string, ExperimentRecord>;
  /** Alias changes from git, newest first (issue #16); empty when history is unavailable. */
  timeline: TimelineEntry[];
  /** Alias → the timeline entry that set its current value. */
  since: Map<string, TimelineEntry>;
}

export interface ProjectView {
  record: ProjectRecord;
  models: ModelView[];
  experimentCount: number;
}

export interface SiteData {
  meta: SiteMeta;
  projects: ProjectView[];
  projectsById: Map<string, ProjectView>;
  models: ModelView[];
  modelsByKey: Map<string, ModelView>;
  experiments: Map<string, ExperimentRecord>;
  /** Experiment id → `[alias, …]` of its model pointing at it. */
  aliasesOf: Map<string, string[]>;
  /** Every experiment, newest first. */
  newest: ExperimentRecord[];
  /** Whether git history was read (a shallow clone has none), and why not. */
  history: { available: boolean; reason?: string };
  /** Experiment id → its record's events from git, oldest first. */
  recordHistory: Map<string, RecordEvent[]>;
}

export const modelKey = (project: string, model: string): string => `${project}/${model}`;

const newestFirst = (a: ExperimentRecord, b: ExperimentRecord): number =>
  a.data.created < b.data.created ? 1 : a.data.created > b.data.created ? -1 : a.id < b.id ? 1 : -1;

function resolveAliases(model: ModelRecord, experiments: ExperimentRecord[]): Map<string, ExperimentRecord> {
  const byVersion = new Map<string, ExperimentRecord>();
  const byId = new Map<string, ExperimentRecord>();
  for (const e of experiments) {
    byId.set(e.id, e);
    if (e.data.version !== undefined) byVersion.set(e.data.version, e);
  }
  const out = new Map<string, ExperimentRecord>();
  for (const [alias, target] of Object.entries(model.data.aliases ?? {})) {
    const hit = byVersion.get(target) ?? byId.get(target.toLowerCase());
    if (hit) out.set(alias, hit);
  }
  return out;
}

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

export function buildSiteData(registry: LoadedRegistry, meta: SiteMeta, history: SiteHistory = NO_HISTORY): SiteData {
  const changes = history.available ? history.history.models : new Map();
  const experiments = new Map(registry.experiments.map((e) => [e.id, e]));
  // One sort: each model's runs come out of it newest first too.
  const newest = [...registry.experiments].sort(newestFirst);
  const byModel = groupBy(newest, (e) => modelKey(e.project, e.model));
  const projectsById = new Map<string, ProjectView>();
  for (const p of [...registry.projects].sort((a, b) => a.data.name.localeCompare(b.data.name))) {
    projectsById.set(p.project, { record: p, models: [], experimentCount: 0 });
  }
  const models: ModelView[] = [];
  const modelsByKey = new Map<string, ModelView>();
  const aliasesOf = new Map<string, string[]>();
  for (const m of [...registry.models].sort((a, b) => a.data.name.localeCompare(b.data.name))) {
    const project = projectsById.get(m.project);
    if (!project) continue;
    const key = modelKey(m.project, m.model);
    const runs = byModel.get(key) ?? [];
    const view: ModelView = {
      key,
      record: m,
      project: project.record,
      primary: primaryMetricOf(m.data, runs),
      experiments: runs,
      aliases: resolveAliases(m, runs),
      timeline: modelTimeline(changes.get(key) ?? [], runs, meta.repoUrl),
      since: new Map(),
    };
    view.since = aliasSince(view.timeline, m.data.aliases);
    for (const [alias, e] of view.aliases) aliasesOf.set(e.id, [...(aliasesOf.get(e.id) ?? []), alias]);
    models.push(view);
    modelsByKey.set(key, view);
    project.models.push(view);
    project.experimentCount += runs.length;
  }
  return {
    meta,
    projects: [...projectsById.values()],
    projectsById,
    models,
    modelsByKey,
    experiments,
    aliasesOf,
    newest,
    history: history.available ? { available: true } : { available: false, reason: history.reason },
    recordHistory: history.available ? history.history.experiments : new Map(),
  };
}
