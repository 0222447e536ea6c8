// `modelreg site build|preview|dev` (issue #6): load the registry once with the
// one loader, stop on validation errors, hand the shaped data to Astro in this
// process, and write the static API beside the pages.

import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroInlineConfig, AstroIntegration } from "astro";
import { defaultCacheDir } from "../cache/cache.ts";
import { DataError, UsageError } from "../core/errors.ts";
import { loadRegistry } from "../registry/loader.ts";
import { formatText } from "../rules/format-diagnostics.ts";
import { API_VERSION, apiFiles } from "./api.ts";
import { siteMeta } from "./meta.ts";
import { openApiDocument } from "./openapi.ts";
import { searchDocs } from "./search-docs.ts";
import { searchFiles } from "./search-index.ts";
import { buildSiteData, type SiteData } from "./view.ts";

const SITE_DIR = fileURLToPath(new URL("../../../site/", import.meta.url));
const SCHEMAS_DIR = fileURLToPath(new URL("../../../schemas/", import.meta.url));
const HANDOFF = Symbol.for("modelreg.site");

export interface SiteOptions {
  registry: string;
  out: string;
  /** URL path the site is served under: `/` or `/repo/`. */
  base: string;
  /** Web URL of the registry's repository, for source links; read from git when absent. */
  repoUrl?: string;
  branch?: string;
  /** Where the record cache lives; false for none (see loader.ts). Default: the validation cache's directory. */
  cacheDir?: string | false;
}

/** `/`, `/repo/`: a leading and a trailing slash, nothing else. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? "/").trim().replace(/^\/+|\/+$/g, "");
  if (trimmed && !/^[A-Za-z0-9._~\-/]+$/.test(trimmed)) {
    throw new UsageError(`--base "${base}" is not a URL path`, "E_BAD_FLAG", "Use letters, digits, `-`, `_`, `.` and `/`, e.g. `--base /my-registry/`.");
  }
  return trimmed ? `/${trimmed}/` : "/";
}

/** Loads and shapes the registry; an invalid registry stops here with the validator's messages. */
export async function loadSite(opts: Pick<SiteOptions, "registry" | "repoUrl" | "branch" | "cacheDir">): Promise<SiteData> {
  const loaded = await loadRegistry({ registry: opts.registry, cacheDir: opts.cacheDir ?? defaultCacheDir() });
  const errors = loaded.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const text = formatText(
      {
        valid: false,
        checked: loaded.projects.length + loaded.models.length + loaded.experiments.length,
        diagnostics: loaded.diagnostics,
        registry: opts.registry,
      },
      false,
    );
    throw new DataError(
      `the registry is not valid, so the site was not built:\n${text.trimEnd()}`,
      "E_INVALID_REGISTRY",
      "Fix the problems above (`modelreg validate` lists them), then build again.",
    );
  }
  return buildSiteData(loaded, await siteMeta(loaded.root, opts));
}

/** The registry is loaded before Astro starts (loading alongside Astro's bundling was slower on two cores: both want the main thread). */
/**
 * Drops tsx's loader hooks (registered by bin/modelreg.mjs) once our modules
 * are loaded: Astro and Vite compile the site's TypeScript themselves, and
 * every module they load through the hooks costs memory (about double the
 * peak RSS of a build).
 */
function dropTsxHooks(): void {
  const key = Symbol.for("modelreg.unregisterTsx");
  const unregister = (globalThis as Record<symbol, unknown>)[key];
  if (typeof unregister === "function") {
    (unregister as () => void)();
    delete (globalThis as Record<symbol, unknown>)[key];
  }
}

function handOff(data: SiteData): void {
  (globalThis as Record<symbol, unknown>)[HANDOFF] = { data };
}

/**
 * Every static file besides the pages, by path from the site's root: the API,
 * its OpenAPI document and the schemas it refers to, and the search index.
 */
function* dataFiles(data: SiteData, base: string): Generator<{ path: string; body: string }> {
  const api = `api/${API_VERSION}/`;
  for (const f of apiFiles(data, base)) yield { path: api + f.path, body: f.body };
  yield { path: `${api}openapi.json`, body: `${JSON.stringify(openApiDocument(base), null, 2)}\n` };
  for (const kind of ["common", "project", "model", "experiment"]) {
    yield { path: `${api}schemas/${kind}.schema.json`, body: readFileSync(join(SCHEMAS_DIR, `${kind}.schema.json`), "utf8") };
  }
  yield* searchFiles(searchDocs(data));
}

function writeDataFiles(outDir: string, data: SiteData, base: string): number {
  const made = new Set<string>();
  let count = 0;
  for (const f of dataFiles(data, base)) {
    const path = join(outDir, f.path);
    const dir = dirname(path);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(path, f.body);
    count++;
  }
  return count;
}

/** Serves the API and search files from memory while `astro dev` runs, rebuilt when the data is. */
function dataDevServer(current: () => SiteData, base: string) {
  let cached: { data: SiteData; files: Map<string, string> } | undefined;
  return {
    name: "modelreg-api-dev",
    configureServer(server: {
      middlewares: { use(fn: (req: { url?: string }, res: { setHeader(k: string, v: string): void; end(b: string): void }, next: () => void) => void): void };
    }) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? "").split("?")[0]);
        if (!path.startsWith(`${base}api/`) && !path.startsWith(`${base}search/`)) return next();
        const data = current();
        if (cached?.data !== data) cached = { data, files: new Map([...dataFiles(data, base)].map((f) => [f.path, f.body])) };
        const body = cached.files.get(path.slice(base.length));
        if (body === undefined) return next();
        res.setHeader("Content-Type", "application/json; charset=utf-8");
        res.end(body);
      });
    },
  };
}

function astroConfig(opts: SiteOptions, extra: { integrations?: AstroIntegration[]; plugins?: unknown[] } = {}): AstroInlineConfig {
  const cacheKey = createHash("sha1").update(SITE_DIR).digest("hex").slice(0, 10);
  return {
    root: SITE_DIR,
    configFile: false,
    outDir: resolve(opts.out),
    cacheDir: join(tmpdir(), `modelreg-astro-${cacheKey}`),
    base: opts.base,
    trailingSlash: "ignore",
    logLevel: "warn",
    devToolbar: { enabled: false },
    build: { format: "directory", inlineStylesheets: "never", concurrency: 4 },
    integrations: extra.integrations ?? [],
    // Scripts and styles stay files, so the Content Security Policy needs no inline allowance.
    vite: { build: { assetsInlineLimit: 0 }, plugins: (extra.plugins ?? []) as never, logLevel: "warn" },
  };
}

export interface BuildResult {
  out: string;
  pages: number;
  /** API, OpenAPI document, schemas and search index files. */
  dataFiles: number;
  ms: number;
  /** Where the time went: loading the registry, Astro's build, writing the API and search files. */
  phases: { loadMs: number; astroMs: number; dataMs: number };
}

/**
 * Astro stages its server chunks in `<cwd>/.astro/` when the output directory
 * lies outside the working directory, so two such builds at once (parallel
 * tests, a benchmark beside them) would share it. Those builds go to a private
 * directory under `<cwd>/.astro/` instead and are moved into place at the end.
 */
function stagingFor(out: string): string | undefined {
  if (resolve(out).startsWith(process.cwd() + sep)) return undefined;
  mkdirSync(join(process.cwd(), ".astro"), { recursive: true });
  return mkdtempSync(join(process.cwd(), ".astro", "build-"));
}

function moveInto(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

export async function buildSite(opts: SiteOptions, data?: SiteData): Promise<BuildResult> {
  const started = performance.now();
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  const site = data ?? (await loadSite(opts));
  const loaded = performance.now();
  handOff(site);
  let pages = 0;
  let files = 0;
  let dataMs = 0;
  const integration: AstroIntegration = {
    name: "modelreg-api",
    hooks: {
      "astro:build:done": ({ dir, pages: built }) => {
        pages = built.length;
        const t = performance.now();
        files = writeDataFiles(fileURLToPath(dir), site, opts.base);
        dataMs = performance.now() - t;
      },
    },
  };
  dropTsxHooks();
  const { build } = await import("astro");
  const staging = stagingFor(opts.out);
  try {
    await build(astroConfig({ ...opts, out: staging ?? opts.out }, { integrations: [integration] }));
    if (staging) moveInto(staging, resolve(opts.out));
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
  const ms = performance.now() - started;
  return { out: resolve(opts.out), pages, dataFiles: files, ms, phases: { loadMs: loaded - started, astroMs: ms - (loaded - started) - dataMs, dataMs } };
}

/** The first port from `start` on that nothing listens on, so the URL printed is the one served. */
async function freePort(start: number, host: string): Promise<number> {
  for (let port = start; port < start + 50; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once("error", () => resolve(false));
      probe.listen(port, host, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new UsageError(`ports ${start}–${start + 49} are all in use`, "E_NO_PORT", "Pass a free one with `--port N`.");
}

export async function previewSite(
  opts: SiteOptions & { port?: number; host?: string },
): Promise<{ url: string; stop(): Promise<void>; closed(): Promise<void> }> {
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  const { preview } = await import("astro");
  const host = opts.host ?? "localhost";
  const port = await freePort(opts.port ?? 4321, host);
  const server = await preview({ ...astroConfig(opts), server: { port, host } });
  return { url: `http://${host}:${port}${opts.base}`, stop: () => server.stop(), closed: () => server.closed() };
}

/** `astro dev` over a registry: the data is reloaded and the browser refreshed when a registry file changes. */
export async function devSite(opts: SiteOptions & { port?: number }, onReload: (error?: Error) => void): Promise<{ url: string; stop(): Promise<void> }> {
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  let data = await loadSite(opts);
  handOff(data);
  const registry = resolve(opts.registry);
  const watcher = {
    name: "modelreg-registry-watch",
    configureServer(server: {
      watcher: { add(p: string): void; on(e: string, fn: (event: string, path: string) => void): void };
      ws: { send(m: object): void };
    }) {
      server.watcher.add(registry);
      let timer: NodeJS.Timeout | undefined;
      server.watcher.on("all", (_event: string, path: string) => {
        if (!resolve(path).startsWith(registry)) return;
        clearTimeout(timer);
        timer = setTimeout(async () => {
          try {
            data = await loadSite(opts);
            handOff(data);
            onReload();
          } catch (err) {
            onReload(err as Error);
          }
          server.ws.send({ type: "full-reload" });
        }, 150);
      });
    },
  };
  const { dev } = await import("astro");
  const config = astroConfig(opts, { plugins: [watcher, dataDevServer(() => data, opts.base)] });
  const port = await freePort(opts.port ?? 4321, "localhost");
  const server = await dev({ ...config, server: { port, host: "localhost" } });
  return { url: `http://localhost:${port}${opts.base}`, stop: () => server.stop() };
}
