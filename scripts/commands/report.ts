// `modelreg report` (issue #8): what a reviewer needs about a pull request's
// registry changes, as Markdown for the job summary or JSON for tools.
import { type Command, Option } from "commander";
import { collectReport } from "../lib/report/collect.ts";
import { formatMarkdown } from "../lib/report/markdown.ts";

interface ReportFlags {
  base: string;
  head?: string;
  format: "markdown" | "json";
  registry: string;
}

export function register(program: Command): void {
  program
    .command("report")
    .description("summarise the experiments, aliases and deletions changed since the merge base with --base, for a pull request's reviewers")
    .requiredOption("--base <ref>", "compare from the merge base of this ref (e.g. origin/main)")
    .option("--head <ref>", "report on this commit instead of the working tree")
    .addOption(new Option("--format <format>", "output format").choices(["markdown", "json"]).default("markdown"))
    .option("--registry <dir>", "the registry directory", "registry")
    .action(async (flags: ReportFlags) => {
      const report = await collectReport({ registry: flags.registry, base: flags.base, head: flags.head });
      process.stdout.write(flags.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : formatMarkdown(report));
    });
}
