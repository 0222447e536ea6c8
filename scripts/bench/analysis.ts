// The sweep analysis benchmark (issue #17, "Targets"): the largest model's
// analysis file (gzip), opening its Analysis panel and brushing an axis in
// headless Chromium, and the time computing every model's analysis takes
// beside a cold `modelreg site build` (which includes it).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { analysisFiles, analysisPath } from "../lib/site/analysis-files.ts";
import { loadSite } from "../lib/site/build.ts";
import { launch, NO_CHROMIUM, serveStatic } from "./browser.ts";
import { measureNode } from "./sample.ts";

export interface AnalysisRow {
  size: number;
  case: string;
  value: string;
  target: string;
  met: boolean | null;
}

const BIN = fileURLToPath(new URL("../../bin/modelreg.mjs", import.meta.url));
const REPORT_RSS = fileURLToPath(new URL("./report-rss.mjs", import.meta.url));
const BRUSH_STEPS = 40;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;

/** Opens the model page, the panel, and drags a brush down the first axis step by step. */
async function inBrowser(url: string): Promise<{ openMs: number; firstViewMs: number; brushP95: number; brushes: number }> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await page.locator("details.analysis > summary").scrollIntoViewIfNeeded();
    const t = performance.now();
    await page.locator("details.analysis > summary").click();
    await page.waitForSelector("details.analysis[data-ready]");
    const firstViewMs = performance.now() - t;
    const openMs = await page.evaluate(() => (window as unknown as { __modelregAnalysis: { openMs: number } }).__modelregAnalysis.openMs);
    const overlay = page.locator(".an-brush .overlay").first();
    await overlay.scrollIntoViewIfNeeded();
    const box = await overlay.boundingBox();
    if (!box) throw new Error("the panel drew no brushable axis");
    await page.mouse.move(box.x + box.width / 2, box.y + 4);
    await page.mouse.down();
    for (let i = 1; i <= BRUSH_STEPS; i++) {
      await page.mouse.move(box.x + box.width / 2, box.y + 4 + ((box.height - 8) * i) / BRUSH_STEPS);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    }
    await page.mouse.up();
    const brushMs = await page.evaluate(() => (window as unknown as { __modelregAnalysis: { brushMs: number[] } }).__modelregAnalysis.brushMs);
    return { openMs, firstViewMs, brushP95: p95(brushMs), brushes: brushMs.length };
  } finally {
    await browser.close();
  }
}

export async function benchAnalysis(size: number, registry: string): Promise<AnalysisRow[]> {
  const dir = mkdtempSync(join(tmpdir(), `modelreg-bench-analysis-${size}-`));
  try {
    process.stderr.write(`[${size}] analysis: cold site build…\n`);
    const out = join(dir, "site");
    const build = await measureNode(["--import", REPORT_RSS, BIN, "site", "build", "--registry", registry, "--out", out], {
      ASTRO_TELEMETRY_DISABLED: "1",
      MODELREG_CACHE_DIR: join(dir, "cache"),
    });
    if (build.code !== 0) throw new Error(`modelreg site build failed with exit code ${build.code}:\n${build.stdout}`);

    process.stderr.write(`[${size}] analysis: computing every model's analysis…\n`);
    const data = await loadSite({ registry, cacheDir: join(dir, "cache") });
    const t = performance.now();
    const cpu = process.cpuUsage();
    const files = [...analysisFiles(data)].map((f) => ({ path: f.path, body: f.body() }));
    const analysisS = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const analysisCpuS = (used.user + used.system) / 1e6;
    const largest = [...data.models].sort((a, b) => b.experiments.length - a.experiments.length)[0];
    const body = readFileSync(join(out, analysisPath(largest.key)));
    const same = files.find((f) => f.path === analysisPath(largest.key))?.body === body.toString("utf8");
    const gzKb = gzipSync(body).length / 1024;

    const rows: AnalysisRow[] = [
      { size, case: `largest model's runs (${largest.key})`, value: largest.experiments.length.toLocaleString("en"), target: "—", met: null },
      { size, case: "its analysis file, gzip (KB)", value: gzKb.toFixed(1), target: "≤ 300 KB", met: gzKb <= 300 },
      { size, case: "the file the build wrote equals a second computation", value: same ? "yes" : "no", target: "byte for byte", met: same },
      { size, case: "cold site build (s)", value: build.wallS.toFixed(1), target: "—", met: null },
      {
        size,
        case: "computing every model's analysis (s, share of the build without it)",
        value: `${analysisS.toFixed(1)} (${((analysisS / (build.wallS - analysisS)) * 100).toFixed(1)} %; CPU ${analysisCpuS.toFixed(1)} s)`,
        target: "≤ 10 %",
        met: analysisS <= 0.1 * (build.wallS - analysisS),
      },
    ];
    if (NO_CHROMIUM) {
      rows.push({ size, case: "panel in Chromium", value: `skipped: ${NO_CHROMIUM}`, target: "—", met: null });
      return rows;
    }
    process.stderr.write(`[${size}] analysis: the panel in Chromium…\n`);
    const server = await serveStatic(out);
    try {
      const [project, model] = largest.key.split("/");
      const b = await inBrowser(`${server.url}projects/${project}/models/${model}/`);
      rows.push(
        {
          size,
          case: "open the panel → first view (ms; click to drawn, fetch included)",
          value: `${b.firstViewMs.toFixed(0)} (in page: ${b.openMs.toFixed(0)})`,
          target: "≤ 500 ms",
          met: b.firstViewMs <= 500,
        },
        { size, case: `brush update, p95 of ${b.brushes} (ms)`, value: b.brushP95.toFixed(1), target: "≤ 50 ms", met: b.brushP95 <= 50 },
      );
    } finally {
      await server.close();
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function analysisReport(rows: AnalysisRow[]): string {
  const lines = ["| experiments | case | value | target | met |", "|---:|---|---:|---|:-:|"];
  for (const r of rows) lines.push(`| ${r.size.toLocaleString("en")} | ${r.case} | ${r.value} | ${r.target} | ${r.met === null ? "" : r.met ? "✔" : "✖"} |`);
  return [
    `\n## sweep analysis — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}\n`,
    "A cold `modelreg site build` (empty record cache), then every model's analysis computed again in-process and timed; the largest model's page opened in headless Chromium, its panel opened (click to first view drawn) and a brush dragged down its first axis in 40 steps (each update timed from the brush event to the next frame).\n",
    lines.join("\n"),
    "",
  ].join("\n");
}
