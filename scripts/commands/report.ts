// `modelreg report` (issue #8): what a reviewer needs about a pull request's
// registry changes, as Markdown for the job summary or JSON for tools.
import type { Command } from "commander";
import { collectReport } from "../lib/report/collect.ts";
import { formatMarkdown } from "../lib/report/markdown.ts";
import { withFormat, withOptions } from "./_options.ts";

interface ReportFlags {
  base: string;
  head?: string;
  format: "markdown" | "json";
  registry: string;
}

export function register(program: Command): void {
  withFormat(
    withOptions(
      program
        .command("report")
        .description("summarise the experiments, aliases and deletions changed since the merge base with --base, for a pull request's reviewers"),
      "registry",
    ),
    ["markdown", "json"],
  )
    .requiredOption("--base <ref>", "compare from the merge base of this ref (e.g. origin/main)")
    .option("--head <ref>", "report on this commit instead of the working tree")
    .action(async (flags: ReportFlags) => {
      const report = await collectReport({ registry: flags.registry, base: flags.base, head: flags.head });
      process.stdout.write(flags.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : formatMarkdown(report));
    });
}
