// Writes the experiment files of a planned registry: generate.ts for the first
// slice, _worker.ts for each other slice in its own thread.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringifyRecord } from "../yaml/yaml.ts";
import type { ModelPlan, Plan, PlanOptions } from "./_plan.ts";
import { experimentRecord, type ModelContext, modelContext } from "./_records.ts";

/** One worker's share: experiments [from, to) of the registry planned from `plan`, written under `out`. */
export interface Slice {
  out: string;
  plan: PlanOptions;
  from: number;
  to: number;
}

/** The schemas folder sits beside the output folder (`<out>/../schemas`). */
export const SCHEMA = {
  project: "../../schemas/project.schema.json",
  model: "../../../../schemas/model.schema.json",
  experiment: "../../../../../schemas/experiment.schema.json",
};

export function modelDir(out: string, m: ModelPlan): string {
  return join(out, m.project.slug, "models", m.slug);
}

/** Writes experiments [from, to) of a plan; directories must exist. Returns how many it wrote. */
export function writeExperiments(out: string, plan: Plan, from: number, to: number): number {
  const contexts = new Map<number, ModelContext>();
  for (let i = from; i < to; i++) {
    const model = plan.models[plan.modelOf[i]];
    let context = contexts.get(model.index);
    if (!context) {
      context = modelContext(plan.seed, model);
      contexts.set(model.index, context);
    }
    const record = experimentRecord({ index: i, model, context, version: plan.versionOf.get(i), seed: plan.seed });
    // "wx": fail rather than overwrite, even if something appears in `out` meanwhile.
    writeFileSync(join(modelDir(out, model), "experiments", `${record.id}.yaml`), stringifyRecord(record, SCHEMA.experiment), { flag: "wx" });
  }
  return to - from;
}
