import type { Diagnostic } from "../schema/types.ts";
import { errorAt } from "./_diagnostic.ts";
import type { RegistryRule } from "./types.ts";

export const projectNamesUnique: RegistryRule = {
  id: "project-names-unique",
  description: "No two projects share a display name (projects are looked up by name, as in the seed).",
  check({ refs, summaries }) {
    const byName = new Map<string, string[]>();
    for (const r of refs) {
      const name = r.kind === "project" ? summaries.get(r.file)?.project?.name : undefined;
      if (name !== undefined) byName.set(name, [...(byName.get(name) ?? []), r.file]);
    }
    const found: Diagnostic[] = [];
    for (const [name, files] of byName) {
      if (files.length < 2) continue;
      for (const file of files) {
        const others = files.filter((f) => f !== file);
        found.push(
          errorAt(
            this.id,
            file,
            summaries.get(file)?.project?.at ?? null,
            "name",
            `the project name "${name}" is also used by ${others.join(", ")}`,
            "Give each project its own display name.",
          ),
        );
      }
    }
    return found;
  },
};
