import { didYouMean } from "../../core/suggest.ts";
import type { Diagnostic } from "../../schema/types.ts";
import { errorAt, inScope } from "./_diagnostic.ts";
import type { RegistryRule } from "./types.ts";

export const aliasesResolve: RegistryRule = {
  id: "aliases-resolve",
  description: "Every alias of a model points to a version or an experiment id of that model.",
  check({ refs, summaries, scope }) {
    const targets = new Map<string, Set<string>>();
    for (const r of refs) {
      if (r.kind !== "experiment") continue;
      const key = `${r.project}/${r.model}`;
      if (!targets.has(key)) targets.set(key, new Set());
      targets.get(key)!.add(r.id!);
      const version = summaries.get(r.file)?.experiment?.version;
      if (version !== undefined) targets.get(key)!.add(version);
    }
    const found: Diagnostic[] = [];
    for (const r of refs) {
      const key = `${r.project}/${r.model}`;
      if (r.kind !== "model" || !inScope(scope, key)) continue;
      const aliases = summaries.get(r.file)?.model?.aliases ?? {};
      const known = targets.get(key) ?? new Set<string>();
      for (const [alias, { target, at }] of Object.entries(aliases)) {
        if (known.has(target)) continue;
        const versions = [...known].filter((t) => t.length !== 26);
        found.push(
          errorAt(
            this.id,
            r.file,
            at,
            `aliases.${alias}`,
            `the alias "${alias}" points to "${target}", which is neither a version nor an experiment id of ${key}`,
            `${didYouMean(target, versions)}Point it at an existing version${versions.length ? ` (${versions.slice(0, 5).join(", ")}${versions.length > 5 ? ", …" : ""})` : ""} with \`modelreg promote ${key}@<version> --alias ${alias}\`, or remove it.`,
          ),
        );
      }
    }
    return found;
  },
};
