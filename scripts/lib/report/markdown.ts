// The report as GitHub-flavoured Markdown for a pull request's job summary:
// one summary line, alias changes, a table per model (folded into <details>
// when the change is large), deleted files, then the validation problems.
import { plural } from "../core/format.ts";
import { comparison, metricName, parameterList, problemCell, runName, signed, value, verdict } from "./cells.ts";
import { code, html, md } from "./escape.ts";
import type { AliasEntry, ExperimentEntry, ModelEntry, ReportData } from "./types.ts";

/** More experiments than this and each model's table folds into a <details> block. */
export const FOLD_ABOVE = 10;
const MAX_ROWS_PER_MODEL = 200;
const MAX_PROBLEMS = 100;

function headline(r: ReportData): string {
  const c = r.counts;
  const parts = [
    c.added ? `${plural(c.added, "experiment")} added` : "",
    c.modified ? `${plural(c.modified, "experiment")} changed` : "",
    c.deleted ? `${plural(c.deleted, "file")} deleted` : "",
    c.aliasChanges ? plural(c.aliasChanges, "alias change") : "",
    r.projects.length ? `${plural(r.projects.length, "project file")} added or changed` : "",
  ].filter(Boolean);
  const what = parts.length ? `**${parts.join(", ")}**${c.models ? ` in ${plural(c.models, "model")}` : ""}` : "**No registry changes**";
  const health = c.errors ? `❌ ${plural(c.errors, "validation error")}` : "✅ no validation errors";
  return `${what} · ${health}${c.warnings ? `, ⚠️ ${plural(c.warnings, "warning")}` : ""}`;
}

function modelTitle(m: ModelEntry): string {
  return `**${md(m.name)}** (${code(`${m.project}/${m.model}`)})${m.new ? " 🆕 new model" : ""}`;
}

function aliasLine(m: ModelEntry, a: AliasEntry): string {
  const metric = m.metric ? md(m.metric.name) : "";
  const change = a.to && m.metric ? `: ${metric} ${value(a.from?.value)} → ${value(a.to.value)}${verdict(a) ? ` (${verdict(a)})` : ""}` : "";
  const target = (run: AliasEntry["to"], raw: string | undefined) => (run ? `**${runName(run)}**` : `**${md(raw ?? "")}** (not found)`);
  if (a.toTarget === undefined) return `- ${modelTitle(m)}: removes **${md(a.alias)}** (was ${target(a.from, a.fromTarget)})`;
  const was = a.fromTarget === undefined ? "" : ` (was ${target(a.from, a.fromTarget)})`;
  const verb = a.alias === "production" ? "promotes" : "moves";
  return `- ${modelTitle(m)}: ${verb} ${target(a.to, a.toTarget)} to **${md(a.alias)}**${was}${change}`;
}

/** Problems first, then best first by the primary metric. */
function ordered(m: ModelEntry): ExperimentEntry[] {
  const sign = m.metric?.goal === "minimize" ? 1 : -1;
  const key = (e: ExperimentEntry) => (e.value === undefined ? Number.MAX_VALUE : sign * e.value);
  return [...m.experiments].sort((a, b) => b.errors - a.errors || key(a) - key(b));
}

function best(m: ModelEntry): ExperimentEntry | undefined {
  return ordered(m).find((e) => e.errors === 0 && e.value !== undefined);
}

function summaryTable(r: ReportData): string[] {
  const rows = r.models.map((m) => {
    const top = best(m);
    const errors = m.experiments.reduce((n, e) => n + e.errors, 0);
    const warnings = m.experiments.reduce((n, e) => n + e.warnings, 0);
    const added = m.experiments.filter((e) => e.status === "added").length;
    return `| ${modelTitle(m)} | ${added} | ${m.experiments.length - added} | ${metricName(m.metric)} | ${top ? `${value(top.value)} (${runName(top)})` : "—"} | ${top ? comparison(top.production) : "—"} | ${top ? comparison(top.bestComparable) : "—"} | ${problemCell(errors, warnings)} |`;
  });
  return [
    "| model | added | changed | primary metric | best in this change | vs production | vs best comparable run | problems |",
    "| --- | ---: | ---: | --- | --- | --- | --- | --- |",
    ...rows,
  ];
}

function experimentTable(m: ModelEntry): string[] {
  const rows = ordered(m);
  const head = [
    `| experiment | version | ${metricName(m.metric)} | vs production | vs best comparable run | parameters ≠ production | problems |`,
    "| --- | --- | ---: | --- | --- | --- | --- |",
  ];
  const body = rows.slice(0, MAX_ROWS_PER_MODEL).map((e) => {
    const was = e.previous ? `<br>was ${value(e.previous.run.value)}${e.previous.delta !== undefined ? ` (${signed(e.previous.delta)})` : ""}` : "";
    const status = e.status === "added" ? "" : " ✏️";
    const metric = e.readable ? `${value(e.value)}${was}` : "unreadable";
    return `| ${code(e.id)}${status} | ${e.version === undefined ? "—" : md(e.version)} | ${metric} | ${comparison(e.production)} | ${comparison(e.bestComparable)} | ${parameterList(e.parameters)} | ${problemCell(e.errors, e.warnings)} |`;
  });
  const more =
    rows.length > MAX_ROWS_PER_MODEL
      ? ["", `… and ${plural(rows.length - MAX_ROWS_PER_MODEL, "more experiment")}: \`modelreg report --format json\` lists every one.`]
      : [];
  return [...head, ...body, ...more];
}

function modelSection(m: ModelEntry, fold: boolean): string[] {
  const production = m.production ? `production is ${runName(m.production)} (${value(m.production.value)})` : "no production run before this change";
  const title = `${plural(m.experiments.length, "experiment")}, ${production}`;
  if (!fold) return [`#### ${modelTitle(m)}`, "", `${title}.`, "", ...experimentTable(m), ""];
  const summary = `${html(m.name)} (${html(`${m.project}/${m.model}`)}): ${plural(m.experiments.length, "experiment")}`;
  return ["<details>", `<summary>${summary}</summary>`, "", `${title}.`, "", ...experimentTable(m), "", "</details>", ""];
}

export function formatMarkdown(r: ReportData): string {
  const head = r.head.ref === null ? "the working tree" : `${code(r.head.ref)} at ${code(r.head.commit.slice(0, 12))}`;
  const out = [
    "## modelreg report",
    "",
    headline(r),
    "",
    `Compared with ${code(r.base.ref)} at ${code(r.base.commit.slice(0, 12))} (the merge base) · head: ${head}.`,
    "",
  ];
  const aliases = r.models.flatMap((m) => m.aliases.map((a) => aliasLine(m, a)));
  if (aliases.length) out.push("### Alias changes", "", ...aliases, "");
  const withRuns = r.models.filter((m) => m.experiments.length > 0);
  if (withRuns.length) {
    const fold = r.counts.added + r.counts.modified > FOLD_ABOVE;
    out.push("### Summary", "", ...summaryTable({ ...r, models: withRuns }), "", "### Experiments", "");
    for (const m of withRuns) out.push(...modelSection(m, fold));
  }
  if (r.projects.length) out.push("### Projects", "", ...r.projects.map((p) => `- ${code(p.project)}${p.name ? ` (${md(p.name)})` : ""}: ${p.status}`), "");
  if (r.deleted.length) {
    out.push("### Deleted", "");
    for (const d of r.deleted) {
      const what = d.kind === "experiment" && d.id !== undefined ? `experiment ${code(d.id)}${d.version !== undefined ? ` (v${md(d.version)})` : ""}` : d.kind;
      const held = d.aliases.length ? ` — ⚠️ it was ${d.aliases.map((a) => `**${md(a)}**`).join(", ")}` : "";
      out.push(`- ${what} of ${code(d.model ? `${d.project}/${d.model}` : d.project)}: ${code(d.file)}${held}`);
    }
    out.push("");
  }
  if (r.problems.length) {
    out.push("### Validation problems", "");
    for (const d of r.problems.slice(0, MAX_PROBLEMS)) {
      out.push(`- ${d.severity === "error" ? "❌" : "⚠️"} ${code(`${d.file}:${d.line}:${d.col}`)} ${md(d.message)} (${code(d.rule)})<br>hint: ${md(d.hint)}`);
    }
    if (r.problems.length > MAX_PROBLEMS)
      out.push(`- … and ${plural(r.problems.length - MAX_PROBLEMS, "more problem")}: \`modelreg validate --changed-since BASE\` lists every one.`);
    out.push("");
  }
  return out.join("\n");
}
