// One history case of the bench (issue #16) in its own process, timed inside
// it, so the table can show the work apart from Node and tsx start-up (which
// a loaded machine stretches): `pass REGISTRY CACHE` is the site build's
// history pass (the one git pass and the shaping into page data, after the
// registry is loaded, as the build runs it); `model REGISTRY P/M` is what
// `history P/M` computes; `at REGISTRY REF DATE` what `resolve REF --at DATE` does.
// Prints {ms}, then {rssMb} as its last line (sample.ts).
import { describeTargets, experimentAt, modelHistory } from "../lib/history/history.ts";
import { loadRegistry } from "../lib/registry/loader.ts";
import { loadHistory } from "../lib/site/timeline.ts";
import { buildSiteData } from "../lib/site/view.ts";

const [what, registry, a, b] = process.argv.slice(2);
let ms = 0;
if (what === "pass") {
  const loaded = await loadRegistry({ registry, cacheDir: a });
  const start = performance.now();
  const history = await loadHistory(loaded.root);
  if (!history.available) throw new Error(history.reason);
  buildSiteData(loaded, { built: "", branch: "main", registryPath: "registry" }, history);
  ms = performance.now() - start;
} else if (what === "model") {
  const start = performance.now();
  const [project, model] = a.split("/");
  const changes = await modelHistory(registry, project, model);
  describeTargets(
    registry,
    project,
    model,
    changes.flatMap((c) => [c.from, c.to].filter((v): v is string => v !== undefined)),
  );
  ms = performance.now() - start;
} else if (what === "at") {
  const start = performance.now();
  await experimentAt(registry, a, b);
  ms = performance.now() - start;
} else {
  throw new Error(`unknown case ${what}`);
}
process.stdout.write(`${JSON.stringify({ ms })}\n`);
process.stdout.write(`${JSON.stringify({ rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
