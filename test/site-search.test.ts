// Search in the browser (issue #7): typo, parameter-value and id-prefix
// queries, keyboard navigation, the shared URL with "compare selected", no
// search data fetched by pages that do not search, and a payload-laden
// registry under a base path whose results render as text.
import { strict as assert } from "node:assert";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { buildSiteFor, launch, NO_CHROMIUM, type StaticServer, serveStatic } from "./_browser.ts";
import { FIXTURES, ROOT } from "./_helpers.ts";

async function typeQuery(page: Page, query: string): Promise<void> {
  await page.locator("#site-search").fill("");
  await page.locator("#site-search").pressSequentially(query);
  await page.locator(`#search-panel[data-query="${query}"]`).waitFor();
}

// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText() (the rendered text, as a user reads it), not the DOM property the rule is about
const panelText = (page: Page) => page.locator("#search-panel").innerText();

describe("search in chromium", { skip: NO_CHROMIUM }, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let out = "";
  before(async () => {
    out = await buildSiteFor(join(ROOT, "registry"));
    server = await serveStatic(out);
    browser = await launch();
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("a page that is only read fetches no search data; the first keystroke does", async () => {
    const before = server.requests.length;
    await page.goto(`${server.url}projects/animal-image-classification/`);
    await page.waitForLoadState("networkidle");
    const loaded = server.requests.slice(before).map((r) => r.path);
    assert.deepEqual(
      loaded.filter((p) => p.includes("/search/") || p.includes("search-client")),
      [],
    );
    await typeQuery(page, "resnet");
    assert.ok(server.requests.some((r) => r.path === "/search/vocab.json"));
  });

  test("a typo finds the model, grouped under Models with the matched name marked", async () => {
    await page.goto(server.url);
    await typeQuery(page, "effcientnet");
    const models = page.locator('#search-panel .search-group[data-kind="model"]');
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText() (the rendered text, as a user reads it), not the DOM property the rule is about
    assert.match(await models.locator(".hit-title").first().innerText(), /EfficientNet-B0/);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText() (the rendered text, as a user reads it), not the DOM property the rule is about
    assert.match(await models.locator(".hit-why").first().innerText(), /^name: EfficientNet/);
    assert.ok((await models.locator("mark").count()) > 0);
  });

  test("a parameter value lists the runs that use it, with the field and the text", async () => {
    await typeQuery(page, "adamw");
    const text = await panelText(page);
    assert.match(text, /EXPERIMENTS \(6 of \d+\)/i);
    assert.match(text, /parameter: adamw/);
  });

  test("an id prefix, then ↓ and Enter, opens that experiment; Esc closes the list; / focuses the box", async () => {
    const id = readdirSync(join(out, "experiments"))[5];
    await page.goto(`${server.url}compare/`);
    await page.locator("body").click();
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "site-search");
    await page.keyboard.type(id.slice(0, 8));
    await page.locator(`#search-panel[data-query="${id.slice(0, 8)}"]`).waitFor();
    assert.match(await panelText(page), new RegExp(`id: ${id}`));
    await page.keyboard.press("Escape");
    assert.equal(await page.locator("#search-panel").isHidden(), true);
    assert.equal(await page.locator("#site-search").inputValue(), id.slice(0, 8), "the first Esc keeps the text");
    await page.keyboard.press("ArrowDown"); // brings the list back
    await page.locator("#search-panel:not([hidden])").waitFor();
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.locator('#search-panel [role=option][aria-selected="true"]').count(), 1);
    const target = await page.locator('#search-panel [role=option][aria-selected="true"]').getAttribute("data-href");
    await page.keyboard.press("Enter");
    await page.waitForURL(`**${target}`);
    assert.equal(new URL(page.url()).pathname, `/experiments/${id}/`);
  });

  test("the results page keeps the query in the URL and compares ticked runs", async () => {
    await page.goto(`${server.url}search/?q=adamw`);
    await page.locator('[data-search-results][data-query="adamw"]').waitFor();
    assert.equal(await page.locator("#site-search").inputValue(), "adamw");
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText() (the rendered text, as a user reads it), not the DOM property the rule is about
    assert.match(await page.locator("[data-search-status]").innerText(), /results for “adamw”/);
    const boxes = page.locator("[data-search-results] input[name=ids]");
    const ids = [await boxes.nth(0).getAttribute("value"), await boxes.nth(1).getAttribute("value")];
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await page.waitForURL(/\/compare\/\?ids=/);
    assert.equal(new URL(page.url()).searchParams.get("ids"), ids.join(","));
    // Typing on the results page updates the list and the URL.
    await page.goto(`${server.url}search/?q=adamw`);
    await page.locator('[data-search-results][data-query="adamw"]').waitFor();
    await page.locator("#site-search").fill("lightgbm");
    await page.locator('[data-search-results][data-query="lightgbm"]').waitFor();
    assert.equal(new URL(page.url()).searchParams.get("q"), "lightgbm");
  });
});

describe("search over a payload-laden registry under /reg/", { skip: NO_CHROMIUM }, () => {
  test("results render as text, nothing runs, every request stays under the base path", async () => {
    const server = await serveStatic(await buildSiteFor(join(FIXTURES, "site", "hostile"), { base: "/reg/" }), "/reg/");
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on("dialog", async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      await page.goto(server.url);
      for (const q of ["script", "alert", "img", "svg"]) {
        await typeQuery(page, q);
        assert.equal(await page.locator("#search-panel script, #search-panel img, #search-panel iframe, #search-panel svg").count(), 0);
      }
      await typeQuery(page, "script");
      assert.match(await panelText(page), /<script>alert\("project-name"\)<\/script>/);
      await page.goto(`${server.url}search/?q=alert`);
      await page.locator('[data-search-results][data-query="alert"]').waitFor();
      assert.equal(await page.locator("[data-search-results] script, [data-search-results] img").count(), 0);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(
        server.requests.filter((r) => r.status !== 200 || !r.path.startsWith("/reg/")),
        [],
      );
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
