// What search finds (issue #7): one document per project, model and
// experiment, each a set of fields holding the texts a person would type.
// Experiments are ordered newest first, so among equal scores the newest wins.
import { flatten } from "../domain/diff.ts";
import type { ExperimentRecord } from "../registry/loader.ts";
import type { Kind } from "../schema/types.ts";
import type { SiteData } from "./view.ts";

/** Searchable fields and their weights: a model's name beats a word in a description. */
export const SEARCH_FIELDS = [
  { key: "name", label: "name", weight: 3 },
  { key: "version", label: "version", weight: 2 },
  { key: "id", label: "id", weight: 2 },
  { key: "tag", label: "tag", weight: 1.5 },
  { key: "model", label: "model", weight: 1 },
  { key: "param", label: "parameter", weight: 1 },
  { key: "metric", label: "metric", weight: 1 },
  { key: "dataset", label: "dataset", weight: 1 },
  { key: "task", label: "task", weight: 1 },
  { key: "description", label: "description", weight: 0.5 },
] as const;

export type FieldKey = (typeof SEARCH_FIELDS)[number]["key"];
type DocKind = Kind;

export interface SearchDoc {
  kind: DocKind;
  title: string;
  /** A second line: the model and project of an experiment, the project of a model. */
  sub: string;
  /** Page URL relative to the site's base. */
  url: string;
  /** Experiment id (for "compare selected"), or the project/model key. */
  key: string;
  fields: Partial<Record<FieldKey, string[]>>;
}

/** Words of a description worth finding: letters and digits with inner `-_.`, no bare numbers. */
function words(text: string | undefined): string[] {
  if (!text) return [];
  const out = new Set<string>();
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}_.+-]*[\p{L}\p{N}]|\p{L}{2,}/gu)) {
    const w = m[0];
    if (w.length >= 2 && !/^[\d.+-]+$/.test(w)) out.add(w);
  }
  return [...out];
}

function tagTexts(tags: Record<string, unknown> | undefined): string[] {
  return Object.entries(tags ?? {}).flatMap(([k, v]) => (typeof v === "string" ? [k, v] : [k]));
}

/** String parameter values (`adamw`, `cosine`); numbers are found by their key on the model. */
function paramValues(params: Record<string, unknown> | undefined): string[] {
  return [
    ...new Set(
      [...flatten(params).values()].flatMap((v) => (typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [])),
    ),
  ];
}

function datasets(e: ExperimentRecord): string[] {
  return Object.values(e.data.datasets ?? {}).flatMap((d) => (d ? [d.uri, ...(d.name ? [d.name] : [])] : []));
}

const nonEmpty = (fields: SearchDoc["fields"]): SearchDoc["fields"] => Object.fromEntries(Object.entries(fields).filter(([, v]) => v && v.length > 0));

export function searchDocs(site: SiteData): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const p of site.projects) {
    const r = p.record;
    docs.push({
      kind: "project",
      title: r.data.name,
      sub: `${p.models.length} models`,
      url: `projects/${r.project}/`,
      key: r.project,
      fields: nonEmpty({
        name: [r.data.name],
        id: [r.project],
        tag: [...tagTexts(r.data.tags), ...(r.data.owners ?? [])],
        description: words(r.data.description),
      }),
    });
  }
  for (const m of site.models) {
    const r = m.record;
    const paramKeys = new Set<string>();
    const metrics = new Set<string>();
    for (const e of m.experiments) {
      for (const k of flatten(e.data.parameters).keys()) paramKeys.add(k);
      for (const k of Object.keys(e.data.evaluations ?? {})) metrics.add(k);
    }
    docs.push({
      kind: "model",
      title: r.data.name,
      sub: m.project.data.name,
      url: `projects/${r.project}/models/${r.model}/`,
      key: m.key,
      fields: nonEmpty({
        name: [r.data.name],
        id: [m.key],
        task: r.data.task ? [r.data.task] : [],
        tag: [...tagTexts(r.data.tags), ...Object.keys(r.data.aliases ?? {})],
        param: [...paramKeys],
        metric: [...metrics],
        description: words(r.data.description),
      }),
    });
  }
  for (const e of site.newest) {
    const m = site.modelsByKey.get(`${e.project}/${e.model}`);
    const modelName = m?.record.data.name ?? e.model;
    docs.push({
      kind: "experiment",
      title: `${modelName} ${e.data.version ?? e.id.slice(0, 10)}`,
      sub: `${e.data.created.slice(0, 10)} · ${m?.project.data.name ?? e.project}`,
      url: `experiments/${e.id}/`,
      key: e.id,
      fields: nonEmpty({
        version: e.data.version ? [e.data.version] : [],
        model: [modelName],
        tag: [...tagTexts(e.data.tags), ...(site.aliasesOf.get(e.id) ?? [])],
        param: paramValues(e.data.parameters),
        dataset: datasets(e),
        description: words(e.data.description),
      }),
    });
  }
  return docs;
}
