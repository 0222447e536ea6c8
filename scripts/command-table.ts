// Every command, by name, with the one line `modelreg --help` shows and the
// module that defines it (issue #14). The CLI imports only the module of the
// command it runs, so `--help`, `--version` and a read like `show` never load
// Astro, the site code or the import readers. A test checks that each summary
// is the description its module registers.
import type { Command } from "commander";

export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<{ register(program: Command): void }>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: "add", summary: "add a project, model or experiment record (never overwrites)", load: () => import("./commands/add.ts") },
  { name: "update", summary: "change a registry record in place: merges, keeps comments and key order", load: () => import("./commands/update.ts") },
  {
    name: "promote",
    summary: "point an alias of a model (production, staging, …) at one of its experiments: project/model@version|id-prefix; or delete it with --remove",
    load: () => import("./commands/promote.ts"),
  },
  {
    name: "list",
    summary: "list projects, models or experiments; experiments take --where, --sort, --limit and --columns",
    load: () => import("./commands/list.ts"),
  },
  {
    name: "show",
    summary: "show a project, model or experiment: an id (or unique prefix), project, project/model, or project/model@version|alias",
    load: () => import("./commands/show.ts"),
  },
  {
    name: "resolve",
    summary: "what a deployment or an inference-log join needs: project/model@alias|version → experiment id, version, artifacts",
    load: () => import("./commands/resolve.ts"),
  },
  {
    name: "diff",
    summary: "parameters, datasets and metrics of two experiments side by side (only what differs, unless --all)",
    load: () => import("./commands/diff.ts"),
  },
  {
    name: "history",
    summary: "read the registry's git history: project/model → every alias change (who, when, which PR); an experiment → how its record changed",
    load: () => import("./commands/history.ts"),
  },
  {
    name: "importance",
    summary: "which parameters matter for a metric, per test-data group: random-forest importance, correlation and run counts",
    load: () => import("./commands/importance.ts"),
  },
  {
    name: "validate",
    summary: "check every registry file against its schema and the registry rules; exit 0 valid, 1 invalid, 2 usage error",
    load: () => import("./commands/validate.ts"),
  },
  {
    name: "report",
    summary: "summarise the experiments, aliases and deletions changed since the merge base with --base, for a pull request's reviewers",
    load: () => import("./commands/report.ts"),
  },
  {
    name: "init",
    summary: "scaffold a registry repository that uses modelreg: package.json, registry/, GitHub workflows, README, CODEOWNERS",
    load: () => import("./commands/init.ts"),
  },
  {
    name: "generate",
    summary: "write a deterministic synthetic registry (for tests and benchmarks); never overwrites",
    load: () => import("./commands/generate.ts"),
  },
  { name: "site", summary: "build, preview or live-edit the registry's website", load: () => import("./commands/site.ts") },
  {
    name: "import",
    summary: "bring history in from MLflow, W&B, DVC or a Hugging Face model card (idempotent: re-running adds nothing new)",
    load: () => import("./commands/import.ts"),
  },
  { name: "export", summary: "export records in other tools' formats", load: () => import("./commands/export.ts") },
];
