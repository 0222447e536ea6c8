import { type Command, InvalidArgumentError } from "commander";
import { generateRegistry } from "../lib/generate/generate.ts";

function count(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number, got "${value}".`);
    return n;
  };
}

interface GenerateFlags {
  experiments: number;
  projects?: number;
  models?: number;
  seed?: number;
  out: string;
}

export function register(program: Command): void {
  program
    .command("generate")
    .description("write a deterministic synthetic registry (for tests and benchmarks); never overwrites")
    .requiredOption("--experiments <n>", "how many experiments", count("--experiments"))
    .option("--projects <n>", "how many projects", count("--projects"))
    .option("--models <n>", "models per project", count("--models"))
    .option("--seed <n>", "random seed; the same seed gives the same files", count("--seed"))
    .requiredOption("--out <dir>", "an empty or new directory to write into")
    .action(async (flags: GenerateFlags) => {
      const s = await generateRegistry(flags);
      process.stdout.write(`wrote ${s.projects} projects, ${s.models} models and ${s.experiments} experiments (${s.files} files) to ${flags.out}\n`);
    });
}
