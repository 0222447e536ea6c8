// `modelreg importance <project>/<model>` (issue #17): per test-data group,
// which parameters matter for a metric — the same numbers as the site's
// Analysis panel, from scripts/lib/analysis/.
import type { Command } from "commander";
import { groupByTestData, groupParameters, type Importance, importanceFor, metricsOf } from "../lib/analysis/analysis.ts";
import { DataError, UsageError } from "../lib/core/errors.ts";
import { parseRef } from "../lib/core/ref.ts";
import { didYouMean } from "../lib/core/suggest.ts";
import { formatTable } from "../lib/core/table.ts";
import type { TestData } from "../lib/domain/comparability.ts";
import { matches, parseQuery } from "../lib/query/query.ts";
import { loadQueryRows } from "../lib/query/rows.ts";
import { readModels } from "../lib/registry/read.ts";
import { assertModelExists } from "../lib/registry/refs.ts";
import { withOptions } from "./_options.ts";

interface Flags {
  registry: string;
  metric?: string;
  where?: string;
  json?: boolean;
}

const describe = (l: TestData) =>
  l.basis === "none" ? "no test dataset" : `${l.uri ?? ""}${l.fingerprint ? ` (${l.basis} ${l.fingerprint.slice(0, 12)})` : " (not fingerprinted)"}`;
const fixed = (v: number | null, digits: number) => (v === null ? "—" : v.toFixed(digits));

function text(model: string, groups: Array<{ label: TestData; runs: number; importance: Importance; constants: Array<[string, unknown]> }>): string {
  const out: string[] = [];
  for (const g of groups) {
    const imp = g.importance;
    out.push(`${model} · test data ${describe(g.label)} · ${g.runs} run${g.runs === 1 ? "" : "s"}, ${imp.withMetric} with ${imp.metric}`);
    if (imp.reason) out.push(`  ${imp.reason}`);
    else {
      out.push(`  importance for ${imp.metric}: a random forest of ${imp.method.trees} trees trained on ${imp.method.trainedOn} runs`);
      const rows = imp.rows.map((r) => [r.key, fixed(r.importance, 3), "█".repeat(Math.round(r.importance * 20)), fixed(r.correlation, 3), r.runs]);
      out.push(formatTable(["parameter", "importance", "", "correlation", "runs"], rows, process.stdout.isTTY ? process.stdout.columns : 0).trimEnd());
    }
    if (g.constants.length) out.push(`  the same in every run: ${g.constants.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(", ")}`);
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

export function register(program: Command): void {
  withOptions(
    program
      .command("importance <model>")
      .description("which parameters matter for a metric, per test-data group: random-forest importance, correlation and run counts"),
    "registry",
    "json",
  )
    .option("--metric <name>", "the metric to explain (default: the model's primary metric)")
    .option("--where <expr>", "only runs matching a filter, as in `list experiments --where`: \"params.optimizer.name = 'adamw'\"")
    .action(async (ref: string, flags: Flags) => {
      const parsed = parseRef(ref);
      if (parsed.kind !== "model")
        throw new UsageError(`importance takes project/model, got "${ref}"`, "E_BAD_MODEL", "Write e.g. modelreg importance sweeps/xgb.");
      const { project, model } = parsed;
      assertModelExists(flags.registry, project, model);
      const query = flags.where === undefined ? undefined : parseQuery(flags.where);
      const record = readModels(flags.registry, project).rows.find((m) => m.model === model);
      const { rows } = await loadQueryRows(flags.registry, { project, model }, null);
      const runs = query ? rows.filter((r) => matches(query, r)) : rows;
      const known = metricsOf(runs);
      const metric = flags.metric ?? record?.data.primary_metric?.name ?? known[0];
      if (runs.length === 0) {
        process.stdout.write(
          flags.json ? `${JSON.stringify({ model: `${project}/${model}`, metric: metric ?? null, groups: [] }, null, 2)}\n` : "(no runs match)\n",
        );
        return;
      }
      if (metric === undefined)
        throw new DataError(
          `no run of ${project}/${model}${query ? " that matches --where" : ""} reports a metric`,
          "E_NO_METRIC",
          "Record evaluations first, or widen --where.",
        );
      if (!known.includes(metric))
        throw new DataError(
          `no run of ${project}/${model}${query ? " that matches --where" : ""} reports the metric "${metric}"`,
          "E_UNKNOWN_METRIC",
          `${didYouMean(metric, known)}Metrics: ${known.join(", ") || "(none)"}.`,
        );
      const production = record?.data.aliases?.production;
      const productionId = runs.find((r) => r.data.version === production || r.id === production?.toLowerCase())?.id;
      const groups = groupByTestData(runs, productionId).map((g) => {
        const params = groupParameters(g.runs);
        return { slug: g.slug, label: g.label, runs: g.runs.length, importance: importanceFor(g.runs, metric, params), constants: params.constants };
      });
      if (flags.json) process.stdout.write(`${JSON.stringify({ model: `${project}/${model}`, metric, groups }, null, 2)}\n`);
      else process.stdout.write(text(`${project}/${model}`, groups));
    });
}
