// The site in a real browser (issue #6): walk home → project → model →
// experiment, sort a leaderboard column, compare three experiments.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { flatten } from "../scripts/lib/domain/diff.ts";
import type { ExperimentData } from "../scripts/lib/schema/types.ts";
import { buildSiteFor, launch, NO_CHROMIUM, type StaticServer, serveStatic } from "./_browser.ts";
import { ROOT } from "./_helpers.ts";

describe("the site in chromium", { skip: NO_CHROMIUM }, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    server = await serveStatic(await buildSiteFor(join(ROOT, "registry")));
    browser = await launch();
    page = await browser.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("walk home → project → model → experiment", async () => {
    await page.goto(server.url);
    assert.equal(await page.locator("h1").textContent(), "Projects");
    assert.match((await page.locator("main").textContent()) ?? "", /3 projects\s*8 models\s*72 experiments/);
    await page.getByRole("link", { name: "동물 이미지 분류" }).first().click();
    await page.waitForURL(/\/projects\/animal-image-classification\/$/);
    assert.equal(await page.locator("h1").textContent(), "동물 이미지 분류");
    await page.getByRole("link", { name: "ResNet-50 fine-tune" }).first().click();
    await page.waitForURL(/\/models\/resnet50\/$/);
    // Ranked by the primary metric: rank 1 holds the best accuracy and is highlighted.
    const first = page.locator("table.leaderboard tbody tr").first();
    assert.match((await first.getAttribute("class")) ?? "", /\bbest\b/);
    const accuracies = await page
      .locator("table.leaderboard tbody tr td:nth-child(4)")
      .evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.v ?? td.textContent)).filter((v) => !Number.isNaN(v) && v !== 0));
    assert.ok(accuracies.length > 3);
    assert.deepEqual(
      accuracies,
      [...accuracies].sort((a, b) => b - a),
    );
    await first.locator("td:nth-child(3) a").click();
    await page.waitForURL(/\/experiments\/[0-9a-z]{26}\/$/);
    // Parameters and the sections below the curves are rendered from the API record (issue #15).
    await page.locator("[data-details]:not([aria-busy])").waitFor();
    await page.locator("[data-parameters]:not([aria-busy])").waitFor();
    const main = (await page.locator("main").textContent()) ?? "";
    for (const heading of ["Evaluations", "Parameters", "Datasets", "Artifacts", "Code", "Environment", "Source"]) assert.ok(main.includes(heading), heading);
    const id = new URL(page.url()).pathname.split("/")[2];
    const record = (await (await fetch(`${server.url}api/v0.1/experiments/id/${id}.json`)).json()) as { data: ExperimentData };
    for (const ds of Object.values(record.data.datasets ?? {})) assert.ok(main.includes(ds.uri), `dataset ${ds.uri} is shown`);
    for (const [key, value] of flatten(record.data.parameters)) {
      const leaf = key.split(".").pop() ?? key;
      const row = page.locator("[data-parameters] tr", { has: page.locator("th", { hasText: new RegExp(`(^|\\.)${leaf}$`) }) });
      assert.ok((await row.count()) > 0, `parameter ${key} has a row`);
      if (typeof value === "string") assert.ok(main.includes(value), `parameter ${key}'s value is shown`);
    }
    for (const uri of Object.values(record.data.artifacts ?? {})) assert.ok(main.includes(uri), `artifact ${uri} is shown`);
    assert.match(main, /npx modelreg resolve animal-image-classification\/resnet50@/);
    assert.equal(await page.locator("h1 .badge.production").count(), 1, "the best run is production in the sample registry");
    assert.deepEqual(errors, []);
  });

  test("sorting a leaderboard column reorders its rows both ways", async () => {
    await page.goto(`${server.url}projects/animal-image-classification/models/resnet50/`);
    const header = page.locator("table.leaderboard thead th", { hasText: "loss" }).first();
    const index = await header.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
    const column = () =>
      page
        .locator(`table.leaderboard tbody tr td:nth-child(${index + 1})`)
        .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.v ?? td.textContent?.trim() ?? ""));
    await header.locator("button").click();
    assert.equal(await header.getAttribute("aria-sort"), "ascending");
    const up = (await column()).filter(Boolean).map(Number);
    assert.ok(up.length > 3);
    assert.deepEqual(
      up,
      [...up].sort((a, b) => a - b),
    );
    await header.locator("button").click();
    assert.equal(await header.getAttribute("aria-sort"), "descending");
    const down = (await column()).filter(Boolean).map(Number);
    assert.deepEqual(
      down,
      [...down].sort((a, b) => b - a),
    );
    // Runs without the value stay last either way.
    const all = await column();
    assert.deepEqual(all.slice(down.length).filter(Boolean), []);
  });

  test("compare three ticked runs: differing parameters highlighted, equal ones collapsed, best metric marked", async () => {
    await page.goto(`${server.url}projects/animal-image-classification/models/resnet50/`);
    const button = page.getByRole("button", { name: "Compare selected" });
    assert.equal(await button.isDisabled(), true);
    const boxes = page.locator("table.leaderboard tbody input[type=checkbox]");
    const ids = await boxes.evaluateAll((inputs) => inputs.slice(0, 3).map((i) => (i as HTMLInputElement).value));
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    assert.match((await page.locator("[data-compare-count]").textContent()) ?? "", /3 runs selected/);
    await button.click();
    await page.waitForURL(/\/compare\/\?ids=/);
    assert.equal(new URL(page.url()).searchParams.get("ids"), ids.join(","));
    await page.locator("table[data-section=parameters]").waitFor();
    assert.match((await page.locator("[data-compare-status]").textContent()) ?? "", /^3 experiments/);
    // Every highlighted row really differs; every collapsed row really is equal.
    const rows = await page
      .locator("table[data-section=parameters] tbody tr")
      .evaluateAll((trs) => trs.map((tr) => ({ diff: tr.classList.contains("diff-row"), values: [...tr.querySelectorAll("td")].map((td) => td.textContent) })));
    assert.ok(rows.length > 0);
    for (const r of rows) assert.ok(r.diff && new Set(r.values).size > 1, JSON.stringify(r));
    const same = page.locator("section", { has: page.locator("h2", { hasText: "Parameters" }) }).locator("details tbody tr");
    for (const values of await same.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))))
      assert.equal(new Set(values).size, 1);
    // The best accuracy carries the star, in the column of the run that has it.
    const acc = page.locator("table[data-section=evaluations] tbody tr", { has: page.locator("th", { hasText: /^accuracy$/ }) });
    const cells = await acc
      .locator("td")
      .evaluateAll((tds) => tds.map((td) => ({ best: td.classList.contains("best-cell"), v: Number(td.getAttribute("title") ?? td.textContent) })));
    const top = Math.max(...cells.map((c) => c.v));
    for (const c of cells) assert.equal(c.best, c.v === top);
    assert.deepEqual(errors, []);
  });

  test("a shared compare URL with an unknown id says which one", async () => {
    await page.goto(`${server.url}compare/?ids=01kh00kbbgf06jnxekckk6zzke,00000000000000000000000000`);
    await page.locator("[data-compare-status]").filter({ hasText: "not found" }).waitFor();
    assert.match((await page.locator("[data-compare-status]").textContent()) ?? "", /not found: 00000000000000000000000000/);
    await page.goto(`${server.url}compare/?ids=../../etc/passwd`);
    await page.locator("[data-compare-status]").filter({ hasText: "Not experiment ids" }).waitFor();
  });
});
