// The static JSON API (issue #6): the seed's GET endpoints as files under
// `api/v0.1/`, written at build time and served by the dev server. Listings are
// paged so that no file passes 5 MB; each page links the next and previous.

import { groupBy } from "../domain/model-runs.ts";
import type { ExperimentRecord, ModelRecord, ProjectRecord } from "../registry/loader.ts";
import type { Kind } from "../schema/types.ts";
import type { DataFile } from "./incremental.ts";
import { recordInputs } from "./pages/inputs.ts";
import type { SiteData } from "./view.ts";

export const API_VERSION = "v0.1";
/** Items per listing page (ids per id-list page); pages also close early at MAX_PAGE_BYTES. */
const PAGE_ITEMS = 500;
const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/** A file under `api/v0.1/` (its path from there, e.g. `experiments/id/01k….json`). */
export type ApiFile = DataFile;

export interface ApiItem {
  kind: Kind;
  /** `project`, `project/model`, or the experiment id. */
  id: string;
  project_id: string;
  model_id?: string;
  /** The record's file, relative to the registry root. */
  file: string;
  /** The record as its file holds it (schemas/<kind>.schema.json). */
  data: unknown;
}

const projectItem = (r: ProjectRecord): ApiItem => ({ kind: "project", id: r.project, project_id: r.project, file: r.file, data: r.data });
const modelItem = (r: ModelRecord): ApiItem => ({ kind: "model", id: `${r.project}/${r.model}`, project_id: r.project, file: r.file, data: r.data });
const experimentItem = (r: ExperimentRecord): ApiItem => ({
  kind: "experiment",
  id: r.id,
  project_id: r.project,
  model_id: `${r.project}/${r.model}`,
  file: r.file,
  data: r.data,
});

/** The fields of an experiment that listings carry (the seed's experiment rows hold about these). */
export const SUMMARY_FIELDS = ["id", "version", "created", "status", "description", "evaluations", "tags"] as const;

/**
 * An experiment in a listing: its summary fields and the URL of the whole
 * record. Parameters, datasets, histories and environments stay in the
 * record's own file, so 100,000 experiments list in about a fifth of the bytes.
 */
function experimentSummary(r: ExperimentRecord, base: string): ApiItem & { url: string } {
  const data: Record<string, unknown> = {};
  for (const k of SUMMARY_FIELDS) if (r.data[k] !== undefined) data[k] = r.data[k];
  return {
    kind: "experiment",
    id: r.id,
    project_id: r.project,
    model_id: `${r.project}/${r.model}`,
    file: r.file,
    url: `${base}api/${API_VERSION}/experiments/id/${r.id}.json`,
    data,
  };
}

const json = (value: unknown): string => `${JSON.stringify(value)}\n`;

/** Pages of a listing at `<dir>/<n>.json`, n from 1; an empty listing still has page 1. */
function* pages(dir: string, items: Iterable<unknown>, base: string): Generator<ApiFile> {
  const bodies: string[][] = [[]];
  let bytes = 0;
  for (const item of items) {
    const text = JSON.stringify(item);
    let page = bodies[bodies.length - 1];
    if (page.length >= PAGE_ITEMS || (page.length > 0 && bytes + text.length > MAX_PAGE_BYTES)) {
      page = [];
      bodies.push(page);
      bytes = 0;
    }
    page.push(text);
    bytes += text.length + 1;
  }
  const total = bodies.reduce((n, b) => n + b.length, 0);
  const url = (n: number) => `${base}api/${API_VERSION}/${dir}/${n}.json`;
  for (let i = 0; i < bodies.length; i++) {
    const n = i + 1;
    const head = JSON.stringify({ total, page: n, pages: bodies.length, next: n < bodies.length ? url(n + 1) : null, prev: n > 1 ? url(n - 1) : null });
    yield { path: `${dir}/${n}.json`, body: `${head.slice(0, -1)},"items":[${bodies[i].join(",")}]}\n` };
  }
}

/** Every file of the API, for a site served under `base` (`/` or `/repo/`). */
export function* apiFiles(site: SiteData, base: string): Generator<ApiFile> {
  const projects = site.projects.map((p) => p.record);
  const models = site.models.map((m) => m.record);
  const projectName = new Map(projects.map((p) => [p.project, p.data.name]));
  yield {
    path: "health.json",
    body: json({
      status: "ok",
      api: API_VERSION,
      built: site.meta.built,
      commit: site.meta.commit ?? null,
      counts: { projects: projects.length, models: models.length, experiments: site.experiments.size },
    }),
  };

  yield* pages("projects/all", projects.map(projectItem), base);
  for (const p of projects) yield { path: `projects/id/${p.project}.json`, body: json(projectItem(p)) };
  yield { path: "projects/name.json", body: json(Object.fromEntries(projects.map((p) => [p.data.name, [projectItem(p)]]))) };

  yield* pages("models/all", models.map(modelItem), base);
  for (const m of models) yield { path: `models/id/${m.project}/${m.model}.json`, body: json(modelItem(m)) };
  for (const p of projects)
    yield { path: `models/project-id/${p.project}.json`, body: json((site.projectsById.get(p.project)?.models ?? []).map((m) => modelItem(m.record))) };
  yield { path: "models/name.json", body: json(Object.fromEntries([...groupBy(models, (m) => m.data.name)].map(([name, ms]) => [name, ms.map(modelItem)]))) };
  yield {
    path: "models/project-name.json",
    body: json(Object.fromEntries([...groupBy(models, (m) => projectName.get(m.project) ?? "")].map(([name, ms]) => [name, ms.map(modelItem)]))),
  };

  // Summaries once, in the listing of all experiments; a model's and a project's listings are id lists (issue #15).
  yield* pages("experiments/all", allExperiments(site, base), base);
  // A record's file is made from the record alone: with its version token known, an unchanged record is not serialised again.
  const recordFile = (path: string, e: ExperimentRecord): ApiFile => {
    const inputs = recordInputs(site, e.file);
    return inputs === undefined ? { path, body: json(experimentItem(e)) } : { path, inputs, body: () => json(experimentItem(e)) };
  };
  for (const e of site.experiments.values()) yield recordFile(`experiments/id/${e.id}.json`, e);
  for (const m of site.models) {
    yield* pages(
      `experiments/model-id/${m.key}`,
      m.experiments.map((e) => e.id),
      base,
    );
    for (const e of m.experiments) {
      if (e.data.version !== undefined) yield recordFile(`experiments/model-version-id/${m.key}/${e.data.version}.json`, e);
    }
  }
  for (const p of site.projects)
    yield* pages(
      `experiments/project-id/${p.record.project}`,
      p.models.flatMap((m) => m.experiments).map((e) => e.id),
      base,
    );
}

/** Model by model in the order of the site, newest first within each. */
function* allExperiments(site: SiteData, base: string): Generator<ApiItem> {
  for (const m of site.models) for (const e of m.experiments) yield experimentSummary(e, base);
}
