import type { Command } from "commander";
import { EXIT } from "../lib/core/errors.ts";
import { type DiagnosticFormat, formatReport } from "../lib/rules/format-diagnostics.ts";
import { validateRegistry } from "../lib/validate/validate.ts";
import { sharedOption, withFormat, withOptions } from "./_options.ts";

interface ValidateFlags {
  registry: string;
  format: DiagnosticFormat;
  changedSince?: string;
  cache: boolean;
  cacheDir?: string;
}

export function register(program: Command): void {
  const cmd = program
    .command("validate")
    .description("check every registry file against its schema and the registry rules; exit 0 valid, 1 invalid, 2 usage error");
  withFormat(withOptions(cmd, "registry"), ["text", "github", "json"])
    .option("--changed-since <ref>", "check only files changed since the merge base with this git ref (plus the registry-wide rules they affect)")
    .addOption(sharedOption("noCache"))
    .addOption(sharedOption("cacheDir"))
    .action(async (flags: ValidateFlags) => {
      const result = await validateRegistry({
        registry: flags.registry,
        changedSince: flags.changedSince,
        cacheDir: flags.cache ? flags.cacheDir : false,
      });
      const color = flags.format === "text" && process.stdout.isTTY === true && !process.env.NO_COLOR;
      process.stdout.write(formatReport({ ...result, registry: flags.registry }, flags.format, color));
      process.exitCode = result.valid ? EXIT.ok : EXIT.invalid;
    });
}
