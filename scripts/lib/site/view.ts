// What the site renders (issue #6), shaped once from the loaded registry:
// indexes by key so each page looks up only its own record, the primary metric
// of every model, and which aliases point at which experiment (domain/model-runs.ts,
// shared with the report). Pages never walk the whole registry (withastro/astro#16297: getCollection per page is
// the bottleneck at 100k entries).
import { type ModelRuns, registryRuns } from "../domain/model-runs.ts";
import type { RecordEvent } from "../history/history.ts";
import type { ExperimentRecord, LoadedRegistry, ModelRecord, ProjectRecord } from "../registry/loader.ts";
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

export interface ModelView extends ModelRuns<ModelRecord, ExperimentRecord> {
  project: ProjectRecord;
  /** Alias changes from git, newest first (issue #16); none when history is unavailable. */
  timeline?: TimelineEntry[];
  /** Alias → the timeline entry that set its current value. */
  since?: Map<string, TimelineEntry>;
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
  /** Record file → its version token, when the loader's cache is on (pages/inputs.ts). */
  versions?: ReadonlyMap<string, string>;
}

export function buildSiteData(registry: LoadedRegistry, meta: SiteMeta, history: SiteHistory = NO_HISTORY): SiteData {
  const changes = history.available ? history.history.models : new Map();
  const projectsById = new Map<string, ProjectView>();
  for (const p of [...registry.projects].sort((a, b) => a.data.name.localeCompare(b.data.name))) {
    projectsById.set(p.project, { record: p, models: [], experimentCount: 0 });
  }
  const runs = registryRuns({ models: registry.models, experiments: registry.experiments, exists: (p) => projectsById.has(p) });
  const models: ModelView[] = [];
  const modelsByKey = new Map<string, ModelView>();
  for (const m of runs.models) {
    const project = projectsById.get(m.record.project);
    if (!project) continue;
    const timeline = modelTimeline(changes.get(m.key) ?? [], m.experiments, meta.repoUrl);
    const view: ModelView = { ...m, project: project.record, timeline, since: aliasSince(timeline, m.record.data.aliases) };
    models.push(view);
    modelsByKey.set(view.key, view);
    project.models.push(view);
    project.experimentCount += view.experiments.length;
  }
  return {
    meta,
    projects: [...projectsById.values()],
    projectsById,
    models,
    modelsByKey,
    experiments: runs.experiments,
    aliasesOf: runs.aliasesOf,
    newest: runs.newest,
    history: history.available ? { available: true } : { available: false, reason: history.reason },
    recordHistory: history.available ? history.history.experiments : new Map(),
    ...(registry.versions ? { versions: registry.versions } : {}),
  };
}
