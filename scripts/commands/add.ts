// `modelreg add project|model|experiment` (issue #4): parse flags, call
// scripts/lib/write/add.ts, print the id and path (or the YAML, or JSON).

import { join } from "node:path";
import type { Command } from "commander";
import { nextCommands } from "../lib/git/git-branch.ts";
import { type AddResult, addExperiment, addModel, addProject } from "../lib/write/add.ts";
import { collect, sharedOption, withOptions } from "./_options.ts";

interface CommonFlags {
  registry: string;
  dryRun?: boolean;
  json?: boolean;
  gitBranch?: string;
}

function withCommonFlags(cmd: Command): Command {
  return withOptions(cmd, "registry", "dryRun", "json").option(
    "--git-branch <name>",
    "commit only the new file on this new branch (working tree, index and current branch untouched) and print the push / pull-request commands",
  );
}

function report(r: AddResult, flags: CommonFlags): void {
  const path = r.branch ? r.branch.repoPath : join(flags.registry, r.file);
  for (const note of r.notes) process.stderr.write(`note: ${note}\n`);
  for (const w of r.warnings) process.stderr.write(`warning: ${w.path || r.file}: ${w.message}\n  hint: ${w.hint}\n`);
  const next = r.branch ? nextCommands(r.branch, r.title, `Recorded with \`modelreg add ${r.kind}\`.`) : [];
  if (flags.json) {
    const branch = r.branch && { name: r.branch.branch, commit: r.branch.commit, next };
    process.stdout.write(`${JSON.stringify({ kind: r.kind, id: r.id, short: r.short, path, written: r.written, branch, record: r.record }, null, 2)}\n`);
    return;
  }
  if (!r.written) {
    process.stdout.write(r.text);
    process.stderr.write(`dry run: would write ${path}; nothing was written\n`);
  } else if (r.branch) {
    process.stdout.write(
      `committed ${r.kind} ${r.short}  ${path}  on the new branch ${r.branch.branch} (${r.branch.commit.slice(0, 10)}); your working tree, index and current branch are unchanged\nnext:\n${next.map((c) => `  ${c}\n`).join("")}`,
    );
  } else {
    process.stdout.write(`added ${r.kind} ${r.short}  ${path}\n`);
  }
}

interface ProjectFlags extends CommonFlags {
  name: string;
  description?: string;
  owner?: string[];
}

interface ModelFlags extends CommonFlags {
  name: string;
  task?: string;
  primaryMetric?: string;
  description?: string;
}

interface ExperimentFlags extends CommonFlags {
  version?: string;
  params?: string[];
  param?: string[];
  metrics?: string[];
  metric?: string[];
  history?: string[];
  train?: string;
  trainSha256?: string;
  val?: string;
  valSha256?: string;
  test?: string;
  testSha256?: string;
  artifact?: string[];
  tag?: string[];
  description?: string;
  codeDir?: string;
}

export function register(program: Command): void {
  const add = program.command("add").description("add a project, model or experiment record (never overwrites)");

  withCommonFlags(add.command("project <slug>").description("add registry/<slug>/project.yaml"))
    .requiredOption("--name <name>", "display name (any Unicode)")
    .addOption(sharedOption("description"))
    .option("--owner <owner>", "an owner, e.g. @alice or a team (repeatable)", collect)
    .action(async (slug: string, f: ProjectFlags) => {
      report(await addProject({ ...f, slug, owners: f.owner }), f);
    });

  withCommonFlags(add.command("model <project/model>").description("add registry/<project>/models/<model>/model.yaml"))
    .requiredOption("--name <name>", "display name (any Unicode)")
    .option("--task <task>", "e.g. image-classification")
    .option("--primary-metric <name:goal>", "the metric leaderboards rank by, e.g. accuracy:maximize or rmse:minimize")
    .addOption(sharedOption("description"))
    .action(async (ref: string, f: ModelFlags) => {
      report(await addModel({ ...f, ref }), f);
    });

  withCommonFlags(add.command("experiment <project/model>").description("record a training run as registry/<project>/models/<model>/experiments/<id>.yaml"))
    .option("--version <label>", "a release label unique within the model, e.g. 1.4.0 (never auto-numbered)")
    .option("--params <file>", "parameters from a JSON or YAML file (DVC params.yaml, Hydra config, argparse dump); repeatable, later files win", collect)
    .option("--param <key.sub=value>", 'one parameter, value typed as YAML (0.001, true, [224,224,3], "1.10"); repeatable, wins over files', collect)
    .addOption(sharedOption("metrics"))
    .addOption(sharedOption("metric"))
    .option("--history <file>", "training curves from a CSV with a step or epoch column (Keras / Lightning CSVLogger); repeatable", collect)
    .option("--train <uri>", "training data: a local file or directory (fingerprinted with sha256) or a remote URI")
    .option("--train-sha256 <hex>", "the training data's sha256, for remote data (checked against local data)")
    .option("--val <uri>", "validation data, as --train")
    .option("--val-sha256 <hex>", "the validation data's sha256")
    .option("--test <uri>", "test data, as --train")
    .option("--test-sha256 <hex>", "the test data's sha256")
    .addOption(sharedOption("artifact"))
    .addOption(sharedOption("tag"))
    .addOption(sharedOption("description"))
    .option("--code-dir <dir>", "the training code's git checkout, for repo/commit/branch/dirty (default: the current directory)")
    .action(async (ref: string, f: ExperimentFlags) => {
      const datasets = {
        training: { uri: f.train, sha256: f.trainSha256 },
        validation: { uri: f.val, sha256: f.valSha256 },
        test: { uri: f.test, sha256: f.testSha256 },
      };
      report(await addExperiment({ ...f, ref, datasets, progressTo: process.stderr }), f);
    });
}
