// The naive baseline the benchmark compares against (issue #3): one thread,
// glob → read → yaml.parse (through parseUnchecked, the package's parse as it
// is) → ajv, no cache. Deliberately the obvious code; it is benchmark-only.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
import { schemaErrors } from "../lib/schema/schemas.ts";
import type { Kind } from "../lib/schema/types.ts";
import { parseUnchecked } from "../lib/yaml/yaml.ts";

export async function naiveValidate(registry: string): Promise<{ files: number; invalid: number }> {
  const files = await fg("**/*.yaml", { cwd: registry });
  let invalid = 0;
  for (const file of files) {
    const kind: Kind = file.endsWith("project.yaml") ? "project" : file.endsWith("model.yaml") ? "model" : "experiment";
    const value = parseUnchecked(readFileSync(join(registry, file), "utf8"));
    if (schemaErrors(kind, value).length > 0) invalid++;
  }
  return { files: files.length, invalid };
}
