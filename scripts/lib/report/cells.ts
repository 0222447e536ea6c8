// How the report's values read in Markdown: runs by version or short id,
// numbers as the site shows them, a comparison with its better/worse mark.
import { formatNumber, formatValue } from "../core/format.ts";
import { code, md } from "./escape.ts";
import type { Comparison, MetricRef, RunRef } from "./types.ts";

const MARK = { better: "🟢", worse: "🔴", same: "⚪" } as const;
const MAX_PARAMETERS = 5;

/** `v1.4.0` or a short id: what people call a run. */
export function runName(run: Pick<RunRef, "id" | "version">): string {
  return run.version !== undefined ? `v${md(run.version)}` : code(run.id.slice(0, 10));
}

export function value(v: number | undefined): string {
  return v === undefined ? "—" : formatNumber(v);
}

export function signed(d: number): string {
  return d === 0 ? "±0" : d > 0 ? `+${formatNumber(d)}` : `−${formatNumber(-d)}`;
}

/** `🟢 +0.022 better` (the mark follows the metric's goal, not the sign). */
export function verdict(c: Pick<Comparison, "delta" | "verdict">): string {
  return c.verdict === undefined || c.delta === undefined ? "" : `${MARK[c.verdict]} ${signed(c.delta)} ${c.verdict}`;
}

/** A comparison cell: the mark, then the other run and its value. */
export function comparison(c: Comparison | undefined): string {
  if (!c) return "—";
  const mark = verdict(c);
  return `${mark ? `${mark} ` : ""}(${runName(c.run)}: ${value(c.run.value)})`;
}

export function metricName(metric: MetricRef | undefined): string {
  if (!metric) return "no metric";
  return `${md(metric.name)} ${metric.goal === "maximize" ? "↑" : "↓"}${metric.inferred ? " (most reported)" : ""}`;
}

export function parameterList(changes: Array<{ key: string; production: unknown; value: unknown }>): string {
  if (changes.length === 0) return "—";
  const shown = changes.slice(0, MAX_PARAMETERS).map((c) => `${md(c.key)}: ${md(formatValue(c.production) || "∅")} → ${md(formatValue(c.value) || "∅")}`);
  return shown.join("<br>") + (changes.length > MAX_PARAMETERS ? `<br>… ${changes.length - MAX_PARAMETERS} more` : "");
}

export function problemCell(errors: number, warnings: number): string {
  const parts = [errors ? `❌ ${errors}` : "", warnings ? `⚠️ ${warnings}` : ""].filter(Boolean);
  return parts.join(" ") || "—";
}
