import type { Command } from "commander";
import { UsageError } from "../lib/core/errors.ts";
import { parseRef } from "../lib/core/ref.ts";
import { type Cell, formatCsv, formatTable } from "../lib/core/table.ts";
import { type ListOptions, listExperimentRows, parseLimit } from "../lib/query/list.ts";
import { readModels, readProjects } from "../lib/registry/read.ts";
import { assertModelExists, listExperiments } from "../lib/registry/refs.ts";
import { withFormat, withOptions } from "./_options.ts";

interface ListFlags extends ListOptions {
  name?: string;
  projectName?: string;
  format: "table" | "json" | "csv";
  json?: boolean;
}

function print(headers: string[], rows: Cell[][], objects: unknown[], format: ListFlags["format"]): void {
  if (format === "json") process.stdout.write(`${JSON.stringify(objects, null, 2)}\n`);
  else if (format === "csv") process.stdout.write(formatCsv(headers, rows));
  else process.stdout.write(rows.length ? formatTable(headers, rows, process.stdout.isTTY ? process.stdout.columns : 0) : "(nothing matches)\n");
}

/** `--model` takes `project/model`; `--project` a project slug. */
function scopeOf(flags: ListFlags): { project?: string; model?: string } {
  if (flags.model) {
    const ref = parseRef(flags.model);
    if (ref.kind !== "model")
      throw new UsageError(`--model takes project/model, got "${flags.model}"`, "E_BAD_MODEL", "Write e.g. --model animal-image-classification/resnet50.");
    assertModelExists(flags.registry, ref.project, ref.model);
    return { project: ref.project, model: ref.model };
  }
  if (flags.project) assertModelExists(flags.registry, flags.project);
  return { project: flags.project };
}

export function register(program: Command): void {
  withFormat(
    withOptions(
      program.command("list <what>").description("list projects, models or experiments; experiments take --where, --sort, --limit and --columns"),
      "registry",
      "json",
    ),
    ["table", "json", "csv"],
  )
    .option("--project <slug>", "only this project")
    .option("--model <project/model>", "only this model")
    .option("--name <name>", "projects or models with this display name (exact)")
    .option("--project-name <name>", "models of the project with this display name (exact)")
    .option("--where <expr>", "filter experiments, as MLflow's search_runs: \"metrics.accuracy > 0.9 and params.optimizer.name = 'adamw'\"")
    .option("--sort <key...>", "sort by a key, then `asc` or `desc` (repeatable): --sort metrics.accuracy desc")
    .option("--limit <n>", "show at most n rows")
    .option("--columns <keys>", "comma-separated keys to show, e.g. attributes.id,metrics.accuracy,params.optimizer.lr")
    .action(async (what: string, flags: ListFlags) => {
      const format = flags.json ? "json" : flags.format;
      const scope = scopeOf(flags);
      if (what !== "experiments") {
        const unused = (["where", "sort", "columns"] as const).filter((f) => flags[f] !== undefined);
        if (unused.length)
          throw new UsageError(`--${unused[0]} works with \`list experiments\` only`, "E_BAD_FLAG", `Drop --${unused[0]}, or list experiments.`);
      }
      const limit = flags.limit === undefined ? undefined : parseLimit(flags.limit);
      if (what === "projects") {
        const rows = readProjects(flags.registry)
          .rows.filter((p) => (flags.name === undefined || p.data.name === flags.name) && (scope.project === undefined || p.project === scope.project))
          .slice(0, limit);
        const experiments = listExperiments(flags.registry);
        const counts = rows.map((p) => [readModels(flags.registry, p.project).rows.length, experiments.filter((e) => e.project === p.project).length]);
        print(
          ["project", "name", "models", "experiments", "created"],
          rows.map((p, i) => [p.project, p.data.name, counts[i][0], counts[i][1], p.data.created.slice(0, 10)]),
          rows.map((p, i) => ({ project: p.project, ...p.data, models: counts[i][0], experiments: counts[i][1] })),
          format,
        );
      } else if (what === "models") {
        const projectNamed =
          flags.projectName === undefined
            ? undefined
            : new Set(
                readProjects(flags.registry)
                  .rows.filter((p) => p.data.name === flags.projectName)
                  .map((p) => p.project),
              );
        const rows = readModels(flags.registry, scope.project)
          .rows.filter(
            (m) =>
              (flags.name === undefined || m.data.name === flags.name) &&
              (projectNamed === undefined || projectNamed.has(m.project)) &&
              (scope.model === undefined || m.model === scope.model),
          )
          .slice(0, limit);
        const count = (p: string, m: string) => listExperiments(flags.registry, { project: p, model: m }).length;
        print(
          ["model", "name", "task", "primary metric", "experiments", "production", "staging"],
          rows.map((m) => [
            `${m.project}/${m.model}`,
            m.data.name,
            m.data.task,
            m.data.primary_metric ? `${m.data.primary_metric.name} (${m.data.primary_metric.goal === "maximize" ? "↑" : "↓"})` : undefined,
            count(m.project, m.model),
            m.data.aliases?.production,
            m.data.aliases?.staging,
          ]),
          rows.map((m) => ({ project: m.project, model: m.model, ...m.data, experiments: count(m.project, m.model) })),
          format,
        );
      } else if (what === "experiments") {
        const { headers, rows, objects } = await listExperimentRows({ ...flags, ...scope });
        print(headers, rows, objects, format);
      } else {
        throw new UsageError(`cannot list "${what}"`, "E_BAD_LIST", "List `projects`, `models` or `experiments`.");
      }
    });
}
