// Browser tests (issue #6): the chromium and static-server helpers live in
// scripts/bench/browser.ts (the search benchmark uses them too); this file adds
// building a registry's site through the CLI and running axe-core on a page.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
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

/** The WCAG 2.1 A and AA rules of axe-core (issue #15). */
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * Runs axe-core on the page as it is now. The page's Content Security Policy
 * allows only the site's own scripts, so the context the page runs in must be
 * made with `bypassCSP: true` for axe to be injected; pages are checked for
 * the CSP elsewhere (site-build.test.ts), never in such a context.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  await page.addScriptTag({ content: source });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, WCAG);
}
