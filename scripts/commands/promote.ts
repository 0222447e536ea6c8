import type { Command } from "commander";
import { type PromoteResult, promote } from "../lib/write/promote.ts";
import { withOptions } from "./_options.ts";

interface PromoteFlags {
  alias: string;
  version?: string;
  remove?: boolean;
  registry: string;
  dryRun?: boolean;
  json?: boolean;
}

function formatText(r: PromoteResult, dryRun: boolean): string {
  const name = `${r.project}/${r.model}`;
  if (!r.changed) return `nothing to change: ${r.alias} of ${name} already points to ${r.after} (experiment ${r.experiment?.id})\n`;
  const lines: string[] = [];
  if (r.labelled !== undefined) lines.push(`version: (none) → ${r.labelled}  (experiment ${r.experiment?.id})`);
  if (r.before !== r.after) lines.push(`${r.alias}: ${r.before ?? "(none)"} → ${r.after ?? "(removed)"}`);
  if (r.experiment) lines.push(`  ${name}@${r.alias} ${dryRun ? "would be" : "is now"} experiment ${r.experiment.id}`);
  for (const f of r.files) lines.push(dryRun ? `  would write ${f}` : `  wrote ${f}`);
  if (dryRun) lines.push("(dry run: nothing written)");
  return `${lines.join("\n")}\n`;
}

export function register(program: Command): void {
  withOptions(
    program
      .command("promote <ref>")
      .description("point an alias of a model (production, staging, …) at one of its experiments: project/model@version|id-prefix; or delete it with --remove"),
    "registry",
    "dryRun",
    "json",
  )
    .requiredOption("--alias <name>", "the alias to move, e.g. production")
    .option("--version <label>", "also give the experiment this version label (only if it has none yet; unique within the model)")
    .option("--remove", "delete the alias instead (the reference is then project/model)")
    .action(async (ref: string, flags: PromoteFlags) => {
      const dryRun = flags.dryRun === true;
      const r = await promote({ registry: flags.registry, ref, alias: flags.alias, version: flags.version, remove: flags.remove === true, dryRun });
      if (!flags.json) {
        process.stdout.write(formatText(r, dryRun));
        return;
      }
      const json = {
        model: `${r.project}/${r.model}`,
        alias: r.alias,
        before: r.before ?? null,
        after: r.after ?? null,
        experiment: r.experiment?.id ?? null,
        labelled: r.labelled ?? null,
        changed: r.changed,
        written: dryRun ? [] : r.files,
        dryRun,
      };
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    });
}
