import { place } from "../core/layout.ts";
import type { Diagnostic } from "../schema/types.ts";
import { errorAt } from "./_diagnostic.ts";
import type { RegistryRule } from "./types.ts";

const ADD = { project: "modelreg add project", model: "modelreg add model", experiment: "modelreg add experiment" } as const;

export const yamlPathsAreFiles: RegistryRule = {
  id: "yaml-paths-are-files",
  description: "A path named like a registry file (project.yaml, model.yaml, experiments/<id>.yaml) is a file, not a directory.",
  check({ dirs }) {
    const found: Diagnostic[] = [];
    for (const dir of dirs) {
      if (!dir.endsWith(".yaml") && !dir.endsWith(".yml")) continue;
      const placed = place(dir);
      const message = placed.ok
        ? `"${dir}" is a directory, but the ${placed.ref.kind} file belongs at this path`
        : `"${dir}" is a directory with a YAML file's name`;
      const hint = placed.ok
        ? `Registry files are single YAML files: move anything you need out of the directory, remove it, and write the ${placed.ref.kind} file in its place (\`${ADD[placed.ref.kind]}\` makes one).`
        : "Rename the directory so its name does not end in .yaml, or remove it.";
      found.push(errorAt(this.id, dir, null, "", message, hint));
    }
    return found;
  },
};
