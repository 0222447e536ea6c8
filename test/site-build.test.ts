// The built site without a browser (issue #6): pages, sizes, the Content
// Security Policy, and the static API against its OpenAPI document.
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { before, describe, test } from "node:test";
import { buildSiteFor } from "./_browser.ts";
import { FIXTURES, ROOT, runCli, tempDir } from "./_helpers.ts";

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

describe("site build of the sample registry", () => {
  let out = "";
  let files: string[] = [];
  before(async () => {
    out = await buildSiteFor(join(ROOT, "registry"));
    files = walk(out).map((f) => relative(out, f).split("\\").join("/"));
  });

  test("every experiment, model and project has a page", () => {
    const experiments = walk(join(ROOT, "registry")).filter((f) => f.includes("/experiments/") && f.endsWith(".yaml"));
    assert.equal(experiments.length, 72);
    for (const f of experiments) {
      const id = basename(f, ".yaml");
      assert.ok(files.includes(`experiments/${id}/index.html`), `no page for ${id}`);
    }
    for (const model of ["resnet50", "efficientnet-b0", "vit-small"])
      assert.ok(files.includes(`projects/animal-image-classification/models/${model}/index.html`));
    assert.ok(files.includes("index.html") && files.includes("compare/index.html") && files.includes("404.html"));
  });

  test("an experiment page stays under 50 KB of HTML", () => {
    const sizes = files.filter((f) => f.startsWith("experiments/")).map((f) => statSync(join(out, f)).size);
    assert.ok(Math.max(...sizes) <= 50 * 1024, `largest experiment page is ${Math.max(...sizes)} bytes`);
  });

  test("pages carry a Content Security Policy and no inline script or style", () => {
    for (const f of files.filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(join(out, f), "utf8");
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; object-src 'none'/, f);
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) assert.match(tag, /\bsrc="/, `${f} has an inline script: ${tag}`);
      assert.doesNotMatch(html, /<style\b|\sstyle="/, `${f} has an inline style`);
      // Links may leave the site; nothing the page loads may.
      assert.doesNotMatch(html, /\ssrc="(https?:)?\/\/|<link\b[^>]*href="(https?:)?\/\//, `${f} loads something from another site`);
    }
  });

  test("every file of the API matches a path of openapi.json, and every path has a file", async () => {
    const { API_ROUTES } = await import("../scripts/lib/site/openapi.ts");
    const doc = JSON.parse(readFileSync(join(out, "api/v0.1/openapi.json"), "utf8"));
    const documented = Object.keys(doc.paths).sort();
    assert.deepEqual(documented, API_ROUTES.map((r) => r.path).sort());
    const api = files
      .filter((f) => f.startsWith("api/v0.1/") && !f.startsWith("api/v0.1/schemas/") && f !== "api/v0.1/openapi.json")
      .map((f) => `/${f.slice("api/v0.1/".length)}`);
    const patterns = documented.map((p) => ({ p, re: new RegExp(`^${p.replace(/\./g, "\\.").replace(/\{(\w+)\}/g, "[^/]+")}$`) }));
    const unmatched = api.filter((f) => !patterns.some(({ re }) => re.test(f)));
    assert.deepEqual(unmatched, [], "files the OpenAPI document does not describe");
    const unused = patterns.filter(({ re }) => !api.some((f) => re.test(f))).map(({ p }) => p);
    assert.deepEqual(unused, [], "documented paths with no file");
    for (const f of files.filter((f) => f.startsWith("api/"))) assert.ok(statSync(join(out, f)).size < 5 * 1024 * 1024, `${f} is over 5 MB`);
    // Schemas the document refers to are published beside it.
    for (const kind of ["project", "model", "experiment", "common"]) assert.ok(existsSync(join(out, `api/v0.1/schemas/${kind}.schema.json`)));
  });

  test("openapi.json passes redocly lint at its recommended rules", async () => {
    const r = await new Promise<{ code: number; stdout: string }>((resolve, reject) => {
      const child = spawn(join(ROOT, "node_modules", ".bin", "redocly"), ["lint", join(out, "api/v0.1/openapi.json"), "--format", "json"], {
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      });
      let stdout = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, stdout }));
    });
    const report = JSON.parse(r.stdout) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string }> };
    assert.deepEqual(
      report.problems.map((p) => `${p.ruleId}: ${p.message}`),
      [],
    );
    assert.deepEqual(report.totals, { ...report.totals, errors: 0, warnings: 0 });
    assert.equal(r.code, 0);
  });

  test("the API answers the seed's endpoints with the registry's records", () => {
    const read = (p: string) => JSON.parse(readFileSync(join(out, "api/v0.1", p), "utf8"));
    const health = read("health.json");
    assert.deepEqual(health.counts, { projects: 3, models: 8, experiments: 72 });
    assert.equal(health.status, "ok");
    const all = read("experiments/all/1.json");
    assert.equal(all.total, 72);
    assert.equal(all.items.length, 72);
    assert.equal(all.next, null);
    const one = read(`experiments/id/${all.items[0].id}.json`);
    assert.equal(one.id, all.items[0].id);
    assert.equal(one.data.id, one.id);
    const byVersion = read("experiments/model-version-id/animal-image-classification/resnet50/1.2.0.json");
    assert.equal(byVersion.data.version, "1.2.0");
    const byName = read("projects/name.json");
    assert.equal(byName["동물 이미지 분류"][0].id, "animal-image-classification");
    // A model's experiments are listed as ids, each the name of its record (the summaries are in experiments/all).
    const ids = read("experiments/model-id/animal-image-classification/resnet50/1.json");
    assert.ok(ids.items.length > 0 && ids.items.every((id: string) => read(`experiments/id/${id}.json`).model_id === "animal-image-classification/resnet50"));
    const models = read("models/project-id/animal-image-classification.json");
    assert.deepEqual(models.map((m: { id: string }) => m.id).sort(), [
      "animal-image-classification/efficientnet-b0",
      "animal-image-classification/resnet50",
      "animal-image-classification/vit-small",
    ]);
  });
});

describe("site build refuses bad input", () => {
  test("an invalid registry stops the build with the validator's messages and writes nothing", async () => {
    const out = join(tempDir(), "out");
    const r = await runCli(["site", "build", "--registry", join(FIXTURES, "validate", "duplicate-keys"), "--out", out]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /the registry is not valid, so the site was not built/);
    assert.match(r.stderr, /\.yaml:\d+:\d+/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
    assert.equal(existsSync(out), false);
  });

  test("a base path that is not a URL path is a usage error", async () => {
    const r = await runCli(["site", "build", "--base", "/a b/<x>", "--out", join(tempDir(), "out")]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--base "\/a b\/<x>" is not a URL path/);
  });

  test("a missing registry directory is a usage error", async () => {
    const r = await runCli(["site", "build", "--registry", join(tempDir(), "nope")]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /does not exist/);
  });
});
