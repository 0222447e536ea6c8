// The one place that catches: commands throw typed errors (core/errors.ts); this
// file maps them to messages and exit codes. Only internal errors show a stack.
// Start-up is lazy (issue #14): only the module of the command being run is
// imported; the others appear in `--help` by their name and summary alone.
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { COMMANDS } from "./command-table.ts";
import { EXIT, ModelregError } from "./lib/core/errors.ts";
import { printable } from "./lib/core/table.ts";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

const program = new Command("modelreg")
  .description("a model and experiment registry that lives in a Git repository")
  .version(version)
  .showHelpAfterError("(run with --help for usage)")
  // `add experiment --version 1.4.0` and `promote --version` must reach the
  // subcommand, not print modelreg's own version: program options only before it.
  .enablePositionalOptions()
  .exitOverride();

/** The command argv names: `modelreg <name> …`, or `modelreg help <name>`. */
function commandNamed(argv: string[]): string | undefined {
  const [first, second] = argv.slice(2);
  return first === "help" ? second : first;
}

async function registerCommands(argv: string[]): Promise<void> {
  const wanted = commandNamed(argv);
  for (const entry of COMMANDS) {
    if (entry.name === wanted) (await entry.load()).register(program);
    else program.command(entry.name).description(entry.summary);
  }
  for (const cmd of program.commands) cmd.exitOverride();
}

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
  await registerCommands(process.argv);
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = fail(err);
}
