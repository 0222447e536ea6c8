// The search benchmark (issue #7, "Targets"), in headless Chromium on a built
// site: time from an input event to results rendered (the next animation
// frame after the DOM update), over the fixed query list, typed keystroke by
// keystroke; bytes fetched before the first results; and, in the same browser,
// the naive baseline: one fuse.js index over every document, loaded whole and
// queried on the main thread.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { loadSite } from "../lib/site/build.ts";
import { SEARCH_FIELDS, searchDocs } from "../lib/site/search-docs.ts";
import { FUSE_OPTIONS } from "../lib/site/search-engine.ts";
import { launch, NO_CHROMIUM, serveStatic } from "./browser.ts";
import { searchQueries } from "./search-queries.ts";

export interface SearchRow {
  size: number;
  case: string;
  ours: number | null;
  naive: number | null;
  unit: string;
  target: string;
  met: boolean | null;
}

const FUSE = fileURLToPath(new URL("../../node_modules/fuse.js/dist/fuse.min.mjs", import.meta.url));

/** The naive page: all documents in one JSON file, one Fuse index, results rendered like ours (top 6 per kind). */
function writeNaivePage(out: string, docs: unknown[]): void {
  const dir = join(out, "__naive");
  mkdirSync(dir, { recursive: true });
  copyFileSync(FUSE, join(dir, "fuse.js"));
  writeFileSync(join(dir, "docs.json"), JSON.stringify(docs));
  const keys = SEARCH_FIELDS.map((f) => ({ name: ["fields", f.key], weight: f.weight }));
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><meta charset="utf-8"><div id="r"></div><script type="module">
import Fuse from "./fuse.js";
const docs = await (await fetch("./docs.json")).json();
const fuse = new Fuse(docs, { ...${JSON.stringify(FUSE_OPTIONS)}, keys: ${JSON.stringify(keys)} });
const r = document.getElementById("r");
window.naiveSearch = (q) => {
  const groups = { project: [], model: [], experiment: [] };
  for (const hit of fuse.search(q)) if (groups[hit.item.kind].length < 6) groups[hit.item.kind].push(hit.item);
  r.replaceChildren(...Object.values(groups).flat().map((d) => Object.assign(document.createElement("p"), { textContent: d.title })));
  r.dataset.query = q;
};
window.naiveReady = true;
</script>`,
  );
}

/** Milliseconds from an input event to the frame after the results are in the DOM. */
function timeQuery(page: Page, selector: string, query: string, naive: boolean): Promise<number> {
  return page.evaluate(
    async ({ selector, query, naive }) => {
      // Runs in the page, so it cannot import the site's required() helper.
      const target = document.querySelector<HTMLElement>(selector);
      if (!target) throw new Error(`the page has no ${selector}`);
      target.dataset.query = "";
      const started = performance.now();
      if (naive) (window as unknown as { naiveSearch(q: string): void }).naiveSearch(query);
      else {
        const input = document.querySelector<HTMLInputElement>("#site-search");
        if (!input) throw new Error("the page has no #site-search");
        input.value = query;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      const deadline = started + 60_000;
      while (target.dataset.query !== query.trim()) {
        if (performance.now() > deadline) throw new Error(`no results rendered for "${query}" within 60 s`);
        await new Promise((r) => setTimeout(r, 0));
      }
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      return performance.now() - started;
    },
    { selector, query, naive },
  );
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Keystrokes of a query: every prefix from two characters on. */
const prefixes = (q: string): string[] => Array.from({ length: Math.max(1, q.length - 1) }, (_, i) => q.slice(0, i + 2)).filter((p) => !p.endsWith(" "));

export async function benchSearch(size: number, registry: string, out: string): Promise<SearchRow[]> {
  if (NO_CHROMIUM) {
    process.stderr.write(`[${size}] search: skipped, ${NO_CHROMIUM}\n`);
    return [];
  }
  const docs = searchDocs(await loadSite({ registry }));
  const queries = searchQueries(docs.filter((d) => d.kind === "experiment").map((d) => d.key));
  writeNaivePage(out, docs);
  const server = await serveStatic(out);
  const browser = await launch();
  try {
    const gz = (path: string) => gzipSync(readFileSync(join(out, decodeURIComponent(path)))).length;
    // Ours: a page that does not search fetches nothing of it; then keystrokes.
    process.stderr.write(`[${size}] search: ours, ${queries.length} queries keystroke by keystroke…\n`);
    const page = await browser.newPage();
    await page.goto(`${server.url}compare/`);
    await page.waitForLoadState("networkidle");
    const before = server.requests.length;
    const idle = server.requests.filter((r) => r.path.startsWith("/search/") || r.path.includes("search-client")).length;
    await page.locator("#site-search").focus();
    const first = await timeQuery(page, "#search-panel", queries[0].slice(0, 2), false);
    const firstBytes = server.requests.slice(before).reduce((n, r) => n + gz(r.path), 0);
    const keystrokes: number[] = [];
    const whole: number[] = [];
    for (const q of queries) for (const prefix of prefixes(q)) keystrokes.push(await timeQuery(page, "#search-panel", prefix, false));
    for (const q of queries) whole.push(await timeQuery(page, "#search-panel", q, false));
    await page.close();

    process.stderr.write(`[${size}] search: naive fuse.js over ${docs.length.toLocaleString("en")} documents…\n`);
    const naivePage = await browser.newPage();
    naivePage.on("pageerror", (e) => process.stderr.write(`naive page: ${e.message}\n`));
    const loadStart = Date.now();
    await naivePage.goto(`${server.url}__naive/`);
    await naivePage.waitForFunction(() => (window as unknown as { naiveReady?: boolean }).naiveReady === true, undefined, { timeout: 300_000 });
    const naiveLoadMs = Date.now() - loadStart;
    const naiveBytes = gz("__naive/docs.json") + gz("__naive/fuse.js");
    const naive: number[] = [];
    for (const q of queries) naive.push(await timeQuery(naivePage, "#r", q, true));
    await naivePage.close();

    const target = (ms: number) => ms <= 50;
    return [
      {
        size,
        case: "keystroke → results, p95 (every keystroke of the list)",
        ours: percentile(keystrokes, 95),
        naive: null,
        unit: "ms",
        target: "≤ 50 ms",
        met: target(percentile(keystrokes, 95)),
      },
      { size, case: "keystroke → results, slowest keystroke", ours: Math.max(...keystrokes), naive: null, unit: "ms", target: "—", met: null },
      { size, case: "whole query → results, p50", ours: percentile(whole, 50), naive: percentile(naive, 50), unit: "ms", target: "—", met: null },
      {
        size,
        case: "whole query → results, p95",
        ours: percentile(whole, 95),
        naive: percentile(naive, 95),
        unit: "ms",
        target: "≤ 50 ms",
        met: target(percentile(whole, 95)),
      },
      { size, case: "first results after focus (index not loaded yet)", ours: first, naive: naiveLoadMs, unit: "ms", target: "—", met: null },
      {
        size,
        case: "bytes before the first results (gzip)",
        ours: firstBytes / 1024,
        naive: naiveBytes / 1024,
        unit: "KB",
        target: "≤ 1,536 KB",
        met: firstBytes <= 1.5 * 1024 * 1024,
      },
      { size, case: "search requests by a page that does not search", ours: idle, naive: null, unit: "", target: "0", met: idle === 0 },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

export function searchReport(rows: SearchRow[]): string {
  const n = (v: number | null, unit: string) =>
    v === null ? "—" : `${v.toLocaleString("en", { maximumFractionDigits: unit === "ms" ? 1 : 0 })}${unit ? ` ${unit}` : ""}`;
  const lines = [
    `\n## search — ${new Date().toISOString().slice(0, 10)}, headless Chromium\n`,
    "Measured in the browser from the input event to the animation frame after the results are in the DOM, over the fixed query list (scripts/bench/search-queries.ts). Naive = one fuse.js index over every document, loaded whole, queried on the main thread, same options and field weights.\n",
    "| experiments | case | modelreg | naive | ratio | target | met |",
    "|---:|---|---:|---:|---:|---|:-:|",
  ];
  for (const r of rows) {
    const ratio = r.ours !== null && r.naive ? (r.ours / r.naive).toFixed(3) : "—";
    lines.push(
      `| ${r.size.toLocaleString("en")} | ${r.case} | ${n(r.ours, r.unit)} | ${n(r.naive, r.unit)} | ${ratio} | ${r.target} | ${r.met === null ? "" : r.met ? "✔" : "✖"} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
