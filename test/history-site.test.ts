// The site's history (issue #16) in chromium, on the scripted repository of
// test/_history-repo.ts: the model page's alias timeline with commit and PR
// links, the home page's "Since" linking to its timeline entry, the
// experiment page's History; a shallow clone's site says "history unavailable".
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { buildSiteFor, launch, NO_CHROMIUM, type StaticServer, serveStatic } from "./_browser.ts";
import { tempDir } from "./_helpers.ts";
import { type ScriptedRepo, scriptedRepo } from "./_history-repo.ts";

const WEB = "https://github.com/acme/models";

describe("history on the site, in chromium", { skip: NO_CHROMIUM }, () => {
  let repo: ScriptedRepo;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    repo = await scriptedRepo();
    server = await serveStatic(await buildSiteFor(repo.registry, { base: "/models/", extra: ["--repo-url", WEB] }), "/models/");
    browser = await launch();
    page = await browser.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the model page's timeline: newest first, who, when, which version, commit and PR links", async () => {
    await page.goto(`${server.url}projects/vision/models/resnet50/`);
    const items = page.locator(".timeline > li");
    assert.equal(await items.count(), 7);
    const text = async (i: number) => ((await items.nth(i).textContent()) ?? "").replace(/\s+/g, " ").trim();
    assert.equal(
      await text(0),
      `2026-03-14 09:00 UTC production 1.0.0 → 1.1.0 by Erin Eze · ${repo.commits.rebased.slice(0, 10)} Promote resnet50 1.1.0 again`,
    );
    assert.match(await text(2), /^2026-03-05 09:00 UTC staging 1\.1\.0 → \(removed\) by Bob Berg/);
    assert.match(await text(4), /production 1\.1\.0 → 1\.0\.0 by Alice Ahn · \w+ · revert Revert/);
    assert.match(await text(6), /^2026-01-16 08:00 UTC production \(none\) → 1\.0\.0 by Bob Berg \(merged by Dave Diaz\) · PR #12 · /);
    const merge = items.nth(6);
    assert.equal(await merge.getByRole("link", { name: "PR #12" }).getAttribute("href"), `${WEB}/pull/12`);
    assert.equal(await merge.getByRole("link", { name: repo.commits.merge12.slice(0, 10) }).getAttribute("href"), `${WEB}/commit/${repo.commits.merge12}`);
    assert.equal(await items.nth(5).getByRole("link", { name: "PR #13" }).getAttribute("href"), `${WEB}/pull/13`);
    // The version links to its experiment.
    await merge.getByRole("link", { name: "1.0.0" }).click();
    await page.waitForURL(new RegExp(`/models/experiments/${repo.e1}/$`));
    assert.deepEqual(errors, []);
  });

  test("home: Since is when production was set, and links to that timeline entry", async () => {
    await page.goto(server.url);
    const since = page.locator("table").first().locator("tbody tr td:nth-child(5) a");
    assert.equal(await since.textContent(), "2026-03-14 09:00 UTC");
    await since.click();
    await page.waitForURL(new RegExp(`/projects/vision/models/resnet50/#alias-production-${repo.commits.rebased.slice(0, 10)}$`));
    const target = page.locator(".timeline > li:target");
    assert.equal(await target.count(), 1);
    assert.match((await target.textContent()) ?? "", /Erin Eze/);
  });

  test("the experiment page's History: created, three updates with old → new, the move, and the aliases that pointed at it", async () => {
    await page.goto(`${server.url}experiments/${repo.e2}/`);
    const section = page.locator("section.record-history");
    assert.equal(await section.locator("h2").textContent(), "History");
    const titles = await section.locator(".events > li > b").allTextContents();
    assert.deepEqual(titles, [
      "production → this run (was 1.0.0)",
      "moved from vision/resnet",
      "staging moved away (removed)",
      "staging → this run",
      "production moved away to 1.0.0",
      "production → this run (was 1.0.0)",
      "changed",
      "changed",
      "changed",
      "created",
    ]);
    const fields = (await section.locator(".fields li").allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
    assert.deepEqual(fields, [
      "evaluations.accuracy: 0.92 → 0.93",
      "tags.stage: (none) → candidate",
      "artifacts.model: (none) → s3://models/2.pt",
      "evaluations.f1: (none) → 0.8",
    ]);
    assert.deepEqual(errors, []);
  });

  test("a shallow clone's site says history unavailable and shows no dates", async () => {
    const clone = join(tempDir("modelreg-shallow-site-"), "clone");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo.dir}`, clone]);
    const shallow = await serveStatic(await buildSiteFor(join(clone, "registry")));
    try {
      await page.goto(`${shallow.url}projects/vision/models/resnet50/`);
      assert.match((await page.locator("[data-history-unavailable]").textContent()) ?? "", /History unavailable: .*shallow clone.*fetch-depth: 0/s);
      assert.equal(await page.locator(".timeline > li").count(), 0);
      await page.goto(shallow.url);
      assert.equal(await page.locator("table").first().locator("tbody tr td:nth-child(5)").textContent(), "history unavailable");
      await page.goto(`${shallow.url}experiments/${repo.e2}/`);
      assert.equal(await page.locator("section.record-history [data-history-unavailable]").count(), 1);
    } finally {
      await shallow.close();
    }
  });
});
