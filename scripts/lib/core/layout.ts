// Where each kind of file lives (`<project>/project.yaml`, `<project>/models/<model>/model.yaml`,
// `<project>/models/<model>/experiments/<id>.yaml`), decided from the path alone.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { EXPERIMENT_ID_PATTERN, SLUG_PATTERN } from "./ids.ts";

/** The three kinds of registry file; schema/types.ts checks each has a schema. */
export type Kind = "project" | "model" | "experiment";

interface RefBase {
  /** Path relative to the registry root, with `/` separators. */
  file: string;
  project: string;
}

/**
 * Where a file sits in the layout, from its path alone. The kind says which
 * names the path holds: a model's and an experiment's file name their model,
 * an experiment's also the id its file name claims.
 */
export type FileRef =
  | (RefBase & { kind: "project"; model?: undefined; id?: undefined })
  | (RefBase & { kind: "model"; model: string; id?: undefined })
  | (RefBase & { kind: "experiment"; model: string; id: string });

export type Placement = { ok: true; ref: FileRef } | { ok: false; severity: "error" | "warning" | "ignore"; message: string; hint: string };

/** Files a team may keep in the tree without a warning. */
const QUIET = new Set([".gitkeep", "README.md", ".gitattributes"]);

/** A slug suggestion for a name that is not one. */
export function slugify(name: string): string {
  const s = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63);
  return s || "my-project";
}

function badSlug(what: string, slug: string): Placement {
  return {
    ok: false,
    severity: "error",
    message: `the ${what} directory "${slug}" is not a valid slug`,
    hint: `Rename it to "${slugify(slug)}": ${what} ids are lower-case letters, digits and hyphens (at most 63), and the display name goes in the \`name\` field.`,
  };
}

/**
 * The `$schema` path written at the top of a new file, relative to it: the
 * repository's own `schemas/` beside the registry (this repository), else the
 * installed package's (`node_modules/modelreg/schemas/`, a team's repository
 * made by `modelreg init`), so editors find the schema in both.
 */
export function schemaPathFor(kind: Kind, registry?: string): string {
  const up = "../".repeat({ project: 2, model: 4, experiment: 5 }[kind]);
  const installed =
    registry !== undefined && !existsSync(join(registry, "..", "schemas")) && existsSync(join(registry, "..", "node_modules", "modelreg", "schemas"));
  return `${up}${installed ? "node_modules/modelreg/" : ""}schemas/${kind}.schema.json`;
}

/** Where a registry file of this kind lives, relative to the registry root. */
export function filePathFor(ref: Omit<FileRef, "file">): string {
  if (ref.kind === "project") return `${ref.project}/project.yaml`;
  if (ref.kind === "model") return `${ref.project}/models/${ref.model}/model.yaml`;
  return `${ref.project}/models/${ref.model}/experiments/${ref.id}.yaml`;
}

const slugs = new Map<string, boolean>();
/** Slug checks are memoised: a registry has few directories and many files. */
function isSlug(name: string): boolean {
  let ok = slugs.get(name);
  if (ok === undefined) {
    ok = SLUG_PATTERN.test(name);
    slugs.set(name, ok);
  }
  return ok;
}

/** Classifies a registry-relative path (with `/` separators). */
export function place(file: string): Placement {
  const parts = file.split("/");
  const base = parts[parts.length - 1];
  if (QUIET.has(base)) return { ok: false, severity: "ignore", message: "", hint: "" };
  if (base.endsWith(".yml")) {
    return {
      ok: false,
      severity: "error",
      message: `"${base}" has the extension .yml; registry files end in .yaml`,
      hint: `Rename it: \`git mv ${file} ${file.slice(0, -4)}.yaml\`.`,
    };
  }
  const [project, dir, model, sub, name] = parts;
  if (parts.length > 1 && !isSlug(project)) return badSlug("project", project);
  if (parts.length === 2 && base === "project.yaml") return { ok: true, ref: { file, kind: "project", project } };
  if (parts.length >= 4 && dir === "models") {
    if (!isSlug(model)) return badSlug("model", model);
    if (parts.length === 4 && base === "model.yaml") return { ok: true, ref: { file, kind: "model", project, model } };
    if (parts.length === 5 && sub === "experiments" && name.endsWith(".yaml")) {
      const id = name.slice(0, -5);
      if (EXPERIMENT_ID_PATTERN.test(id)) return { ok: true, ref: { file, kind: "experiment", project, model, id } };
      return {
        ok: false,
        severity: "error",
        message: `the experiment file name "${name}" is not a lower-case ULID`,
        hint: "Name experiment files after their id (26 characters, e.g. 01jd8x3k2m4n5p6q7r8s9t0v1w.yaml); `modelreg add experiment` makes both.",
      };
    }
  }
  if (base.endsWith(".yaml")) {
    return {
      ok: false,
      severity: "error",
      message: `"${file}" is not where a registry file can be`,
      hint: "Registry files are <project>/project.yaml, <project>/models/<model>/model.yaml and <project>/models/<model>/experiments/<id>.yaml.",
    };
  }
  return {
    ok: false,
    severity: "warning",
    message: `"${file}" is not part of the registry and is ignored`,
    hint: "Move it out of the registry directory, or delete it.",
  };
}
