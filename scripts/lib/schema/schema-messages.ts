// Turns ajv's errors into diagnostics people can act on: the field, the bad
// value echoed, and what to write instead. Positions are not found here: the
// caller (registry/check-file.ts) locates the returned path with yaml/, so
// schema/ and yaml/ stay siblings over core/.

import { dotted, type PathSegment } from "../core/record-path.ts";
import { didYouMean } from "../core/suggest.ts";
import type { ErrorObject } from "./schemas.ts";
import { schemaDocument } from "./schemas.ts";
import type { Kind } from "./types.ts";

export interface SchemaProblem {
  path: PathSegment[];
  message: string;
  hint: string;
}

const RFC3339_EXAMPLE = "2026-03-14T09:26:53Z";

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function show(value: unknown): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  const s = JSON.stringify(value);
  if (s === undefined) return String(value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  if (typeof value === "number" && !Number.isFinite(value)) return "infinite";
  return `a ${typeof value}`;
}

/** ajv's `type` list ("string,number") in words: "a string or a number". */
function jsonTypes(types: string): string {
  const words = types.split(",").map((t) => (t === "object" ? "a map" : t === "array" ? "a list" : t === "integer" ? "an integer" : `a ${t}`));
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}` : words[0];
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v = root;
  for (const seg of path) v = v == null ? undefined : (v as Record<string, unknown>)[seg as string];
  return v;
}

function allowedKeys(kind: Kind, schemaPath: string): string[] {
  // schemaPath like "#/properties/datasets/additionalProperties" or "common.schema.json#/$defs/…"
  const [file, frag] = schemaPath.split("#");
  const doc = schemaDocument(file ? (file.replace(".schema.json", "") as Kind) : kind);
  let node: unknown = doc;
  for (const seg of frag.split("/").slice(1, -1)) node = (node as Record<string, unknown>)?.[seg];
  const props = (node as { properties?: Record<string, unknown> })?.properties;
  return props ? Object.keys(props) : [];
}

/**
 * An ajv error in words. `writtenAt` gives the source text of the scalar at a
 * path as the file spells it (`1.10`, not 1.1), when the file is at hand.
 */
export function describeSchemaError(
  kind: Kind,
  value: unknown,
  writtenAt: (path: readonly PathSegment[]) => string | undefined,
  err: ErrorObject,
): SchemaProblem {
  const path = pointerToPath(err.instancePath);
  const field = path.length ? `\`${dotted(path)}\`` : `the ${kind} file`;
  const bad = valueAt(value, path);
  switch (err.keyword) {
    case "type": {
      const want = String(err.params.type);
      if (path.length === 0) {
        return {
          path,
          message: `the ${kind} file holds ${typeName(bad)}, but it must be a map of fields`,
          hint: `Write \`key: value\` lines at the top level; see schemas/${kind}.schema.json.`,
        };
      }
      if (typeof bad === "number" && !Number.isFinite(bad)) {
        return {
          path,
          message: `${field} is ${show(bad)}, but it must be a finite number`,
          hint: "Record a real number, or leave the metric out if the run produced none.",
        };
      }
      const written = writtenAt(path);
      if (want === "string" && written !== undefined && typeof bad !== "string") {
        return {
          path,
          message: `${field} is ${typeName(bad)} (${written} is read as ${show(bad)}), but it must be a string`,
          hint: `Quote it: \`${String(path[path.length - 1])}: "${written}"\`.`,
        };
      }
      return {
        path,
        message: `${field} is ${typeName(bad)} (${show(bad)}), but it must be ${jsonTypes(want)}`,
        hint: `Change ${field} to ${jsonTypes(want)}.`,
      };
    }
    case "required": {
      const missing = String(err.params.missingProperty);
      const example = missing === "created" ? RFC3339_EXAMPLE : missing === "id" ? "<the file name without .yaml>" : "…";
      return { path: path, message: `${field} has no \`${missing}\`, which is required`, hint: `Add \`${missing}: ${example}\`.` };
    }
    case "additionalProperties": {
      const extra = String(err.params.additionalProperty);
      const allowed = allowedKeys(kind, err.schemaPath);
      return {
        path: [...path, extra],
        message: `${field} has an unknown key \`${extra}\``,
        hint: `${didYouMean(extra, allowed)}Allowed keys: ${allowed.join(", ")}. Free-form data goes under \`parameters\`, \`environment\` or \`tags\`.`,
      };
    }
    case "format":
      return {
        path,
        message: `${field} is ${show(bad)}, which is not an RFC 3339 date-time`,
        hint: `Write a date, a time and a time zone, e.g. \`${RFC3339_EXAMPLE}\` or \`2026-03-14T18:26:53+09:00\`.`,
      };
    case "pattern": {
      const last = path[path.length - 1];
      const what =
        last === "version"
          ? "a version label (letters, digits, `.`, `_`, `+`, `-`; starting with a letter or digit)"
          : last === "id"
            ? "a lower-case ULID (26 characters)"
            : last === "sha256"
              ? "64 lower-case hex digits"
              : last === "md5"
                ? "32 lower-case hex digits"
                : last === "commit"
                  ? "a lower-case hex commit id (7 to 64 digits)"
                  : `text matching ${String(err.params.pattern)}`;
      return { path, message: `${field} is ${show(bad)}, which is not ${what}`, hint: `Replace it with ${what}.` };
    }
    case "enum":
      return {
        path,
        message: `${field} is ${show(bad)}, but it must be one of: ${(err.params.allowedValues as unknown[]).join(", ")}`,
        hint: `${didYouMean(String(bad), (err.params.allowedValues as unknown[]).map(String))}Use one of the allowed values.`,
      };
    case "propertyNames":
      return {
        path,
        message: `${field} has a key ${show(err.params.propertyName)} that is not allowed`,
        hint: "Alias names are lower-case letters, digits, `-` and `_`; other keys must be 1–200 characters.",
      };
    default:
      return { path, message: `${field} ${err.message ?? "is invalid"} (${show(bad)})`, hint: `See the field's description in schemas/${kind}.schema.json.` };
  }
}
