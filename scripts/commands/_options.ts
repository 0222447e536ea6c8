// The flags several commands share (issue #13), declared once so each reads the
// same in every command's help. A command adds them with `withOptions(cmd, …)`
// and declares only its own flags itself.
import { type Command, Option } from "commander";

/** commander's accumulator for repeatable flags (`--tag a=1 --tag b=2`); no default, so help prints none. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const SHARED = {
  registry: () => new Option("--registry <dir>", "the registry directory").default("registry"),
  json: () => new Option("--json", "print the result as JSON"),
  dryRun: () => new Option("--dry-run", "show what would be written or changed; write nothing"),
  noCache: () => new Option("--no-cache", "do not reuse or write the cache: read and check every registry file again"),
  cacheDir: () => new Option("--cache-dir <dir>", "where the cache lives (default: $MODELREG_CACHE_DIR or ~/.cache/modelreg)"),
  description: () => new Option("--description <text>", "a description for people (Markdown)"),
  metric: () => new Option("--metric <name=value>", "one evaluation, a finite number; repeatable, wins over --metrics files").argParser(collect),
  metrics: () =>
    new Option("--metrics <file>", "evaluations from a JSON or YAML file; nested maps become dotted names; repeatable, later files win").argParser(collect),
  artifact: () => new Option("--artifact <name=uri>", "where an artifact is stored, e.g. model=s3://bucket/run/model.pt; repeatable").argParser(collect),
  tag: () => new Option("--tag <key=value>", "a label, kept as text; repeatable").argParser(collect),
} satisfies Record<string, () => Option>;

export type SharedFlag = keyof typeof SHARED;

/** A shared flag, to add among a command's own (`cmd.addOption(sharedOption("noCache"))`). */
export function sharedOption(flag: SharedFlag): Option {
  return SHARED[flag]();
}

/** Adds the shared flags, in the order given. */
export function withOptions(cmd: Command, ...flags: SharedFlag[]): Command {
  for (const flag of flags) cmd.addOption(sharedOption(flag));
  return cmd;
}

/** `--format`, with the formats a command prints; the first is the default. */
export function withFormat(cmd: Command, formats: readonly string[]): Command {
  return cmd.addOption(new Option("--format <format>", "output format").choices(formats).default(formats[0]));
}
