// The site served under a base path, as a GitHub Pages project site is
// (issue #6): every link, asset and API URL works, no request 404s, and long
// listings are paged with working links.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { buildSiteFor, launch, NO_CHROMIUM, type StaticServer, serveStatic } from "./_browser.ts";
import { present, runCli, tempDir } from "./_helpers.ts";

const BASE = "/some-repo/";

describe("a site built with --base /some-repo/", () => {
  let out = "";
  let server: StaticServer;
  before(async () => {
    const registry = join(tempDir(), "registry");
    // Enough runs that leaderboards and API listings have more than one page.
    const gen = await runCli(["generate", "--experiments", "1200", "--projects", "1", "--models", "2", "--out", registry]);
    assert.equal(gen.code, 0, gen.stderr);
    out = await buildSiteFor(registry, { base: BASE });
    server = await serveStatic(out, BASE);
  });
  after(async () => server?.close());

  test("API listings are paged and each page links the next", async () => {
    let url: string | null = `${server.url}api/v0.1/experiments/all/1.json`;
    let seen = 0;
    let pages = 0;
    while (url) {
      const res: Response = await fetch(url);
      assert.equal(res.status, 200, url);
      const body = (await res.json()) as { total: number; items: unknown[]; next: string | null; page: number };
      assert.equal(body.page, ++pages);
      seen += body.items.length;
      url = body.next ? new URL(body.next, server.url).href : null;
      if (body.next) assert.ok(body.next.startsWith(`${BASE}api/v0.1/`), body.next);
    }
    assert.equal(seen, 1200);
    assert.equal(pages, 3);
    const openapi = JSON.parse(readFileSync(join(out, "api/v0.1/openapi.json"), "utf8"));
    assert.equal(openapi.servers[0].url, `${BASE}api/v0.1`);
  });

  test("crawling every page reachable from home in chromium requests nothing that 404s", { skip: NO_CHROMIUM }, async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
      page.on("pageerror", (e) => failed.push(e.message));
      const queue = [server.url];
      const seen = new Set(queue);
      let visited = 0;
      // Every page type, every leaderboard page and group, and a sample of experiments.
      while (queue.length && visited < 120) {
        const url = present(queue.shift(), "a queued URL");
        await page.goto(url);
        visited++;
        const links = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
        for (const link of links) {
          const u = new URL(link);
          u.hash = "";
          if (u.origin !== new URL(server.url).origin || seen.has(u.href)) continue;
          assert.ok(u.pathname.startsWith(BASE), `a link leaves the base path: ${u.href} (on ${url})`);
          seen.add(u.href);
          if (!u.pathname.endsWith(".json")) queue.push(u.href);
          else assert.equal((await fetch(u.href)).status, 200, u.href);
        }
      }
      assert.ok(visited >= 60, `only ${visited} pages reached`);
      // The leaderboard pages itself (1200 runs over 2 models), and the pager works.
      assert.ok(
        [...seen].some((u) => /\/models\/[^/]+\/[^/]+\/2\/$/.test(u)),
        "no second leaderboard page was linked",
      );
      // Compare through the base path: ids ticked on a leaderboard.
      await page.goto(
        present(
          [...seen].find((u) => /\/models\/[^/]+\/$/.test(u)),
          "a model page",
        ),
      );
      const boxes = page.locator("table.leaderboard tbody input[type=checkbox]");
      for (let i = 0; i < 3; i++) await boxes.nth(i).check();
      await page.getByRole("button", { name: "Compare selected" }).click();
      await page.waitForURL(new RegExp(`${BASE}compare/\\?ids=`));
      await page.locator("[data-compare-root] section").first().waitFor();
      // The search box submits under the base path too.
      const action = await page.locator("form[role=search]").getAttribute("action");
      assert.equal(action, `${BASE}search/`);
      assert.deepEqual(failed, []);
      assert.deepEqual(
        server.requests.filter((r) => r.status !== 200 && !r.path.endsWith("/search/")),
        [],
      );
    } finally {
      await browser.close();
    }
  });
});
