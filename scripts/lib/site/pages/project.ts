// The data the home page and a project page render (issue #15).

import { bestRun, type PrimaryMetric } from "../../domain/metric-goals.ts";
import type { ExperimentRecord } from "../../registry/loader.ts";
import type { ProjectData } from "../../schema/types.ts";
import { leaderboardGroups } from "../leaderboard.ts";
import type { ProjectView, SiteData } from "../view.ts";
import { runLabel } from "./experiment.ts";

/** A run as a listing links it: id, label, and its primary metric's value. */
export interface RunRef {
  id: string;
  label: string;
  value?: number;
}

export interface ProjectPage {
  project: string;
  data: ProjectData;
  experiments: number;
  models: Array<{ model: string; name: string; task?: string; runs: number; primary?: PrimaryMetric; best?: RunRef; production?: RunRef }>;
}

export function projectPage(view: ProjectView): ProjectPage {
  return {
    project: view.record.project,
    data: view.record.data,
    experiments: view.experimentCount,
    models: view.models.map((m) => {
      const metric = m.primary?.name;
      const ref = (e: ExperimentRecord | undefined): RunRef | undefined =>
        e && { id: e.id, label: runLabel(e), ...(metric && e.data.evaluations?.[metric] !== undefined ? { value: e.data.evaluations[metric] } : {}) };
      const best = ref(bestRun(leaderboardGroups(m)[0]?.runs ?? [], m.primary));
      const production = ref(m.aliases.get("production"));
      return {
        model: m.record.model,
        name: m.record.data.name,
        ...(m.record.data.task ? { task: m.record.data.task } : {}),
        runs: m.experiments.length,
        ...(m.primary ? { primary: m.primary } : {}),
        ...(best ? { best } : {}),
        ...(production ? { production } : {}),
      };
    }),
  };
}

export interface HomePage {
  counts: { projects: number; models: number; experiments: number };
  commit?: string;
  projects: Array<{ project: string; name: string; description?: string; models: number; experiments: number; production: number }>;
  production: Array<{
    project: string;
    model: string;
    name: string;
    projectName: string;
    run: RunRef;
    metric?: string;
    since?: { when: string; anchor: string };
  }>;
  /** Whether git history was read, and why not (issue #16). */
  history: { available: boolean; reason?: string };
  latest: Array<{ project: string; model: string; modelName?: string; run: RunRef; metric?: string; status?: string; created: string; description?: string }>;
}

/** How many of the newest experiments the home page lists. */
const LATEST = 20;

export function homePage(site: SiteData): HomePage {
  return {
    counts: { projects: site.projects.length, models: site.models.length, experiments: site.experiments.size },
    ...(site.meta.commit ? { commit: site.meta.commit } : {}),
    projects: site.projects.map((p) => ({
      project: p.record.project,
      name: p.record.data.name,
      ...(p.record.data.description ? { description: p.record.data.description } : {}),
      models: p.models.length,
      experiments: p.experimentCount,
      production: p.models.filter((m) => m.aliases.has("production")).length,
    })),
    production: site.models.flatMap((m) => {
      const run = m.aliases.get("production");
      if (!run) return [];
      const value = m.primary ? run.data.evaluations?.[m.primary.name] : undefined;
      const since = m.since?.get("production");
      return [
        {
          project: m.project.project,
          model: m.record.model,
          name: m.record.data.name,
          projectName: m.project.data.name,
          run: { id: run.id, label: runLabel(run), ...(value !== undefined ? { value } : {}) },
          ...(m.primary && value !== undefined ? { metric: m.primary.name } : {}),
          ...(since ? { since: { when: since.when, anchor: since.anchor } } : {}),
        },
      ];
    }),
    history: site.history,
    latest: site.newest.slice(0, LATEST).map((e) => {
      const m = site.modelsByKey.get(`${e.project}/${e.model}`);
      const value = m?.primary ? e.data.evaluations?.[m.primary.name] : undefined;
      return {
        project: e.project,
        model: e.model,
        ...(m ? { modelName: m.record.data.name } : {}),
        run: { id: e.id, label: runLabel(e), ...(value !== undefined ? { value } : {}) },
        ...(m?.primary && value !== undefined ? { metric: m.primary.name } : {}),
        ...(e.data.status && e.data.status !== "finished" ? { status: e.data.status } : {}),
        created: e.data.created,
        ...(e.data.description ? { description: e.data.description } : {}),
      };
    }),
  };
}
