// Rows for the query language. (A column cache that avoids re-parsing at 100k
// experiments is being added; until then every row is read and checked.)
import { readExperiments } from "./read.ts";
import type { QueryRow } from "./query.ts";

export async function loadQueryRows(registry: string, scope: { project?: string; model?: string }): Promise<QueryRow[]> {
  const { rows, skipped } = await readExperiments(registry, scope);
  if (skipped.length > 0) {
    const files = new Set(skipped.map((d) => d.file)).size;
    process.stderr.write(`modelreg: ${files} invalid experiment file${files === 1 ? "" : "s"} left out; run \`modelreg validate\` to see why\n`);
  }
  return rows;
}
