import { SLUG_PATTERN } from "../core/ids.ts";
import type { Diagnostic } from "../schema/types.ts";
import { errorAt } from "./_diagnostic.ts";
import { holdsEntries } from "./_tree.ts";
import type { RegistryRule } from "./types.ts";

export const projectsHaveProjectYaml: RegistryRule = {
  id: "projects-have-project-yaml",
  description: "Every project directory (a directory at the top of the registry) holds its project.yaml.",
  check({ dirs, files, refs, paths }) {
    const withModels = new Set<string>();
    for (const r of refs) if (r.kind === "model") withModels.add(r.project);
    const dirSet = new Set(dirs);
    const found: Diagnostic[] = [];
    for (const dir of dirs) {
      if (dir.includes("/")) continue;
      const file = `${dir}/project.yaml`;
      // Said elsewhere: a project.yaml directory (yaml-paths-are-files), orphaned
      // models (parents-exist), files under a badly named directory (files-follow-layout).
      if (files.has(file) || dirSet.has(file) || withModels.has(dir)) continue;
      const slug = SLUG_PATTERN.test(dir);
      if (!slug && holdsEntries(paths, dir)) continue;
      found.push(
        errorAt(
          this.id,
          dir,
          null,
          "",
          `the project directory "${dir}" has no project.yaml`,
          slug
            ? `Add it (\`modelreg add project ${dir} --name "…"\`), or remove the directory if the project is not wanted.`
            : "Remove the directory; projects live in directories named by a slug, made with `modelreg add project`.",
        ),
      );
    }
    return found;
  },
};
