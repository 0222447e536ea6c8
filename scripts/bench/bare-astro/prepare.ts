// Sets up the bare Astro baseline (issue #6) before it is timed: a throw-away
// project (this folder's template/ plus `astro` linked from this repository's
// node_modules, so Astro resolves as in any project) and its data, the
// registry's experiments as one JSON-lines file. The dump is the obvious code, fast-glob → yaml.parse, not our loader;
// like scripts/bench/naive-validate.ts it is benchmark-only.
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fg from "fast-glob";
import type { ExperimentData } from "../../lib/schema/types.ts";
import { parseUnchecked } from "../../lib/yaml/yaml.ts";

const TEMPLATE = fileURLToPath(new URL("./template/", import.meta.url));
const ASTRO = fileURLToPath(new URL("../../../node_modules/astro", import.meta.url));

/** Writes the project into `root` and the registry's experiments beside it; returns the dump's path. */
export async function prepareBareAstro(registry: string, root: string): Promise<string> {
  cpSync(TEMPLATE, root, { recursive: true });
  writeFileSync(join(root, "package.json"), `${JSON.stringify({ name: "bare-astro", private: true, type: "module" })}\n`);
  mkdirSync(join(root, "node_modules"));
  symlinkSync(ASTRO, join(root, "node_modules", "astro"), "dir");
  const lines: string[] = [];
  for (const file of await fg("*/models/*/experiments/*.yaml", { cwd: registry })) {
    const e = parseUnchecked(readFileSync(join(registry, file), "utf8")) as ExperimentData;
    lines.push(
      JSON.stringify({
        id: e.id,
        model: file.split("/")[2],
        description: e.description,
        parameters: e.parameters,
        evaluations: e.evaluations,
        datasets: e.datasets,
        artifacts: e.artifacts,
      }),
    );
  }
  const data = join(root, "experiments.jsonl");
  writeFileSync(data, `${lines.join("\n")}\n`);
  return data;
}
