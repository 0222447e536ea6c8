// The human view of a record for `modelreg show`: every field, nested keys as
// dotted paths, and which aliases point at an experiment.

import { type Cell, formatTable, printable } from "../core/table.ts";
import { flatten } from "../domain/diff.ts";
import type { ExperimentRow, ModelRow, ProjectRow } from "../registry/read.ts";

function section(title: string, entries: Array<[string, unknown]>): string {
  if (entries.length === 0) return "";
  const rows: Cell[][] = entries.map(([k, v]) => [k, typeof v === "object" && v !== null ? JSON.stringify(v) : (v as Cell)]);
  const keyWidth = Math.max(...rows.map((r) => printable(r[0]).length));
  return `\n${title}\n${rows.map(([k, v]) => `  ${printable(k).padEnd(keyWidth)}  ${printable(v)}`).join("\n")}\n`;
}

export function aliasesOf(model: ModelRow | undefined, e: ExperimentRow): string[] {
  return Object.entries(model?.data.aliases ?? {})
    .filter(([, target]) => target === e.id || (e.data.version !== undefined && target === e.data.version))
    .map(([alias]) => alias);
}

export function showExperiment(e: ExperimentRow, aliases: string[]): string {
  const d = e.data;
  const head = `experiment ${e.id}  ${e.project}/${e.model}${d.version ? `@${d.version}` : ""}${aliases.length ? `  [${aliases.join(", ")}]` : ""}\n`;
  const history = Object.entries(d.history ?? {}).map(([k, points]): [string, unknown] => [
    k,
    `${points.length} points, last ${printable(points[points.length - 1]?.value)} at step ${points[points.length - 1]?.step}`,
  ]);
  return (
    head +
    section(
      "attributes",
      [
        ["created", d.created],
        ["status", d.status ?? "finished"],
        ["description", d.description],
        ["file", e.file],
      ].filter(([, v]) => v !== undefined) as Array<[string, unknown]>,
    ) +
    section("parameters", [...flatten(d.parameters)]) +
    section("datasets", [...flatten(d.datasets)]) +
    section("evaluations", Object.entries(d.evaluations ?? {})) +
    section("history", history) +
    section("artifacts", Object.entries(d.artifacts ?? {})) +
    section("code", Object.entries(d.code ?? {})) +
    section("environment", [...flatten(d.environment)]) +
    section("tags", Object.entries(d.tags ?? {})) +
    (d.source ? section("source", Object.entries(d.source)) : "")
  );
}

export function showModel(m: ModelRow, experiments: number): string {
  const d = m.data;
  return (
    `model ${m.project}/${m.model}  ${printable(d.name)}\n` +
    section(
      "attributes",
      (
        [
          ["created", d.created],
          ["task", d.task],
          ["primary metric", d.primary_metric ? `${d.primary_metric.name} (${d.primary_metric.goal})` : undefined],
          ["experiments", experiments],
          ["description", d.description],
        ] as Array<[string, unknown]>
      ).filter(([, v]) => v !== undefined),
    ) +
    section("aliases", Object.entries(d.aliases ?? {})) +
    section("tags", Object.entries(d.tags ?? {}))
  );
}

export function showProject(p: ProjectRow, models: ModelRow[]): string {
  const d = p.data;
  const list = models.length
    ? `\nmodels\n${formatTable(
        ["model", "name", "task"],
        models.map((m) => [m.model, m.data.name, m.data.task]),
      ).replace(/^/gm, "  ")}`
    : "";
  return (
    `project ${p.project}  ${printable(d.name)}\n` +
    section(
      "attributes",
      (
        [
          ["created", d.created],
          ["owners", d.owners?.join(", ")],
          ["description", d.description],
        ] as Array<[string, unknown]>
      ).filter(([, v]) => v !== undefined),
    ) +
    section("tags", Object.entries(d.tags ?? {})) +
    list
  );
}
