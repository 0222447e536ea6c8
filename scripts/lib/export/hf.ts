// `modelreg export hf <ref>` (issue #9): an experiment's results as a
// Hugging Face `model-index` block, printed or written into a model card's
// front matter. Only `model-index` is replaced; the rest of the card, its
// comments and key order stay as they were. `modelreg import hf` reads the
// block back to the same metrics.
import { existsSync } from "node:fs";
import { DataError } from "../core/errors.ts";
import { parseFrontMatter, readCardText, splitCard } from "../hf/card.ts";
import { parseHfDatasetUri } from "../hf/dataset.ts";
import { experimentFromRef } from "../registry/experiment-ref.ts";
import { readModels } from "../registry/read.ts";
import type { ExperimentData, ModelData } from "../schema/types.ts";
import { createFileExclusive, replaceFile } from "../write/write.ts";
import { type EditableFile, render } from "../yaml/edit.ts";
import { stringifyDocument, stringifyYaml } from "../yaml/yaml.ts";

export interface HfExport {
  /** `model-index:` and its list, ready to paste into a card's front matter. */
  text: string;
  modelIndex: unknown[];
  experiment: string;
  notes: string[];
}

function datasetOf(e: ExperimentData, notes: string[]): Record<string, unknown> | undefined {
  const d = e.datasets?.test ?? e.datasets?.validation;
  if (!d) {
    notes.push("the experiment records no test or validation dataset; the Hub expects `dataset: {type, name}` in each result — add it to the card");
    return undefined;
  }
  const hf = parseHfDatasetUri(d.uri);
  const out: Record<string, unknown> = { name: d.name ?? hf?.type ?? d.uri, type: hf?.type ?? d.name ?? d.uri };
  if (hf?.config) out.config = hf.config;
  if (hf?.split) out.split = hf.split;
  if (d.revision) out.revision = d.revision;
  const args = e.tags?.dataset_args;
  if (args !== undefined) {
    try {
      out.args = String(args).startsWith("{") ? JSON.parse(String(args)) : args;
    } catch {
      out.args = args;
    }
  }
  return out;
}

export function modelIndexFor(registry: string, ref: string): HfExport {
  const row = experimentFromRef(registry, ref);
  const e = row.data;
  const model: ModelData | undefined = readModels(registry, row.project).rows.find((m) => m.model === row.model)?.data;
  const evaluations = Object.entries(e.evaluations ?? {});
  if (evaluations.length === 0) {
    throw new DataError(
      `experiment ${row.id} (${row.project}/${row.model}) has no evaluations to export`,
      "E_NOTHING_TO_EXPORT",
      `Record its results first: \`modelreg update experiment ${row.id.slice(0, 12)} --metric accuracy=0.93\`.`,
    );
  }
  const notes: string[] = [];
  const result: Record<string, unknown> = {};
  const taskType = model?.task ?? e.tags?.task;
  if (taskType !== undefined) result.task = e.tags?.task_name !== undefined ? { type: taskType, name: e.tags.task_name } : { type: taskType };
  else notes.push(`the model has no task; the Hub expects \`task: {type}\` — set it with the model's \`task\` field (e.g. text-classification)`);
  const dataset = datasetOf(e, notes);
  if (dataset) result.dataset = dataset;
  result.metrics = evaluations.map(([name, value]) => ({ type: name, value, name }));
  if (e.tags?.source_name !== undefined || e.tags?.source_url !== undefined) result.source = { name: e.tags?.source_name, url: e.tags?.source_url };
  const modelIndex = [{ name: model?.name ?? row.model, results: [result] }];
  return { text: stringifyYaml({ "model-index": modelIndex }), modelIndex, experiment: row.id, notes };
}

/** Writes the block into a card: replaces `model-index` in its front matter, or gives the card front matter. */
export function writeModelIndex(card: string, modelIndex: unknown[]): "updated" | "created" {
  if (!existsSync(card)) {
    createFileExclusive(card, `---\n${stringifyYaml({ "model-index": modelIndex })}---\n`);
    return "created";
  }
  const text = readCardText(card);
  const parts = splitCard(text);
  if (parts.yaml === null) {
    replaceFile(card, `---\n${stringifyYaml({ "model-index": modelIndex })}---\n\n${text}`);
    return "updated";
  }
  const parsed = parseFrontMatter(card, parts);
  let yaml: string;
  if (!parsed.doc || parsed.value === undefined) yaml = stringifyYaml({ "model-index": modelIndex });
  else {
    const doc = parsed.doc;
    const original = parts.yaml.replace(/\r\n/g, "\n");
    const edit: EditableFile = { file: card, doc, original, before: stringifyDocument(doc), crlf: parts.yaml.includes("\r\n") };
    doc.set("model-index", doc.createNode(modelIndex));
    yaml = render(edit).text;
  }
  replaceFile(card, parts.head + yaml + (yaml.endsWith("\n") ? "" : "\n") + parts.tail);
  return "updated";
}
