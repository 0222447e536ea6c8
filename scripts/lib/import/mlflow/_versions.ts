// The MLflow model registry → version labels and aliases (issue #9). A
// registered model version labels the experiment its run became: `N` when one
// registered model feeds our model, `<registered-name>-N` when several do (so
// labels stay unique per model). Aliases (`champion`) and the stages
// Production and Staging become aliases of our model; the newest version in a
// stage wins, as MLflow shows it.
import { slugify } from "../../core/layout.ts";
import { ALIAS_PATTERN } from "../../write/promote.ts";
import type { ImportPlan, PlannedExperiment } from "../types.ts";
import { define } from "../values.ts";
import type { RegisteredModel } from "./source.ts";

const STAGES = new Set(["production", "staging"]);

function feeders(registered: RegisteredModel[], byRun: Map<string, PlannedExperiment>): Map<string, Set<string>> {
  const feeds = new Map<string, Set<string>>();
  for (const rm of registered) {
    for (const v of rm.versions) {
      const e = v.runId ? byRun.get(v.runId) : undefined;
      if (e) feeds.set(e.model, (feeds.get(e.model) ?? new Set()).add(rm.name));
    }
  }
  return feeds;
}

export function applyRegistry(plan: ImportPlan, registered: RegisteredModel[], byRun: Map<string, PlannedExperiment>): void {
  const feeds = feeders(registered, byRun);
  const setBy = new Map<string, string>();
  for (const rm of registered) {
    const runOf = new Map<number, string>();
    const pointers = new Map<string, number>();
    for (const v of rm.versions) {
      const what = `version ${v.version} of registered model "${rm.name}"`;
      const e = v.runId ? byRun.get(v.runId) : undefined;
      if (!v.runId || !e) {
        plan.skipped.push({
          what,
          why: v.runId ? `its run ${v.runId.slice(0, 8)} is not imported from this store (missing, deleted or skipped)` : "it names no run",
        });
        continue;
      }
      runOf.set(v.version, v.runId);
      const label = feeds.get(e.model)?.size === 1 ? String(v.version) : `${slugify(rm.name)}-${v.version}`;
      if (e.record.version === undefined) e.record.version = label;
      else plan.skipped.push({ what, why: `its run is already labelled ${e.record.version}, and an experiment has one version label` });
      if (v.location && !v.location.startsWith("models:/")) {
        e.record.artifacts ??= {};
        define(e.record.artifacts, `registry:${rm.name}/${v.version}`, v.location);
      }
      const stage = v.stage?.toLowerCase() ?? "";
      if (STAGES.has(stage)) pointers.set(stage, v.version);
    }
    for (const [alias, version] of Object.entries(rm.aliases)) pointers.set(alias, version);
    for (const [alias, version] of pointers) {
      const what = `alias ${alias} of registered model "${rm.name}"`;
      const runId = runOf.get(version);
      const name = alias.toLowerCase();
      const model = runId ? plan.models.find((m) => m.slug === byRun.get(runId)?.model) : undefined;
      if (!runId || !model) plan.skipped.push({ what, why: `version ${version} was not imported` });
      else if (!ALIAS_PATTERN.test(name)) plan.skipped.push({ what, why: "alias names here are a lower-case letter, then letters, digits, `_` or `-`" });
      else if (model.aliases[name] !== undefined && model.aliases[name] !== runId)
        plan.skipped.push({ what, why: `${plan.project}/${model.slug} already takes ${name} from registered model "${setBy.get(`${model.slug}/${name}`)}"` });
      else {
        model.aliases[name] = runId;
        setBy.set(`${model.slug}/${name}`, rm.name);
      }
    }
  }
}
