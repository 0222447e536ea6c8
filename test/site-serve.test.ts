// `modelreg site preview` and `site dev` (issue #6): the URL they print is
// the one they serve; dev picks up an edited registry file.
import { strict as assert } from "node:assert";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { buildSiteFor } from "./_browser.ts";
import { BIN, FIXTURES, tempDir } from "./_helpers.ts";
import { poll, serveCli } from "./_serve.ts";

/** Starts `modelreg ARGS` and resolves with the URL it prints. */
const serve = (args: string[]) => serveCli(BIN, args, { timeoutMs: 60_000 });

describe("serving the site", () => {
  test("site preview serves the built site at the URL it prints", async () => {
    const out = await buildSiteFor(join(FIXTURES, "site", "hostile"), { base: "/reg/" });
    const { url, child } = await serve(["site", "preview", "--out", out, "--base", "/reg/", "--port", "4390"]);
    try {
      assert.match(url, /^http:\/\/localhost:\d+\/reg\/$/);
      const html = await poll(url, (b) => b.includes("<h1>Projects</h1>"));
      assert.match(html, /1 project/);
      const health = JSON.parse(await poll(`${url}api/v0.1/health.json`, (b) => b.startsWith("{")));
      assert.equal(health.counts.experiments, 1);
    } finally {
      child.kill();
    }
  });

  test("site preview without a build says what to run", async () => {
    const { runCli } = await import("./_helpers.ts");
    const r = await runCli(["site", "preview", "--out", join(tempDir(), "none")]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no built site in .*\n\s+hint: Run `modelreg site build` first/);
  });

  test("site dev reloads when a registry file changes", async () => {
    const registry = join(tempDir(), "registry");
    cpSync(join(FIXTURES, "site", "hostile"), registry, { recursive: true });
    const { url, child } = await serve(["site", "dev", "--registry", registry, "--port", "4391"]);
    try {
      const project = `${url}projects/xss/`;
      await poll(project, (b) => b.includes("&lt;script&gt;alert(&quot;project-name&quot;)"), 60_000);
      const file = join(registry, "xss", "project.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace(/^name: .*$/m, "name: Renamed while serving"));
      await poll(project, (b) => b.includes("<h1>Renamed while serving</h1>"));
      const api = JSON.parse(await poll(`${url}api/v0.1/projects/id/xss.json`, (b) => b.includes("Renamed")));
      assert.equal(api.data.name, "Renamed while serving");
    } finally {
      child.kill();
    }
  });
});
