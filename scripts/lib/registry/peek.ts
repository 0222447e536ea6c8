// A record file's parsed content without the schema check, for lookups that
// must see a record even when it breaks its schema: is a version taken (add,
// resolve), is a project name used (add), was a source run imported before
// (import). The checked reads are read.ts, loader.ts and session.ts.
import { readFileSync } from "node:fs";
import { parseYaml } from "../yaml/yaml.ts";

/** Undefined when the file is not well-formed YAML; `text` saves a second read when the caller already has it. */
export function peekRecord<T>(path: string, text = readFileSync(path, "utf8")): T | undefined {
  return parseYaml(text).value as T | undefined;
}
