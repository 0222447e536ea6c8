// A model card's `model-index` → a model and its experiments (issue #9).
// Results are grouped by dataset (type, name, config, split, revision, args):
// each dataset becomes one experiment whose test dataset it is, since results
// on different data are not comparable. A metric is keyed by its `type`, or by
// its `name` where one type appears twice on the same data.
import { createHash } from "node:crypto";
import { DataError } from "../../core/errors.ts";
import { newExperimentId } from "../../core/ids.ts";
import { slugify } from "../../core/layout.ts";
import { hfDatasetUri } from "../../hf/dataset.ts";
import type { Dataset, ModelData, Tags } from "../../schema/types.ts";
import { emptyPlan, type ImportPlan, isoSeconds, type PlannedExperiment } from "../types.ts";
import { define, MAX_NAME, metricValue } from "../values.ts";

type Map_ = Record<string, unknown>;
const isMap = (v: unknown): v is Map_ => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" ? String(v) : undefined);
const args = (v: unknown): string | undefined => (isMap(v) || Array.isArray(v) ? JSON.stringify(v) : str(v));

export interface HfPlanOptions {
  file: string;
  project: string;
  model?: string;
}

function datasetOf(r: Map_): { key: string; shown: string; dataset?: Dataset; args?: string } {
  const d = isMap(r.dataset) ? r.dataset : {};
  const [type, name, config, split, revision, a] = [str(d.type), str(d.name), str(d.config), str(d.split), str(d.revision), args(d.args)];
  const key = JSON.stringify([type, name, config, split, revision, a]);
  const id = type ?? name;
  if (!id) return { key, shown: "no dataset" };
  const dataset: Dataset = { uri: hfDatasetUri({ type: id, config, split }) };
  if (name) dataset.name = name.slice(0, 200);
  if (revision) dataset.revision = revision.slice(0, 200);
  const shown = [name ?? type, config ?? a, split].filter(Boolean).join(" / ");
  return { key, shown, dataset, args: a };
}

function metricKeys(metrics: Map_[]): string[] {
  const types = metrics.map((m) => str(m.type) ?? str(m.name) ?? "metric");
  return metrics.map((m, i) => {
    const clash = types.filter((t) => t === types[i]).length > 1;
    return (clash ? (str(m.name) ?? `${types[i]}-${i + 1}`) : types[i]).slice(0, MAX_NAME);
  });
}

/**
 * What identifies one group of results: the entry's name, the dataset, and a
 * digest of the dataset key and the values. Two cards with the same model name
 * and benchmark (forks of one notebook) are then two experiments, and a card
 * re-imported unchanged is recognised.
 */
function sourceId(entry: string, shown: string, key: string, evaluations: Record<string, number>): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([key, Object.entries(evaluations)]))
    .digest("hex")
    .slice(0, 16);
  return `${entry} | ${shown.slice(0, 200)} | ${digest}`;
}

function modelRecord(front: Map_, name: string, results: Map_[]): ModelData {
  const record: ModelData = { name, created: isoSeconds(Date.now()) };
  const task = results.map((r) => (isMap(r.task) ? str(r.task.type) : undefined)).find(Boolean);
  if (task) record.task = task.slice(0, 100);
  const tags: Tags = {};
  for (const k of ["license", "library_name", "pipeline_tag", "base_model"]) {
    const value = str(front[k]);
    if (value) tags[k] = value;
  }
  if (Object.keys(tags).length > 0) record.tags = tags;
  return record;
}

/** Plans one `model-index` entry: its results, grouped by dataset. */
function planEntry(plan: ImportPlan, front: Map_, entry: Map_, index: number, o: HfPlanOptions): void {
  const name = (str(entry.name) ?? `model-index entry ${index + 1}`).slice(0, 200);
  const results = Array.isArray(entry.results) ? entry.results.filter(isMap) : [];
  if (results.length === 0) {
    plan.skipped.push({ what: `model-index entry "${name}"`, why: "it has no results (`results: []` or none at all)" });
    return;
  }
  const slug = o.model ?? (slugify(name) !== slugify("") ? slugify(name) : "model");
  if (!plan.models.some((m) => m.slug === slug)) plan.models.push({ slug, record: modelRecord(front, name, results), aliases: {} });
  const groups = new Map<string, { data: ReturnType<typeof datasetOf>; results: Map_[] }>();
  for (const r of results) {
    const data = datasetOf(r);
    groups.set(data.key, { data, results: [...(groups.get(data.key)?.results ?? []), r] });
  }
  for (const { data, results: rs } of groups.values()) {
    const label = `"${name}" on ${data.shown}`;
    const metrics = rs.flatMap((r) => (Array.isArray(r.metrics) ? r.metrics.filter(isMap) : []));
    const keys = metricKeys(metrics);
    const evaluations: Record<string, number> = {};
    metrics.forEach((m, i) => {
      const v = metricValue(m.value);
      if ("skip" in v) plan.skipped.push({ what: `metric "${keys[i]}" of ${label}`, why: v.skip });
      else {
        define(evaluations, keys[i], v.value);
        if (v.note) plan.notes.push(`metric "${keys[i]}" of ${label}: ${v.note}`);
      }
    });
    if (Object.keys(evaluations).length === 0) {
      plan.skipped.push({ what: label, why: metrics.length === 0 ? "it lists no metrics" : "none of its metrics has a numeric value" });
      continue;
    }
    const task = rs.map((r) => (isMap(r.task) ? r.task : {})).find((t) => str(t.type) || str(t.name)) ?? {};
    const source = rs.map((r) => (isMap(r.source) ? r.source : undefined)).find(Boolean);
    const tags: Tags = {};
    for (const [k, v] of [
      ["task", str(task.type)],
      ["task_name", str(task.name)],
      ["dataset_args", data.args],
      ["source_name", source && str(source.name)],
      ["source_url", source && str(source.url)],
    ] as const) {
      if (v) tags[k] = v;
    }
    const record: PlannedExperiment["record"] = {
      id: newExperimentId(),
      created: isoSeconds(Date.now()),
      description: `${str(task.name) ?? str(task.type) ?? "Results"} on ${data.shown}, from the model card's model-index.`,
      evaluations,
      source: { system: "huggingface", id: sourceId(name, data.shown, data.key, evaluations) },
    };
    if (data.dataset) record.datasets = { test: data.dataset };
    if (Object.keys(tags).length > 0) record.tags = tags;
    plan.experiments.push({ model: slug, label, record });
  }
}

export function planHfCard(front: unknown, o: HfPlanOptions): ImportPlan {
  const plan = emptyPlan("huggingface", o.project);
  const index = isMap(front) ? front["model-index"] : undefined;
  if (!Array.isArray(index) || index.length === 0) {
    throw new DataError(
      `${o.file} has no \`model-index\` in its front matter, so there are no results to import`,
      "E_NOTHING_TO_IMPORT",
      "Add a model-index (name, results: task, dataset, metrics with type and value) to the card, or record the model with `modelreg add model`. Nothing was written.",
    );
  }
  for (const [i, entry] of index.entries()) {
    if (isMap(entry)) planEntry(plan, front as Map_, entry, i, o);
    else plan.skipped.push({ what: `model-index entry ${i + 1}`, why: "it is not a map with name and results" });
  }
  if (plan.experiments.length === 0) {
    const why = plan.skipped.map((s) => `${s.what}: ${s.why}`).join("; ");
    throw new DataError(
      `${o.file} has no usable results in its model-index (${why})`,
      "E_NOTHING_TO_IMPORT",
      "Only results with a numeric metric value can be imported; fix the values in the card, or record the model with `modelreg add model`. Nothing was written.",
    );
  }
  return plan;
}
