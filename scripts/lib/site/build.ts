// `modelreg site build|preview|dev` (issue #6): load the registry once with the
// one loader, stop on validation errors, hand the shaped data to Astro in this
// process, and write the static API beside the pages. Given the previous
// output and its manifest, only what changed is rendered and written (issue #15).

import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroInlineConfig } from "astro";
import { defaultCacheDir } from "../cache/cache.ts";
import { DataError, UsageError } from "../core/errors.ts";
import { defined } from "../core/invariant.ts";
import { loadRegistry } from "../registry/loader.ts";
import { formatText } from "../rules/format-diagnostics.ts";
import { analysisFiles } from "./analysis-files.ts";
import { API_VERSION, apiFiles } from "./api.ts";
import { compiledLib } from "./compiled-lib.ts";
import { siteFingerprint } from "./fingerprint.ts";
import { bodyOf, type DataFile, filesIn, keptGroup, mergePages, planPages, removeStale, writeDataFiles } from "./incremental.ts";
import { hashOf, manifestPath, readManifest, writeManifest } from "./manifest.ts";
import { siteMeta } from "./meta.ts";
import { openApiDocument } from "./openapi.ts";
import { registryInputs } from "./pages/inputs.ts";
import { searchDocs } from "./search-docs.ts";
import { searchFiles } from "./search-index.ts";
import { loadHistory } from "./timeline.ts";
import { buildSiteData, type SiteData } from "./view.ts";

const SITE_DIR = fileURLToPath(new URL("../../../site/", import.meta.url));
const SCHEMAS_DIR = fileURLToPath(new URL("../../../schemas/", import.meta.url));
const HANDOFF = Symbol.for("modelreg.site");
/** Where the search index's files go (search-index.ts writes them all under it). */
const SEARCH_DIR = "search/";

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
  // Git history in one pass (issue #16), beside the metadata.
  const [meta, history] = await Promise.all([siteMeta(loaded.root, opts), loadHistory(loaded.root)]);
  return buildSiteData(loaded, meta, history);
}

/** The registry is loaded before Astro starts (loading alongside Astro's bundling was slower on two cores: both want the main thread). */
/** Hands the data to the Astro pages (site/src/lib/site.ts), and which page files to render (all when absent). */
function handOff(data: SiteData, render?: Set<string>): void {
  (globalThis as Record<symbol, unknown>)[HANDOFF] = { data, render };
}

/**
 * Every static file besides the pages, by path from the site's root: the API,
 * its OpenAPI document and the schemas it refers to, the search index and the
 * Analysis panel's files.
 */
function* dataFiles(data: SiteData, base: string, opts: { search?: boolean } = {}): Generator<DataFile> {
  const api = `api/${API_VERSION}/`;
  for (const f of apiFiles(data, base)) yield { ...f, path: api + f.path };
  yield { path: `${api}openapi.json`, body: `${JSON.stringify(openApiDocument(base), null, 2)}\n` };
  for (const kind of ["common", "project", "model", "experiment"]) {
    yield { path: `${api}schemas/${kind}.schema.json`, body: readFileSync(join(SCHEMAS_DIR, `${kind}.schema.json`), "utf8") };
  }
  if (opts.search !== false) yield* searchFiles(searchDocs(data));
  yield* analysisFiles(data);
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
        if (!["api/", "search/", "analysis/"].some((dir) => path.startsWith(base + dir))) return next();
        const data = current();
        if (cached?.data !== data) cached = { data, files: new Map([...dataFiles(data, base)].map((f) => [f.path, bodyOf(f)])) };
        const body = cached.files.get(path.slice(base.length));
        if (body === undefined) return next();
        res.setHeader("Content-Type", "application/json; charset=utf-8");
        res.end(body);
      });
    },
  };
}

function astroConfig(opts: SiteOptions, extra: { plugins?: unknown[] } = {}): AstroInlineConfig {
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
    // Scripts and styles stay files, so the Content Security Policy needs no inline allowance.
    // Short asset names: every page links its scripts and styles, and at 100k pages the names add up (issue #15).
    vite: {
      build: {
        assetsInlineLimit: 0,
        rollupOptions: { output: { entryFileNames: "_astro/[hash].js", chunkFileNames: "_astro/[hash].js", assetFileNames: "_astro/[hash][extname]" } },
      },
      plugins: [compiledLib(), ...(extra.plugins ?? [])] as never,
      logLevel: "warn",
    },
  };
}

export interface BuildResult {
  out: string;
  /** Pages of the site, and how many of them this build rendered (the others were reused). */
  pages: number;
  rendered: number;
  /** API, OpenAPI document, schemas and search index files, and how many were written. */
  dataFiles: number;
  written: number;
  /** Files of the previous build that records no longer make. */
  removed: number;
  /** Why every page was rendered, when it was; undefined for an incremental build. */
  full?: string;
  ms: number;
  /** Where the time went: loading the registry, deciding what changed, Astro's build, writing the API and search files. */
  phases: { loadMs: number; planMs: number; astroMs: number; dataMs: number };
}

/**
 * Astro renders into a private directory under `<cwd>/.astro/`: it stages its
 * server chunks in `<cwd>/.astro/` when the output directory lies outside the
 * working directory, so two builds at once (parallel tests, a benchmark beside
 * them) would otherwise share it. A full build then replaces the output; an
 * incremental one moves only the pages it rendered into the previous output.
 */
function staging(): string {
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

/** What every file of a build depends on besides its own data: the site code and the base path. */
const buildKey = (base: string): string => hashOf(siteFingerprint(), base);

export async function buildSite(opts: SiteOptions, data?: SiteData): Promise<BuildResult> {
  const started = performance.now();
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  const site = data ?? (await loadSite(opts));
  const loaded = performance.now();
  const out = resolve(opts.out);
  const key = buildKey(opts.base);
  const cacheDir = opts.cacheDir === false ? undefined : (opts.cacheDir ?? defaultCacheDir());
  const manifestFile = cacheDir ? manifestPath(cacheDir, out) : undefined;
  const previous = manifestFile ? readManifest(manifestFile, key, out) : { reason: "the cache is off (--no-cache)" };
  const manifest = "manifest" in previous ? previous.manifest : undefined;
  const plan = planPages(site, key, out, manifest, "reason" in previous ? previous.reason : undefined);
  const planned = performance.now();

  const dir = staging();
  let dataMs = 0;
  let data_ = { written: 0, total: 0 };
  const inputs = new Map<string, string>();
  const search = registryInputs(site);
  if (search !== undefined) inputs.set(SEARCH_DIR, search);
  try {
    if (plan.full || plan.render.size > 0) {
      handOff(site, plan.full ? undefined : plan.render);
      const { build } = await import("astro");
      await build(astroConfig({ ...opts, out: dir }));
    }
    const t = performance.now();
    if (plan.full) {
      data_ = writeDataFiles(dir, dataFiles(site, opts.base), key, plan.files, undefined, inputs);
      // Whatever else Astro wrote (scripts, styles, public files) depends on the site code alone.
      for (const file of filesIn(dir)) if (!plan.files.has(file)) plan.files.set(file, hashOf(key, file));
      moveInto(dir, out);
    } else {
      mergePages(dir, out, plan.render);
      // The search index is made from every record at once: kept whole while no record changed.
      const kept = keptGroup(SEARCH_DIR, search, manifest, out);
      data_ = writeDataFiles(out, dataFiles(site, opts.base, { search: !kept }), key, plan.files, manifest, inputs);
      for (const [file, hash] of kept ?? []) plan.files.set(file, hash);
      data_.total += kept?.length ?? 0;
      // Not a full build, so planPages found a previous manifest.
      const previousFiles = defined(manifest, "the previous manifest of an incremental build").files;
      for (const [file, hash] of Object.entries(previousFiles)) if (!plan.files.has(file) && hash === hashOf(key, file)) plan.files.set(file, hash);
    }
    dataMs = performance.now() - t;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const removed = manifest ? removeStale(out, manifest, plan.files) : 0;
  if (manifestFile) writeManifest(manifestFile, key, plan.files, inputs);
  const ms = performance.now() - started;
  return {
    out,
    pages: plan.pages,
    rendered: plan.full ? plan.pages : plan.render.size,
    dataFiles: data_.total,
    written: data_.written,
    removed,
    ...(plan.full ? { full: plan.full } : {}),
    ms,
    phases: { loadMs: loaded - started, planMs: planned - loaded, astroMs: ms - (planned - started) - dataMs, dataMs },
  };
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
