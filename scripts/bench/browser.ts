// Headless Chromium and a static server for built sites, shared by the browser
// tests (test/_browser.ts) and the search benchmark: playwright-core driving
// Debian's chromium, never a downloaded browser. Where no chromium exists (a
// laptop without it), callers skip with NO_CHROMIUM as the note; `.ci/run`
// installs it, so CI always runs the browser tests.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import type { Browser } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

const CHROMIUM = CANDIDATES.find((p): p is string => !!p && existsSync(p));
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
