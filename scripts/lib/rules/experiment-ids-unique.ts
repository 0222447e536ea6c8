import type { Diagnostic, FileRef } from "../schema/types.ts";
import { errorAt } from "./_diagnostic.ts";
import type { RegistryRule } from "./types.ts";

export const experimentIdsUnique: RegistryRule = {
  id: "experiment-ids-unique",
  description: "No two experiment files share an id, anywhere in the registry.",
  check({ refs }) {
    // File names are ids (id-matches-file-name), so this needs no file contents.
    const byId = new Map<string, FileRef[]>();
    for (const r of refs) {
      if (r.kind !== "experiment") continue;
      const list = byId.get(r.id);
      if (list) list.push(r);
      else byId.set(r.id, [r]);
    }
    const found: Diagnostic[] = [];
    for (const [id, list] of byId) {
      if (list.length < 2) continue;
      for (const r of list) {
        const others = list.filter((o) => o !== r).map((o) => o.file);
        found.push(
          errorAt(
            this.id,
            r.file,
            null,
            "id",
            `the experiment id ${id} is also used by ${others.join(", ")}`,
            "Ids must be unique: keep the experiment in one model, or give the copy a new id with `modelreg add experiment`.",
          ),
        );
      }
    }
    return found;
  },
};
