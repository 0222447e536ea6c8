// The one reference grammar (issue #5), used by every command that names a
// record: an experiment id or unique prefix, `project`, `project/model`, or
// `project/model@<version | alias | id-prefix>`. Pure: it only reads the text;
// registry/refs.ts finds what a reference names. core/ imports nothing of ours
// outside core/.
import { DataError, UsageError } from "./errors.ts";
import { SLUG_PATTERN, VERSION_PATTERN } from "./ids.ts";
import { slugify } from "./layout.ts";

export type Ref =
  | { kind: "project"; project: string }
  | { kind: "model"; project: string; model: string }
  | { kind: "experiment"; project: string; model: string; selector: string }
  | { kind: "id"; prefix: string };

/** An experiment id or a prefix of one (at least 4 characters), as typed anywhere an id is. */
export const ID_PREFIX = /^[0-9a-hjkmnp-tv-z]{4,26}$/;

export function parseRef(input: string): Ref {
  // ULIDs are often written in upper case (Crockford's spelling); ours are lower case.
  const text = /^[0-9A-HJKMNP-TV-Z]{4,26}$/.test(input) ? input.toLowerCase() : input;
  const bad = (why: string) =>
    new DataError(
      `"${text}" is not a reference: ${why}`,
      "E_BAD_REF",
      "Write an experiment id (or a unique prefix of at least 4 characters), `project`, `project/model`, or `project/model@version|alias|id`.",
    );
  const [path, selector, extra] = text.split("@");
  if (extra !== undefined) throw bad("it has more than one `@`");
  const parts = path.split("/");
  if (parts.length > 2) throw bad("it has more than one `/`");
  for (const p of parts) if (!SLUG_PATTERN.test(p)) throw bad(`"${p}" is not a slug (lower-case letters, digits and hyphens)`);
  if (parts.length === 1 && selector === undefined) {
    return ID_PREFIX.test(text) && /\d/.test(text) ? { kind: "id", prefix: text } : { kind: "project", project: text };
  }
  if (parts.length === 1) throw bad("a version or alias needs `project/model@…`");
  if (selector === undefined) return { kind: "model", project: parts[0], model: parts[1] };
  if (!VERSION_PATTERN.test(selector)) throw bad(`"${selector}" is not a version, alias or id`);
  return { kind: "experiment", project: parts[0], model: parts[1], selector };
}

/** A slug typed as a command argument (`add project <slug>`): a usage error names the slug to use instead. */
export function parseSlug(what: string, text: string): string {
  if (SLUG_PATTERN.test(text)) return text;
  throw new UsageError(
    `"${text}" is not a valid ${what} slug`,
    "E_BAD_SLUG",
    `Use "${slugify(text)}": ${what} ids are lower-case letters, digits and hyphens (at most 63), and the display name goes in --name.`,
  );
}

/** `project/model`, typed as a command argument (`add model`, `add experiment`) → its two slugs. */
export function parseModelRef(text: string): { project: string; model: string } {
  const parts = text.split("/");
  if (parts.length !== 2) {
    throw new UsageError(`"${text}" does not name a model`, "E_BAD_REF", "Write it as <project>/<model>, e.g. `animal-image-classification/resnet50`.");
  }
  return { project: parseSlug("project", parts[0]), model: parseSlug("model", parts[1]) };
}
