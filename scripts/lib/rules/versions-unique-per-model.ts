import { duplicateVersions, versionTaken } from "../domain/versions.ts";
import type { Diagnostic } from "../schema/types.ts";
import { errorAt, inScope } from "./_diagnostic.ts";
import type { RegistryRule } from "./types.ts";

export const versionsUniquePerModel: RegistryRule = {
  id: "versions-unique-per-model",
  description: "No two experiments of one model carry the same `version`.",
  check({ refs, summaries, scope }) {
    // The condition and its wording are domain/versions.ts's, shared with `add` and `promote`.
    const byModel = new Map<string, Array<{ id: string; version?: string; file: string }>>();
    for (const r of refs) {
      const key = `${r.project}/${r.model}`;
      const version = r.kind === "experiment" && inScope(scope, key) ? summaries.get(r.file)?.experiment?.version : undefined;
      if (version === undefined || r.id === undefined) continue;
      const runs = byModel.get(key) ?? [];
      runs.push({ id: r.id, version, file: r.file });
      byModel.set(key, runs);
    }
    const found: Diagnostic[] = [];
    for (const [model, runs] of byModel) {
      for (const { version, runs: group } of duplicateVersions(runs)) {
        for (const run of group) {
          const holders = group.filter((other) => other !== run).map((other) => other.id);
          const taken = versionTaken({ model, version, holders });
          found.push(errorAt(this.id, run.file, summaries.get(run.file)?.experiment?.versionAt ?? null, "version", taken.message, taken.hint));
        }
      }
    }
    return found;
  },
};
