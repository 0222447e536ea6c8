// A record file's parsed content without the schema check, for lookups that
// must see a record even when it breaks its schema: is a version taken (add,
// resolve), is a project name used (add), was a source run imported before
// (import), what a record held in an older commit (history). The checked
// reads are read.ts, loader.ts and session.ts.
import { readFileSync } from "node:fs";
import { decodeUtf8, parseYaml } from "../yaml/yaml.ts";

/** Undefined when the file is not well-formed YAML; `text` saves a second read when the caller already has it. */
export function peekRecord<T>(path: string, text = readFileSync(path, "utf8")): T | undefined {
  return parseYaml(text).value as T | undefined;
}

/** A record as a git blob held it (history); undefined when it is missing, not UTF-8, not YAML or not a map. */
export function peekBlob(blob: Buffer | undefined): Record<string, unknown> | undefined {
  if (!blob) return undefined;
  const decoded = decodeUtf8(blob);
  if ("problem" in decoded) return undefined;
  const parsed = parseYaml(decoded.text);
  const v = parsed.value;
  return parsed.problems.length === 0 && v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
