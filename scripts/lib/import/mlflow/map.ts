// An MLflow store (file or SQLite, read into ./source.ts) → an import plan (issue #9, #18): each run an experiment
// of the model its MLflow experiment (or a tag) names; the model registry's
// versions and aliases on top. Deleted runs and experiments are skipped
// unless asked for; MLflow 3 logged models are not runs, and are attached to
// the run that logged them as artifacts.
import { UsageError } from "../../core/errors.ts";
import { SLUG_PATTERN } from "../../core/ids.ts";
import { slugify } from "../../core/layout.ts";
import type { ModelData } from "../../schema/types.ts";
import { emptyPlan, type ImportPlan, isoSeconds, type PlannedExperiment } from "../types.ts";
import { runLabel, runRecord } from "./_run.ts";
import { applyRegistry } from "./_versions.ts";
import type { MlflowExperiment, MlflowRun, MlflowStore } from "./source.ts";

export type ModelFrom = { kind: "experiment" } | { kind: "tag"; key: string };

export function parseModelFrom(text: string): ModelFrom {
  if (text === "experiment") return { kind: "experiment" };
  if (text.startsWith("tag:") && text.length > 4) return { kind: "tag", key: text.slice(4) };
  throw new UsageError(
    `--model-from "${text}" is neither \`experiment\` nor \`tag:KEY\``,
    "E_BAD_FLAG",
    "Write `--model-from experiment` (one model per MLflow experiment, the default) or `--model-from tag:model_name` (one model per value of that run tag).",
  );
}

export interface MlflowPlanOptions {
  project: string;
  modelFrom: ModelFrom;
  includeDeleted: boolean;
}

/** A model slug and display name from a free-form name; nested names (`team/exp`) flatten to `team-exp`. */
function modelName(name: string, fallback: string): { slug: string; name: string } {
  const shown = name.trim().slice(0, 200) || fallback;
  const slug = slugify(shown);
  return { slug: SLUG_PATTERN.test(slug) && slugify("") !== slug ? slug : slugify(fallback), name: shown };
}

function modelFor(e: MlflowExperiment, run: MlflowRun, from: ModelFrom): { slug: string; name: string } | { skip: string } {
  if (from.kind === "experiment") return modelName(String(e.meta.name ?? ""), `experiment ${e.id}`);
  const value = run.tags[from.key];
  if (value === undefined || value.trim() === "") return { skip: `it has no tag "${from.key}" to name its model (--model-from tag:${from.key})` };
  return modelName(value, from.key);
}

export function planMlflow(store: MlflowStore, o: MlflowPlanOptions): ImportPlan {
  const plan = emptyPlan("mlflow", o.project);
  plan.skipped.push(...store.ignored);
  plan.notes.push(...store.notes);
  const experiments = new Map(store.experiments.map((e) => [e.id, e]));
  const deletedRuns = new Map<string, number>();
  const byRun = new Map<string, PlannedExperiment>();
  for (const run of store.runs) {
    const e = experiments.get(run.experimentId);
    if (!e) {
      plan.skipped.push({ what: runLabel(run), why: `its experiment ${run.experimentId} is not in the store` });
      continue;
    }
    if (e.deleted && !o.includeDeleted) {
      deletedRuns.set(e.id, (deletedRuns.get(e.id) ?? 0) + 1);
      continue;
    }
    if (run.meta.lifecycle_stage === "deleted" && !o.includeDeleted) {
      plan.skipped.push({ what: runLabel(run), why: "deleted in MLflow; pass --include-deleted to import it" });
      continue;
    }
    const target = modelFor(e, run, o.modelFrom);
    if ("skip" in target) {
      plan.skipped.push({ what: runLabel(run), why: target.skip });
      continue;
    }
    const planned = runRecord(run, e, target.slug, plan.skipped);
    let model = plan.models.find((m) => m.slug === target.slug);
    if (!model) {
      const record: ModelData = { name: target.name, created: planned.record.created };
      const created = e.meta.creation_time;
      if (o.modelFrom.kind === "experiment" && typeof created === "number") record.created = isoSeconds(created);
      if (o.modelFrom.kind === "experiment" && e.tags["mlflow.note.content"]) record.description = e.tags["mlflow.note.content"];
      model = { slug: target.slug, record, aliases: {} };
      plan.models.push(model);
    }
    if (planned.record.created < model.record.created) model.record.created = planned.record.created;
    plan.experiments.push(planned);
    byRun.set(run.id, planned);
  }
  // Read after the runs: a streaming reader finds its problems while it reads.
  plan.problems.push(...store.problems);
  for (const [id, runs] of deletedRuns) {
    plan.skipped.push({
      what: `experiment ${id} "${String(experiments.get(id)?.meta.name)}" (${runs} runs)`,
      why: "deleted in MLflow; pass --include-deleted to import it",
    });
  }
  const logged = store.experiments.reduce((n, e) => n + e.loggedModels.length, 0);
  if (logged > 0)
    plan.notes.push(
      `${logged === 1 ? "1 MLflow 3 logged model (models/m-…) is not a run: it is" : `${logged} MLflow 3 logged models (models/m-…) are not runs: each is`} recorded as an artifact of the run that logged it`,
    );
  applyRegistry(plan, store.registered, byRun);
  return plan;
}
