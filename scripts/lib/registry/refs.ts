// Finds what a reference names (the grammar is core/ref.ts): projects, models,
// experiments by id prefix, version or alias.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DataError } from "../core/errors.ts";
import { filePathFor, place } from "../core/layout.ts";
import { ID_PREFIX } from "../core/ref.ts";
import { didYouMean } from "../core/suggest.ts";
import type { ExperimentData, ModelData } from "../schema/types.ts";
import { peekRecord } from "./peek.ts";

/** A directory's entries, sorted; none when it cannot be read. */
export function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Throws a DataError with "did you mean" unless the project (and model) exist. */
export function assertModelExists(registry: string, project: string, model?: string): void {
  if (!existsSync(join(registry, filePathFor({ kind: "project", project })))) {
    const projects = listDir(registry).filter((p) => existsSync(join(registry, p, "project.yaml")));
    throw new DataError(
      `there is no project "${project}"`,
      "E_NO_PROJECT",
      `${didYouMean(project, projects)}Projects: ${projects.join(", ") || "(none yet)"}. Create one with \`modelreg add project ${project} --name "…"\`.`,
    );
  }
  if (model !== undefined && !existsSync(join(registry, filePathFor({ kind: "model", project, model })))) {
    const models = listDir(join(registry, project, "models")).filter((m) => existsSync(join(registry, project, "models", m, "model.yaml")));
    throw new DataError(
      `project "${project}" has no model "${model}"`,
      "E_NO_MODEL",
      `${didYouMean(model, models)}Models of ${project}: ${models.join(", ") || "(none yet)"}. Create one with \`modelreg add model ${project}/${model} --name "…"\`.`,
    );
  }
}

export interface ExperimentLocation {
  project: string;
  model: string;
  id: string;
  /** Registry-relative path. */
  file: string;
}

/** Every experiment file in the registry (sorted by id within a model), from directory listings alone. */
export function listExperiments(registry: string, only?: { project: string; model: string }): ExperimentLocation[] {
  const out: ExperimentLocation[] = [];
  for (const project of only ? [only.project] : listDir(registry)) {
    for (const model of only ? [only.model] : listDir(join(registry, project, "models"))) {
      for (const name of listDir(join(registry, project, "models", model, "experiments"))) {
        const placed = place(`${project}/models/${model}/experiments/${name}`);
        if (placed.ok && placed.ref.kind === "experiment") out.push({ project, model, id: placed.ref.id, file: placed.ref.file });
      }
    }
  }
  return out;
}

/** Resolves an id or unique id prefix; an ambiguous prefix lists the candidates. */
export function findExperimentById(registry: string, prefix: string, within?: { project: string; model: string }): ExperimentLocation {
  const all = listExperiments(registry, within);
  const hits = all.filter((e) => e.id.startsWith(prefix));
  if (hits.length === 1) return hits[0];
  if (hits.length > 1) {
    throw new DataError(
      `the id prefix "${prefix}" matches ${hits.length} experiments`,
      "E_AMBIGUOUS",
      `Type more of the id. Candidates: ${hits
        .slice(0, 8)
        .map((h) => `${h.id} (${h.project}/${h.model})`)
        .join(", ")}${hits.length > 8 ? ", …" : ""}.`,
    );
  }
  throw new DataError(
    `no experiment id starts with "${prefix}"${within ? ` in ${within.project}/${within.model}` : ""}`,
    "E_NO_EXPERIMENT",
    `${didYouMean(
      prefix,
      all.map((e) => e.id.slice(0, prefix.length)),
    )}Check the id with \`modelreg list experiments\`.`,
  );
}

/** A top-level `version:` line whose value is written plainly: plain, or quoted with no escapes. */
const PLAIN_VERSION_LINE = /^version:[ \t]*(?:"([^"\\\n]*)"|'([^'\n]*)'|([0-9A-Za-z._+-]+))[ \t]*(?:#.*)?$/m;
/** Lines that could spell a top-level key another way: quoted, complex (`?`), flow, anchored, aliased, tagged or merged. */
const OTHER_KEY_SPELLING = /^(?:["'?{[*&!]|<<)/m;

/**
 * The version a record's text declares, when one plain `version:` line alone can
 * say it; undefined when only a parse can. A plainly written scalar's text is its
 * string value (or it is not a string), so a differing text is never the version.
 */
function plainVersion(text: string): string | undefined {
  if (OTHER_KEY_SPELLING.test(text) || text.match(/^version:/gm)?.length !== 1) return undefined;
  const m = PLAIN_VERSION_LINE.exec(text);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/**
 * Which experiments of a model carry `version`: a whole-token text match first,
 * then the plain `version:` line rules most files out, and only the rest (in
 * practice the one hit) are parsed, so `@1.2.0` does not parse every file that
 * mentions 1.2.0 in a description or an artifact path.
 */
export function experimentsWithVersion(registry: string, project: string, model: string, version: string): ExperimentLocation[] {
  const token = new RegExp(`(?<![0-9A-Za-z._+-])${version.replace(/[.+]/g, "\\$&")}(?![0-9A-Za-z._+-])|\\\\`);
  return listExperiments(registry, { project, model }).filter((e) => {
    const path = join(registry, e.file);
    const text = readFileSync(path, "utf8");
    if (!token.test(text)) return false;
    const plain = plainVersion(text);
    if (plain !== undefined && plain !== version) return false;
    return peekRecord<ExperimentData>(path, text)?.version === version;
  });
}

/** Resolves `project/model@selector`: a version, then an alias, then an id prefix. */
export function resolveSelector(
  registry: string,
  project: string,
  model: string,
  selector: string,
): ExperimentLocation & { via: "version" | "alias" | "id"; alias?: string } {
  assertModelExists(registry, project, model);
  const byVersion = experimentsWithVersion(registry, project, model, selector);
  if (byVersion.length === 1) return { ...byVersion[0], via: "version" };
  if (byVersion.length > 1)
    throw new DataError(
      `version "${selector}" of ${project}/${model} is used by ${byVersion.length} experiments`,
      "E_AMBIGUOUS",
      "Run `modelreg validate`: versions must be unique within a model.",
    );
  const aliases = peekRecord<ModelData>(join(registry, filePathFor({ kind: "model", project, model })))?.aliases ?? {};
  if (aliases[selector] !== undefined) {
    const target = aliases[selector];
    const viaAlias = experimentsWithVersion(registry, project, model, target);
    const hit = viaAlias[0] ?? findExperimentById(registry, target, { project, model });
    return { ...hit, via: "alias", alias: selector };
  }
  if (ID_PREFIX.test(selector)) return { ...findExperimentById(registry, selector, { project, model }), via: "id" };
  const versions = versionsOf(registry, project, model);
  const shown = versions.length > 10 ? `${versions.slice(-10).join(", ")} (and ${versions.length - 10} older)` : versions.join(", ") || "(none)";
  throw new DataError(
    `${project}/${model} has no version or alias "${selector}"`,
    "E_NO_EXPERIMENT",
    `${didYouMean(selector, [...versions, ...Object.keys(aliases)])}Versions: ${shown}. Aliases: ${Object.keys(aliases).join(", ") || "(none)"}. List experiments with \`modelreg list experiments --model ${project}/${model}\`.`,
  );
}

/** Every version label of a model, oldest experiment first; only read when a selector is not found, to suggest one. */
function versionsOf(registry: string, project: string, model: string): string[] {
  const out: string[] = [];
  for (const e of listExperiments(registry, { project, model })) {
    const path = join(registry, e.file);
    if (!/^version:/m.test(readFileSync(path, "utf8"))) continue;
    const version = peekRecord<ExperimentData>(path)?.version;
    if (typeof version === "string") out.push(version);
  }
  return out;
}
