import type { Command } from "commander";
import { UsageError } from "../lib/errors.ts";

// Being written (issue #4): replaced by the real command.
export function register(program: Command): void {
  program.command("promote").allowUnknownOption().allowExcessArguments().action(() => {
    throw new UsageError("`modelreg promote` is not available yet", "E_TODO");
  });
}
