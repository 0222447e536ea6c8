// Every rule, in the order they run, one rule per file, each `{ id, description,
// check }`. File rules see one parsed, schema-valid record; registry rules see
// the whole tree's index (its files, directories and file summaries). rules/
// holds pure functions over that data (and format-diagnostics.ts, which prints
// what they find); it may import core, schema and domain. registry/ runs the
// rules while reading, validate/ reports them.
import { aliasesResolve } from "./aliases-resolve.ts";
import { experimentIdsUnique } from "./experiment-ids-unique.ts";
import { filesFollowLayout } from "./files-follow-layout.ts";
import { idMatchesFileName } from "./id-matches-file-name.ts";
import { modelsHaveModelYaml } from "./models-have-model-yaml.ts";
import { noCredentialsInUris } from "./no-credentials-in-uris.ts";
import { noTrainTestOverlap } from "./no-train-test-overlap.ts";
import { parentsExist } from "./parents-exist.ts";
import { projectNamesUnique } from "./project-names-unique.ts";
import { projectsHaveProjectYaml } from "./projects-have-project-yaml.ts";
import type { FileRule, RegistryRule } from "./types.ts";
import { versionsUniquePerModel } from "./versions-unique-per-model.ts";
import { yamlPathsAreFiles } from "./yaml-paths-are-files.ts";

export const FILE_RULES: readonly FileRule[] = [idMatchesFileName, noTrainTestOverlap, noCredentialsInUris];

export const REGISTRY_RULES: readonly RegistryRule[] = [
  filesFollowLayout,
  yamlPathsAreFiles,
  projectsHaveProjectYaml,
  modelsHaveModelYaml,
  parentsExist,
  experimentIdsUnique,
  versionsUniquePerModel,
  aliasesResolve,
  projectNamesUnique,
];

/** The rules that read file contents, besides the per-file stages in check-file.ts. */
export const STAGE_RULES = {
  utf8: { id: "file-is-utf8", description: "Every file is UTF-8." },
  size: { id: "file-within-size-limit", description: "No file is larger than 1 MiB." },
  yaml: {
    id: "yaml-is-well-formed",
    description: "YAML 1.2, one document, no duplicate keys, no custom tags, no alias bombs, not empty, at most 32 levels deep.",
  },
  schema: { id: "matches-schema", description: "Every file matches its kind's JSON Schema." },
} as const;
