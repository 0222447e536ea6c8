// The one place that catches: commands throw typed errors (core/errors.ts); this
// file maps them to messages and exit codes. Only internal errors show a stack.
import { Command, CommanderError } from "commander";
import { register as add } from "./commands/add.ts";
import { register as diff } from "./commands/diff.ts";
import { register as exporter } from "./commands/export.ts";
import { register as generate } from "./commands/generate.ts";
import { register as importer } from "./commands/import.ts";
import { register as init } from "./commands/init.ts";
import { register as list } from "./commands/list.ts";
import { register as promote } from "./commands/promote.ts";
import { register as report } from "./commands/report.ts";
import { register as resolve } from "./commands/resolve.ts";
import { register as show } from "./commands/show.ts";
import { register as site } from "./commands/site.ts";
import { register as update } from "./commands/update.ts";
import { register as validate } from "./commands/validate.ts";
import { EXIT, ModelregError } from "./lib/core/errors.ts";
import { printable } from "./lib/core/table.ts";

const program = new Command("modelreg")
  .description("a model and experiment registry that lives in a Git repository")
  .version("0.1.0")
  .showHelpAfterError("(run with --help for usage)")
  // `add experiment --version 1.4.0` and `promote --version` must reach the
  // subcommand, not print modelreg's own version: program options only before it.
  .enablePositionalOptions()
  .exitOverride();

for (const register of [add, update, promote, list, show, resolve, diff, validate, report, init, generate, site, importer, exporter]) register(program);
for (const cmd of program.commands) cmd.exitOverride();

function fail(err: unknown): number {
  if (err instanceof CommanderError) {
    // commander has already printed its message.
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof ModelregError) {
    // Messages echo data (names, values), which must never drive the terminal.
    const safe = (s: string) => s.split("\n").map(printable).join("\n");
    process.stderr.write(`modelreg: ${safe(err.message)}\n${err.hint ? `  hint: ${safe(err.hint)}\n` : ""}`);
    return (err as ModelregError & { exitCode?: number }).exitCode ?? EXIT.invalid;
  }
  process.stderr.write(`modelreg: internal error — this is a bug; please report it with the command you ran.\n${(err as Error)?.stack ?? String(err)}\n`);
  return EXIT.internal;
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = fail(err);
}
