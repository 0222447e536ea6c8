// Browser tests (issue #6): the chromium and static-server helpers live in
// scripts/bench/browser.ts (the search benchmark uses them too); this file adds
// building a registry's site through the CLI.
import { cacheEnv, ROOT, runCli } from "./_helpers.ts";
import { sharedBuild } from "./_shared-site.ts";

export { launch, NO_CHROMIUM, type StaticServer, serveStatic } from "../scripts/bench/browser.ts";

/**
 * Builds a registry's site through the CLI; returns the output directory, which
 * callers only read: suites asking for the same build share one (_shared-site.ts).
 */
export async function buildSiteFor(registry: string, opts: { base?: string; extra?: string[] } = {}): Promise<string> {
  const flags = ["--registry", registry, ...(opts.base ? ["--base", opts.base] : []), ...(opts.extra ?? [])];
  return sharedBuild(ROOT, flags, async (out) => {
    const r = await runCli(["site", "build", ...flags, "--out", out], { timeoutMs: 300_000, env: cacheEnv() });
    if (r.code !== 0) throw new Error(`site build failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  });
}
