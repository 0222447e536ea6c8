// Browser tests (issue #6): the chromium and static-server helpers live in
// scripts/bench/browser.ts (the search benchmark uses them too); this file adds
// building a registry's site through the CLI.
import { join } from "node:path";
import { cacheEnv, runCli, tempDir } from "./_helpers.ts";

export { launch, NO_CHROMIUM, type StaticServer, serveStatic } from "../scripts/bench/browser.ts";

/** Builds a registry's site through the CLI into a temp dir; returns the output directory. */
export async function buildSiteFor(registry: string, opts: { base?: string; extra?: string[] } = {}): Promise<string> {
  const out = join(tempDir("modelreg-site-"), "out");
  const r = await runCli(["site", "build", "--registry", registry, "--out", out, ...(opts.base ? ["--base", opts.base] : []), ...(opts.extra ?? [])], {
    timeoutMs: 300_000,
    env: cacheEnv(),
  });
  if (r.code !== 0) throw new Error(`site build failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return out;
}
