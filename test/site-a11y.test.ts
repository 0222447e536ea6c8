// Accessibility checked by a real engine (issue #15): axe-core's WCAG 2.1 A
// and AA rules on every page type, in the light and the dark theme, at
// desktop and phone width, with the pages' scripts done rendering.
import { strict as assert } from "node:assert";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { axeViolations, buildSiteFor, launch, NO_CHROMIUM, type StaticServer, serveStatic } from "./_browser.ts";
import { ROOT } from "./_helpers.ts";

/** Each page type, and what to wait for before checking it (the parts scripts render). */
function pagesOf(out: string): Array<{ name: string; path: string; ready?: (page: Page) => Promise<void> }> {
  const id = readdirSync(join(out, "experiments"))[0];
  const ids = readdirSync(join(out, "experiments")).slice(0, 3).join(",");
  return [
    { name: "home", path: "" },
    { name: "project", path: "projects/animal-image-classification/" },
    { name: "leaderboard", path: "projects/animal-image-classification/models/resnet50/" },
    {
      name: "experiment, record opened",
      path: `experiments/${id}/`,
      ready: async (page) => {
        await page.locator("details[data-record] summary").click();
        await page.locator("[data-record-text]").filter({ hasNotText: "Loading…" }).waitFor();
      },
    },
    { name: "compare", path: `compare/?ids=${ids}`, ready: (page) => page.locator("[data-compare-root] section").first().waitFor() },
    { name: "search results", path: "search/?q=adamw", ready: (page) => page.locator('[data-search-results][data-query="adamw"]').waitFor() },
    {
      name: "search box open",
      path: "",
      ready: async (page) => {
        await page.locator("#site-search").pressSequentially("resnet");
        await page.locator('#search-panel[data-query="resnet"]').waitFor();
      },
    },
    { name: "404", path: "no-such-page/" },
  ];
}

describe("axe-core finds no WCAG 2.1 A or AA violation", { skip: NO_CHROMIUM }, () => {
  let server: StaticServer;
  let browser: Browser;
  let out = "";
  before(async () => {
    out = await buildSiteFor(join(ROOT, "registry"));
    server = await serveStatic(out);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    for (const width of [1280, 390]) {
      test(`${scheme} theme, ${width} px wide`, async () => {
        const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme, viewport: { width, height: 900 } });
        try {
          const page = await context.newPage();
          const found: string[] = [];
          for (const p of pagesOf(out)) {
            await page.goto(server.url + p.path);
            await p.ready?.(page);
            for (const v of await axeViolations(page))
              found.push(
                `${p.name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
                  .slice(0, 3)
                  .map((n) => n.target.join(" "))
                  .join("; ")}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ""}`,
              );
          }
          assert.deepEqual(found, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});
