import { SLUG_PATTERN } from "../core/ids.ts";
import type { Diagnostic } from "../schema/types.ts";
import { errorAt } from "./_diagnostic.ts";
import { holdsEntries } from "./_tree.ts";
import type { RegistryRule } from "./types.ts";

export const modelsHaveModelYaml: RegistryRule = {
  id: "models-have-model-yaml",
  description: "Every model directory (<project>/models/<model>/) holds its model.yaml.",
  check({ dirs, files, refs, paths }) {
    const withExperiments = new Set<string>();
    for (const r of refs) if (r.kind === "experiment") withExperiments.add(`${r.project}/models/${r.model}`);
    const dirSet = new Set(dirs);
    const found: Diagnostic[] = [];
    for (const dir of dirs) {
      const [project, models, model, ...rest] = dir.split("/");
      if (models !== "models" || model === undefined || rest.length > 0) continue;
      const file = `${dir}/model.yaml`;
      // Said elsewhere: a model.yaml directory (yaml-paths-are-files), orphaned
      // experiments (parents-exist), files under a badly named directory (files-follow-layout).
      if (files.has(file) || dirSet.has(file) || withExperiments.has(dir)) continue;
      const slugs = SLUG_PATTERN.test(project) && SLUG_PATTERN.test(model);
      if (!slugs && holdsEntries(paths, dir)) continue;
      found.push(
        errorAt(
          this.id,
          dir,
          null,
          "",
          `the model directory "${dir}" has no model.yaml`,
          slugs
            ? `Add it (\`modelreg add model ${project}/${model} --name "…"\`), or remove the directory if the model is not wanted.`
            : "Remove the directory; models live in directories named by a slug, made with `modelreg add model`.",
        ),
      );
    }
    return found;
  },
};
