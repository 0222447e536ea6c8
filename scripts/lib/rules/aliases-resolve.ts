import { didYouMean } from "../core/suggest.ts";
import { type AliasTarget, aliasTargets, resolveAlias } from "../domain/aliases.ts";
import type { Diagnostic } from "../schema/types.ts";
import { errorAt, inScope } from "./_diagnostic.ts";
import type { RegistryRule } from "./types.ts";

export const aliasesResolve: RegistryRule = {
  id: "aliases-resolve",
  description: "Every alias of a model points to a version or an experiment id of that model.",
  check({ refs, summaries, scope }) {
    // What an alias may name is domain/aliases.ts's, shared with the site and the report.
    const runs = new Map<string, AliasTarget[]>();
    for (const r of refs) {
      if (r.kind !== "experiment" || r.id === undefined) continue;
      const key = `${r.project}/${r.model}`;
      const list = runs.get(key) ?? [];
      list.push({ id: r.id, version: summaries.get(r.file)?.experiment?.version });
      runs.set(key, list);
    }
    const found: Diagnostic[] = [];
    for (const r of refs) {
      const key = `${r.project}/${r.model}`;
      if (r.kind !== "model" || !inScope(scope, key)) continue;
      const aliases = summaries.get(r.file)?.model?.aliases ?? {};
      const targets = aliasTargets(runs.get(key) ?? []);
      for (const [alias, { target, at }] of Object.entries(aliases)) {
        if (resolveAlias(target, targets)) continue;
        const versions = [...targets.byVersion.keys()];
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
