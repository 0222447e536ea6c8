import type { Diagnostic } from "../../schema/types.ts";
import { errorAt, inScope } from "./_diagnostic.ts";
import type { RegistryRule } from "./types.ts";

export const versionsUniquePerModel: RegistryRule = {
  id: "versions-unique-per-model",
  description: "No two experiments of one model carry the same `version`.",
  check({ refs, summaries, scope }) {
    const seen = new Map<string, string[]>();
    for (const r of refs) {
      const key = `${r.project}/${r.model}`;
      const version = r.kind === "experiment" && inScope(scope, key) ? summaries.get(r.file)?.experiment?.version : undefined;
      if (version === undefined) continue;
      const k = `${key}@${version}`;
      seen.set(k, [...(seen.get(k) ?? []), r.file]);
    }
    const found: Diagnostic[] = [];
    for (const [k, files] of seen) {
      if (files.length < 2) continue;
      const version = k.slice(k.indexOf("@") + 1);
      for (const file of files) {
        const others = files.filter((f) => f !== file).map((f) => f.slice(f.lastIndexOf("/") + 1, -5));
        found.push(
          errorAt(
            this.id,
            file,
            summaries.get(file)?.experiment?.versionAt ?? null,
            "version",
            `version "${version}" is also used by ${others.join(", ")} in the same model`,
            "Give each released run its own version label, or remove `version` from the runs that were not released.",
          ),
        );
      }
    }
    return found;
  },
};
