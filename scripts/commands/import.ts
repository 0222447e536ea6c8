// `modelreg import mlflow|wandb|dvc|hf` (issue #9, #18): parse flags, call the importer
// in scripts/lib/import/, print what was created and skipped (text or JSON).
import type { Command } from "commander";
import { UsageError } from "../lib/core/errors.ts";
import { importDvc } from "../lib/import/dvc/index.ts";
import { importHf } from "../lib/import/hf/index.ts";
import { importMlflow } from "../lib/import/mlflow/index.ts";
import { parseModelFrom } from "../lib/import/mlflow/map.ts";
import type { ImportResult } from "../lib/import/plan.ts";
import { formatImport, importJson } from "../lib/import/report.ts";
import { importWandb } from "../lib/import/wandb/index.ts";
import { sharedOption } from "./_options.ts";

interface CommonFlags {
  project: string;
  projectName?: string;
  registry: string;
  dryRun?: boolean;
  keepGoing?: boolean;
  format: string;
}

function withCommonFlags(cmd: Command): Command {
  return cmd
    .requiredOption("--project <slug>", "the project to import into (created when missing)")
    .option("--project-name <name>", "display name for a project the import creates (default: its slug)")
    .addOption(sharedOption("registry"))
    .addOption(sharedOption("dryRun"))
    .option(
      "--keep-going",
      "skip source files that cannot be read and records that would not validate, and import the rest (default: any problem imports nothing)",
    )
    .option("--format <format>", "text or json", "text");
}

async function run(flags: CommonFlags, importer: () => Promise<ImportResult>): Promise<void> {
  if (flags.format !== "text" && flags.format !== "json") {
    throw new UsageError(`--format "${flags.format}" is not one of text, json`, "E_BAD_FLAG", "Write `--format text` (the default) or `--format json`.");
  }
  const r = await importer();
  process.stdout.write(flags.format === "json" ? importJson(r, flags.registry) : formatImport(r, flags.registry));
}

interface DvcFlags extends CommonFlags {
  model?: string;
  expShow?: string;
}

interface HfFlags extends CommonFlags {
  model?: string;
}

interface MlflowFlags extends CommonFlags {
  modelFrom: string;
  includeDeleted?: boolean;
}

export function register(program: Command): void {
  const imp = program
    .command("import")
    .description("bring history in from MLflow, W&B, DVC or a Hugging Face model card (idempotent: re-running adds nothing new)");

  withCommonFlags(
    imp
      .command("mlflow <store>")
      .description(
        "import an MLflow store — the file store (an mlruns directory) or the SQLite store (mlflow.db or sqlite:///path): runs, params, metrics and their history, tags, dataset inputs, artifacts, the model registry's versions and aliases",
      ),
  )
    .option(
      "--model-from <source>",
      "which model a run belongs to: `experiment` (its MLflow experiment) or `tag:KEY` (the value of that run tag)",
      "experiment",
    )
    .option("--include-deleted", "import deleted runs and experiments too")
    .action(async (store: string, f: MlflowFlags) => {
      await run(f, () => importMlflow({ ...f, store, modelFrom: parseModelFrom(f.modelFrom), includeDeleted: f.includeDeleted === true }));
    });

  withCommonFlags(
    imp
      .command("wandb <dir>")
      .description(
        "import W&B run directories (one run-*/offline-run-* directory or the wandb/ folder): config → parameters, summary → evaluations, metadata → code and environment, history",
      ),
  )
    .option("--model <slug>", "the model to import into (default: the W&B project, else the folder that holds wandb/)")
    .action(async (dir: string, f: HfFlags) => {
      await run(f, () => importWandb({ ...f, dir }));
    });

  withCommonFlags(
    imp
      .command("hf <model-card>")
      .description("import the results in a Hugging Face model card's `model-index` front matter: a model, and an experiment per dataset"),
  )
    .option("--model <slug>", "the model to import into (default: the slug of the model-index name)")
    .action(async (card: string, f: HfFlags) => {
      await run(f, () => importHf({ ...f, card }));
    });

  withCommonFlags(
    imp
      .command("dvc <repo-dir>")
      .description(
        "import a DVC project: params.yaml, the metrics files dvc.yaml names, dvc.lock hashes as dataset fingerprints (md5), the git commit; or `dvc exp show --json` output",
      ),
  )
    .option("--model <slug>", "the model to import into (created when missing; default: the slug of the directory's name)")
    .option("--exp-show <file>", "import every commit and experiment in this `dvc exp show --json` output instead of the files as they are")
    .action(async (repo: string, f: DvcFlags) => {
      await run(f, () => importDvc({ ...f, repo }));
    });
}
