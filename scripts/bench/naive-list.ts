// The naive baseline for `list experiments` (issue #5): parse every experiment
// file, then filter, sort and cut in memory with the same query code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
import { compareValues, fieldValue, matches, parseQuery, type QueryRow } from "../lib/query/query.ts";
import type { ExperimentData } from "../lib/schema/types.ts";
import { parseUnchecked } from "../lib/yaml/yaml.ts";

export async function naiveList(registry: string, where: string, sortKey: string, limit: number): Promise<QueryRow[]> {
  const query = parseQuery(where);
  const files = await fg("*/models/*/experiments/*.yaml", { cwd: registry });
  const rows: QueryRow[] = files.map((file) => {
    const [project, , model, , name] = file.split("/");
    return { project, model, id: name.slice(0, -5), data: parseUnchecked(readFileSync(join(registry, file), "utf8")) as ExperimentData };
  });
  return rows
    .filter((r) => matches(query, r))
    .sort((a, b) => compareValues(fieldValue(a, sortKey), fieldValue(b, sortKey), "desc"))
    .slice(0, limit);
}
