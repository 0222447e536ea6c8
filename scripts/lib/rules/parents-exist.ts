import type { Diagnostic } from "../schema/types.ts";
import { errorAt } from "./_diagnostic.ts";
import type { RegistryRule } from "./types.ts";

export const parentsExist: RegistryRule = {
  id: "parents-exist",
  description: "Every model has its project.yaml and every experiment its model.yaml (no orphans).",
  check({ refs }) {
    const projects = new Set<string>();
    const models = new Set<string>();
    for (const r of refs) {
      if (r.kind === "project") projects.add(r.project);
      if (r.kind === "model") models.add(`${r.project}/${r.model}`);
    }
    const found: Diagnostic[] = [];
    const reported = new Set<string>();
    for (const r of refs) {
      const missing =
        r.kind === "model" && !projects.has(r.project)
          ? `${r.project}/project.yaml`
          : r.kind === "experiment" && !models.has(`${r.project}/${r.model}`)
            ? `${r.project}/models/${r.model}/model.yaml`
            : null;
      // One orphan report per file, but every orphaned file is named: each needs fixing.
      if (missing && !reported.has(r.file)) {
        reported.add(r.file);
        const cmd = r.kind === "model" ? `modelreg add project ${r.project} --name "…"` : `modelreg add model ${r.project}/${r.model} --name "…"`;
        found.push(
          errorAt(
            this.id,
            r.file,
            null,
            "",
            `this ${r.kind} has no parent: ${missing} does not exist`,
            `Create it (\`${cmd}\`), or move the file under an existing ${r.kind === "model" ? "project" : "model"}.`,
          ),
        );
      }
    }
    return found;
  },
};
