import type { Command } from "commander";
import { collectMetrics, collectPairs } from "../lib/inputs/inputs.ts";
import { showValue, type UpdateResult, updateExperiment } from "../lib/write/update.ts";
import { sharedOption } from "./_options.ts";

interface UpdateFlags {
  registry: string;
  metric?: string[];
  metrics?: string[];
  artifact?: string[];
  tag?: string[];
  description?: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

function formatText(r: UpdateResult, dryRun: boolean): string {
  const where = `${r.experiment.id} (${r.experiment.project}/${r.experiment.model})`;
  if (r.changes.length === 0) return `nothing to change: experiment ${where} already has these values\n`;
  const lines = [`${dryRun ? "would update" : "updated"} experiment ${where}`];
  for (const c of r.changes) {
    lines.push(c.before === undefined ? `  + ${c.path}: ${showValue(c.after)}` : `  ~ ${c.path}: ${showValue(c.before)} → ${showValue(c.after)}`);
  }
  lines.push(dryRun ? "(dry run: nothing written)" : `wrote ${r.path}`);
  if (r.reformatted) lines.push("note: the yaml package re-formatted some other lines of this hand-written file; the data in them is unchanged.");
  return `${lines.join("\n")}\n`;
}

export function register(program: Command): void {
  const update = program.command("update").description("change a registry record in place: merges, keeps comments and key order");
  update
    .command("experiment <ref>")
    .description("merge evaluations, artifacts, tags or a description into an experiment (an id, a unique id prefix, or project/model@version|alias)")
    .addOption(sharedOption("registry"))
    .addOption(sharedOption("metric"))
    .addOption(sharedOption("metrics"))
    .addOption(sharedOption("artifact"))
    .addOption(sharedOption("tag"))
    .addOption(sharedOption("description"))
    .option("--force", "replace values that are already recorded with different ones")
    .addOption(sharedOption("dryRun"))
    .addOption(sharedOption("json"))
    .action(async (ref: string, flags: UpdateFlags) => {
      const result = await updateExperiment({
        registry: flags.registry,
        ref,
        update: {
          evaluations: collectMetrics(flags.metrics ?? [], flags.metric ?? []),
          artifacts: collectPairs("--artifact", flags.artifact ?? [], "model=s3://bucket/run/model.pt"),
          tags: collectPairs("--tag", flags.tag ?? [], "ticket=ML-1234"),
          description: flags.description,
        },
        force: flags.force === true,
        dryRun: flags.dryRun === true,
      });
      if (flags.json) {
        const { experiment, path, changes, written, reformatted } = result;
        process.stdout.write(
          `${JSON.stringify(
            {
              ...experiment,
              file: path,
              changes: changes.map((c) => ({ ...c, before: c.before ?? null })),
              written,
              dryRun: flags.dryRun === true,
              reformatted,
            },
            null,
            2,
          )}\n`,
        );
      } else {
        process.stdout.write(formatText(result, flags.dryRun === true));
      }
    });
}
