import { type Command, Option } from "commander";
import { EXIT } from "../lib/core/errors.ts";
import { type DiagnosticFormat, formatReport } from "../lib/validate/format-diagnostics.ts";
import { validateRegistry } from "../lib/validate/validate.ts";

interface ValidateFlags {
  registry: string;
  format: DiagnosticFormat;
  changedSince?: string;
  cache: boolean;
  cacheDir?: string;
}

export function register(program: Command): void {
  program
    .command("validate")
    .description("check every registry file against its schema and the registry rules; exit 0 valid, 1 invalid, 2 usage error")
    .option("--registry <dir>", "the registry directory", "registry")
    .addOption(new Option("--format <format>", "how to print problems").choices(["text", "github", "json"]).default("text"))
    .option("--changed-since <ref>", "check only files changed since the merge base with this git ref (plus the registry-wide rules they affect)")
    .option("--no-cache", "ignore and do not write the validation cache")
    .option("--cache-dir <dir>", "where the validation cache lives (default: $MODELREG_CACHE_DIR or ~/.cache/modelreg)")
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
