// `modelreg import wandb <dir>` (issue #18): one W&B run directory, a
// `wandb/` folder of them, or a folder holding `wandb/`. Owns: reading W&B's
// local run files (read.ts) and mapping them (map.ts). May import: core, git
// (credential stripping), yaml, schema types and the shared import code.
// The model is --model, else the W&B project when the metadata names one,
// else the folder the runs live in (the project checkout that holds wandb/).
import { existsSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { UsageError } from "../../core/errors.ts";
import { SLUG_PATTERN } from "../../core/ids.ts";
import { slugify } from "../../core/layout.ts";
import { applyPlan, type ImportOptions, type ImportResult } from "../plan.ts";
import { emptyPlan } from "../types.ts";
import { wandbExperiment } from "./map.ts";
import { readRun, runDirs, type WandbRun } from "./read.ts";

export interface WandbImportOptions extends ImportOptions {
  dir: string;
  project: string;
  model?: string;
}

/** The folder that holds the `wandb/` folder a run directory sits in. */
function checkoutName(runDir: string): string {
  const parent = dirname(resolve(runDir));
  return basename(basename(parent) === "wandb" ? dirname(parent) : parent);
}

function modelOf(run: WandbRun, o: WandbImportOptions): { slug: string; name: string; from: string } {
  if (o.model) return { slug: o.model, name: o.model, from: "--model" };
  const project = typeof run.metadata.project === "string" && run.metadata.project.trim() !== "" ? run.metadata.project.trim() : undefined;
  if (project) return { slug: slugify(project), name: project, from: "the W&B project" };
  const name = checkoutName(run.dir);
  return { slug: slugify(name), name, from: `the folder ${name} that holds the runs (pass --model to choose)` };
}

export async function importWandb(o: WandbImportOptions): Promise<ImportResult> {
  if (!existsSync(o.dir) || !statSync(o.dir).isDirectory()) {
    throw new UsageError(
      `${o.dir} is not a directory`,
      "E_NO_INPUT",
      "Name a W&B run directory (`wandb/run-20240101_120000-abcd1234`) or the `wandb/` folder that holds them.",
    );
  }
  if (o.model !== undefined && !SLUG_PATTERN.test(o.model)) {
    throw new UsageError(`--model "${o.model}" is not a valid model slug`, "E_BAD_SLUG", `Use "${slugify(o.model)}": lower-case letters, digits and hyphens.`);
  }
  const dirs = runDirs(o.dir);
  if (dirs.length === 0) {
    throw new UsageError(
      `${o.dir} holds no W&B run directories (run-<date>-<id> or offline-run-<date>-<id>)`,
      "E_NOT_WANDB",
      "Name the `wandb/` folder W&B writes next to the training script, or one run directory in it.",
    );
  }
  const plan = emptyPlan("wandb", o.project);
  const sources = new Set<string>();
  for (const dir of dirs) {
    const run = readRun(dir, plan.problems);
    if (!run) continue;
    const model = modelOf(run, o);
    const e = wandbExperiment(run, model.slug, plan.skipped);
    const known = plan.models.find((m) => m.slug === model.slug);
    if (!known) {
      plan.models.push({ slug: model.slug, record: { name: model.name, created: e.record.created }, aliases: {} });
      if (!o.model) sources.add(`runs go to model ${model.slug}, named after ${model.from}`);
    } else if (e.record.created < known.record.created) known.record.created = e.record.created;
    plan.experiments.push(e);
  }
  plan.notes.push(...sources);
  return applyPlan(plan, o);
}
