// Browser tests (issue #6): playwright-core driving Debian's chromium, never a
// downloaded browser. Where no chromium exists (a laptop without it), the
// tests skip with a note; `.ci/run` installs it, so CI always runs them.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import type { Browser } from "playwright-core";
import { cacheEnv, ROOT, runCli, tempDir } from "./_helpers.ts";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export const CHROMIUM = CANDIDATES.find((p): p is string => !!p && existsSync(p));
export const NO_CHROMIUM = CHROMIUM ? undefined : "chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH); .ci/run installs it";

export async function launch(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ["--no-sandbox"] : [] });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

export interface StaticServer {
  url: string;
  /** Every request: path and status. */
  requests: Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

/** Serves a built site under `base` as GitHub Pages does: `dir/index.html` for `dir/`, 404.html otherwise. */
export async function serveStatic(root: string, base = "/"): Promise<StaticServer> {
  const requests: StaticServer["requests"] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let status = 404;
    let file = join(root, "404.html");
    if (path.startsWith(base)) {
      const rel = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, "");
      const target = join(root, rel);
      const candidate = existsSync(target) && statSync(target).isDirectory() ? join(target, "index.html") : target;
      if (target.startsWith(root) && existsSync(candidate) && statSync(candidate).isFile()) [status, file] = [200, candidate];
    }
    requests.push({ path, status });
    res.writeHead(status, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(existsSync(file) ? readFileSync(file) : "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${base}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

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
export async function axeViolations(page: import("playwright-core").Page): Promise<AxeViolation[]> {
  const source = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  await page.addScriptTag({ content: source });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, WCAG);
}
