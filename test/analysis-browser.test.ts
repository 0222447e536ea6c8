// The Analysis panel in Chromium (issue #17): loaded only when opened,
// brushing two axes keeps exactly the runs inside both ranges, a line opens
// its run, a selection opens Compare, the controls work from the keyboard,
// axe-core finds no WCAG 2.1 A/AA violation, and screenshots are taken in
// light and dark themes and at a phone's width. The site is served under a
// base path with its Content Security Policy in force.
import { strict as assert } from "node:assert";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { PanelFile } from "../scripts/lib/analysis/panel.ts";
import { writeSweepRegistry } from "./_analysis-sweep.ts";
import { buildSiteFor, launch, NO_CHROMIUM, type StaticServer, serveStatic } from "./_browser.ts";
import { tempDir } from "./_helpers.ts";

const BASE = "/reg/";
const MODEL = "projects/sweeps/models/xgb/";
const SHOTS = process.env.MODELREG_SCREENSHOTS ?? tempDir("modelreg-shots-");

describe("the Analysis panel in chromium", { skip: NO_CHROMIUM }, () => {
  let server: StaticServer;
  let browser: Browser;
  let out: string;
  let file: PanelFile;
  const errors: string[] = [];

  before(async () => {
    out = await buildSiteFor(writeSweepRegistry(tempDir()), { base: BASE });
    file = JSON.parse(readFileSync(join(out, "analysis/sweeps/xgb.json"), "utf8"));
    server = await serveStatic(out, BASE);
    browser = await launch();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage(opts: { colorScheme?: "light" | "dark"; width?: number; bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({
      colorScheme: opts.colorScheme ?? "light",
      viewport: { width: opts.width ?? 1280, height: 900 },
      bypassCSP: opts.bypassCSP,
    });
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(server.url + MODEL);
    return page;
  }
  async function openPanel(page: Page): Promise<void> {
    await page.locator("details.analysis > summary").click();
    await page.waitForSelector("details.analysis[data-ready]");
  }

  test("nothing is fetched until the panel opens; then its script and the model's file", async () => {
    const page = await openPage();
    await page.waitForLoadState("networkidle");
    const before = server.requests.length;
    assert.deepEqual(
      server.requests.filter((r) => r.path.includes("analysis")),
      [],
    );
    await openPanel(page);
    const fetched = server.requests.slice(before).map((r) => r.path);
    assert.ok(fetched.includes(`${BASE}analysis/sweeps/xgb.json`), fetched.join("\n"));
    // The panel's script (assets are named by their hash alone) is one the page had not loaded before.
    const script = (p: string) => /\/_astro\/[\w-]+\.js$/.test(p);
    const loaded = new Set(
      server.requests
        .slice(0, before)
        .map((r) => r.path)
        .filter(script),
    );
    assert.ok(
      fetched.some((p) => script(p) && !loaded.has(p)),
      fetched.join("\n"),
    );
    assert.ok(server.requests.every((r) => r.status === 200));
    await page.context().close();
    assert.deepEqual(errors, []);
  });

  test("brushing two axes keeps exactly the runs inside both ranges", async () => {
    const page = await openPage();
    await openPanel(page);
    await page.locator(".an-parallel").scrollIntoViewIfNeeded();
    const drag = async (axis: string, from: number, to: number) => {
      const box = await page.locator(`.an-brush[data-axis="${axis}"] .overlay`).boundingBox();
      assert.ok(box, axis);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height * from);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height * ((from + to) / 2), { steps: 4 });
      await page.mouse.move(box.x + box.width / 2, box.y + box.height * to, { steps: 4 });
      await page.mouse.up();
    };
    await drag("param:lr", 0.2, 0.7);
    await drag("param:max_depth", 0.1, 0.6);
    const state = await page.evaluate(() => {
      const panel = (window as unknown as { __modelregAnalysis: { filters(): Array<{ key: string; min?: number; max?: number }>; selected(): string[] } })
        .__modelregAnalysis;
      return { filters: panel.filters(), selected: panel.selected() };
    });
    assert.equal(state.filters?.length, 2);
    const group = file.groups[0];
    const column = (key: string) => group.params.find((p) => p.key === key)?.values ?? [];
    const expected = group.ids.filter((_, i) =>
      (state.filters ?? []).every((f) => {
        const v = column(f.key)[i];
        return v !== null && v >= (f.min as number) && v <= (f.max as number);
      }),
    );
    assert.ok(expected.length > 2 && expected.length < 200, String(expected.length));
    assert.deepEqual([...(state.selected ?? [])].sort(), [...expected].sort());
    assert.match(
      (await page.locator("details.analysis [role=status]").first().textContent()) ?? "",
      new RegExp(`^${expected.length} of 500 runs selected by 2 brushes`),
    );
    await page.screenshot({ path: join(SHOTS, "analysis-brushed.png"), fullPage: true });

    // Compare opens with the selection: all of it, or its best 12 by the colour metric.
    const accuracy = new Map(group.ids.map((id, i) => [id, group.metrics.find((m) => m.key === "accuracy")?.values[i] ?? 0]));
    const best = [...expected].sort((a, b) => (accuracy.get(b) ?? 0) - (accuracy.get(a) ?? 0)).slice(0, 12);
    await page.locator("details.analysis button", { hasText: /^Compare/ }).click();
    await page.waitForURL(/\/compare\/\?ids=/);
    const url = new URL(page.url());
    assert.equal(url.pathname, `${BASE}compare/`);
    assert.deepEqual(url.searchParams.get("ids")?.split(","), best);
    await page.context().close();
    assert.deepEqual(errors, []);
  });

  test("hovering a line shows its run and clicking opens it", async () => {
    const page = await openPage();
    await openPanel(page);
    await page.locator(".an-parallel").scrollIntoViewIfNeeded();
    const plot = await page.locator(".an-parallel").boundingBox();
    assert.ok(plot);
    let label = "";
    // Between the first two axes, down the plot, until the pointer is on a line.
    for (let y = 0.2; y < 0.8 && !label; y += 0.02) {
      await page.mouse.move(plot.x + plot.width * 0.12, plot.y + plot.height * y);
      if (await page.locator(".an-tip").isVisible()) label = (await page.locator(".an-tip b").textContent()) ?? "";
    }
    assert.ok(label, "no line under the pointer");
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForURL(/\/experiments\/[0-9a-z]{26}\/$/);
    const id = page.url().split("/").at(-2) ?? "";
    assert.ok(id.startsWith(label), `${id} is not ${label}`);
    assert.ok(file.groups[0].ids.includes(id));
    await page.context().close();
  });

  test("the panel's controls work from the keyboard", async () => {
    const page = await openPage();
    await page.locator("details.analysis > summary").focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("details.analysis[data-ready]");
    const colour = page.getByLabel("Colour by");
    await colour.focus();
    await page.keyboard.press("ArrowDown");
    assert.equal(await colour.inputValue(), "metric:latency_ms");
    const log = page.getByLabel("Log scale for max_depth");
    await log.focus();
    await page.keyboard.press("Space");
    assert.equal(await page.getByLabel("Log scale for max_depth").isChecked(), true);
    const remove = page.getByRole("button", { name: "Remove the max_depth axis" });
    await remove.focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.locator('.an-brush[data-axis="param:max_depth"]').count(), 0);
    const first = page.locator(".an-best a").first();
    await first.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/experiments\/[0-9a-z]{26}\/$/);
    await page.context().close();
    assert.deepEqual(errors, []);
  });

  test("axe-core finds no WCAG 2.1 A or AA violation with the panel open", async () => {
    const page = await openPage({ bypassCSP: true });
    await openPanel(page);
    const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(o: object): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run({
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    assert.deepEqual(violations, []);
    await page.context().close();
  });

  test("screenshots in light and dark themes and at a phone's width", async () => {
    for (const [name, opts] of [
      ["light", { colorScheme: "light" }],
      ["dark", { colorScheme: "dark" }],
      ["phone", { colorScheme: "light", width: 390 }],
    ] as const) {
      const page = await openPage(opts);
      await openPanel(page);
      await page.locator("details.analysis").screenshot({ path: join(SHOTS, `analysis-${name}.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name}: the page scrolls sideways by ${overflow}px`);
      await page.context().close();
    }
    assert.deepEqual(errors, []);
  });
});
