// A registry whose every text field holds HTML or script (issue #6 "Safety"):
// every page shows it as text, runs none of it and opens no dialog.
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { buildSiteFor, launch, NO_CHROMIUM, type StaticServer, serveStatic } from "./_browser.ts";
import { FIXTURES } from "./_helpers.ts";

const REGISTRY = join(FIXTURES, "site", "hostile");
const ID = "01kh00kbbgf06jnxekckk6zzke";

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pages(join(dir, e.name)) : e.name === "index.html" ? [join(dir, e.name)] : [],
  );
}

describe("a registry full of markup and script", () => {
  let out = "";
  before(async () => {
    out = await buildSiteFor(REGISTRY);
  });

  test("the HTML holds the payloads only as escaped text", () => {
    for (const file of pages(out)) {
      const html = readFileSync(file, "utf8");
      const where = relative(out, file);
      // Inside a double-quoted attribute `<` is text; outside of attributes no payload tag may appear.
      const markup = html.replace(/="[^"]*"/g, '=""');
      assert.doesNotMatch(markup, /<script>|<img\b|<svg[ /]onload|<iframe|<style\b|<i>acc|<b>(tag|model)/i, where);
      assert.doesNotMatch(html, /href="(javascript|data):/i, `${where} links a javascript: or data: URI`);
    }
    const experiment = readFileSync(join(out, "experiments", ID, "index.html"), "utf8");
    assert.ok(experiment.includes("&lt;script&gt;alert(&quot;experiment&quot;)&lt;/script&gt;"), "the description is shown as text");
  });

  test("no page runs a script or opens a dialog in chromium", { skip: NO_CHROMIUM }, async () => {
    const server: StaticServer = await serveStatic(out);
    const browser: Browser = await launch();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      const blocked: string[] = [];
      page.on("dialog", async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      page.on("request", (r) => {
        if (!r.url().startsWith(server.url)) blocked.push(r.url());
      });
      const paths = pages(out).map((f) =>
        relative(out, f)
          .replace(/index\.html$/, "")
          .split("\\")
          .join("/"),
      );
      paths.push(`compare/?ids=${ID}`);
      for (const path of paths) {
        await page.goto(server.url + path);
        if (path.includes("?ids=")) await page.locator("[data-compare-root] section").first().waitFor();
        // Hover and click everything a payload might have hooked.
        for (const el of await page.locator("main th, main td, main h1").all()) await el.hover({ timeout: 1000 }).catch(() => undefined);
      }
      assert.deepEqual(dialogs, [], "a payload opened a dialog");
      assert.deepEqual(blocked, [], "a payload made a request to another site");
      // Compare renders record text through text nodes: the payload is visible as text.
      await page.goto(`${server.url}compare/?ids=${ID}`);
      await page.locator("[data-compare-root] section").first().waitFor();
      assert.ok(((await page.locator("main").textContent()) ?? "").includes("<script>alert(9)</script>"));
      // The experiment page renders its datasets from the API record: the javascript: URI is text, never a link.
      await page.goto(`${server.url}experiments/${ID}/`);
      await page.locator("[data-details]:not([aria-busy])").waitFor();
      assert.ok(((await page.locator("main").textContent()) ?? "").includes("javascript:alert(12)"), "the javascript: URI is shown, as text");
      assert.equal(await page.locator('main a[href^="javascript:" i], main a[href^="data:" i]').count(), 0);
      assert.deepEqual(dialogs, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
