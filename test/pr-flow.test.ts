// The pull-request flow end to end (issue #8), in team repositories made by
// `modelreg init`: branches that add, change, promote and delete, checked out
// as GitHub checks out a pull request (the merge into the base's tip), then
// every `run:` step of validate.yml and pages.yml run exactly as written.
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { cacheEnv, present, tempDir } from "./_helpers.ts";
import { deriveExperiment, EXPERIMENTS, git, MODEL_DIR, PRODUCTION, pullRequestMerge, STAGING, setAlias, setMetric, teamRepo } from "./_pr-fixtures.ts";
import { type RunStep, runStep, runSteps } from "./_workflows.ts";

const CONTEXTS = { "github.base_ref": "main", "steps.pages.outputs.base_path": "/team-registry" };
const NEW_RUN = "01m8k5m12s8n844gk0s9v2a024";
const WORSE_RUN = "01m8k5m12s8n844gk0s9v2a025";
const CHANGED_RUN = "01kp4yk2e88qe4eq40fykmwavq";
const DELETED_RUN = "01kmfjy1t805r4px29z7bazz2r";
const MAIN_ONLY_RUN = "01kr0fc7dg5d7fqb0z2qp97b2d";

/** The validate workflow's steps on a checkout: each step's result, and the job summary. */
async function validateJob(
  dir: string,
): Promise<{ validate: Awaited<ReturnType<typeof runStep>>; report: Awaited<ReturnType<typeof runStep>>; summary: string }> {
  const steps = runSteps("validate.yml").filter((s) => s.run.includes("modelreg"));
  const summary = join(tempDir(), "summary.md");
  writeFileSync(summary, "");
  const env = { ...cacheEnv(), GITHUB_STEP_SUMMARY: summary };
  const run = (s: RunStep) => runStep(s, { cwd: dir, contexts: CONTEXTS, env });
  const validate = await run(present(steps.find((s) => s.run.includes("validate"))));
  const report = await run(present(steps.find((s) => s.run.includes("report"))));
  return { validate, report, summary: readFileSync(summary, "utf8") };
}

/** Renders Markdown as GitHub-flavoured Markdown with raw HTML allowed: stricter than GitHub, which sanitises. */
function render(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** Every table row has as many cells as its header: no text from the registry split a row. */
function assertTablesIntact(html: string): void {
  for (const table of html.split("<table>").slice(1)) {
    const rows = table.split("</table>")[0].split("<tr>").slice(1);
    const widths = rows.map((r) => (r.match(/<t[hd][ >]/g) ?? []).length);
    assert.ok(
      widths.every((w) => w === widths[0]),
      `rows of ${widths.join(", ")} cells`,
    );
  }
}

describe("pull request: add, change, promote, delete", async () => {
  const dir = await teamRepo();
  git(dir, "switch", "-q", "-c", "experiment/v3");
  deriveExperiment(dir, PRODUCTION, NEW_RUN, { version: "3.0.0", accuracy: 0.9612, lr: 0.002 });
  deriveExperiment(dir, STAGING, WORSE_RUN, { accuracy: 0.9501 });
  setMetric(dir, CHANGED_RUN, 0.958);
  setAlias(dir, "production", "3.0.0");
  rmSync(join(dir, EXPERIMENTS, `${DELETED_RUN}.yaml`));
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "v3");
  // main moves on after the branch was made: its change is not the pull request's.
  git(dir, "switch", "-q", "main");
  setMetric(dir, MAIN_ONLY_RUN, 0.9111);
  git(dir, "commit", "-q", "-am", "elsewhere");
  git(dir, "update-ref", "refs/remotes/origin/main", "main");
  pullRequestMerge(dir, "experiment/v3");
  const job = await validateJob(dir);

  test("validate step: exit 0, no annotations, only the changed files checked", () => {
    assert.equal(job.validate.code, 0, job.validate.stdout + job.validate.stderr);
    assert.doesNotMatch(job.validate.stdout, /^::/m);
    assert.match(job.validate.stdout, /✔ 4 files checked, no errors/);
  });

  test("report step: exit 0; the headline counts what the branch did and nothing main did", () => {
    assert.equal(job.report.code, 0, job.report.stderr);
    assert.match(
      job.summary,
      /^## modelreg report\n\n\*\*2 experiments added, 1 experiment changed, 1 file deleted, 1 alias change\*\* in 1 model · ✅ no validation errors/,
    );
    assert.ok(!job.summary.includes(MAIN_ONLY_RUN), "main's own change is not in the report");
  });

  test("report: the promotion with the metric before and after, marked better", () => {
    assert.match(
      job.summary,
      /### Alias changes\n\n- \*\*ResNet-50 fine-tune\*\* \(`animal-image-classification\/resnet50`\): promotes \*\*v3\.0\.0\*\* to \*\*production\*\* \(was \*\*v1\.2\.0\*\*\): accuracy 0\.9569 → 0\.9612 \(🟢 \+0\.0043 better\)/,
    );
  });

  test("report: each run against production and the best run on its own test data, with the parameters that differ", () => {
    const row = (id: string) => job.summary.split("\n").find((l) => l.startsWith(`| \`${id}\``)) ?? "";
    // Same test data as production: the best comparable run is production itself.
    assert.match(
      row(NEW_RUN),
      /\| 3\.0\.0 \| 0\.9612 \| 🟢 \+0\.0043 better \(v1\.2\.0: 0\.9569\) \| 🟢 \+0\.0043 better \(v1\.2\.0: 0\.9569\) \| optimizer\.lr: 0\.001 → 0\.002 \| — \|$/,
    );
    // The newer test set: compared with that set's best (staging's run), not with production's.
    assert.match(row(WORSE_RUN), /\| — \| 0\.9501 \| 🔴 −0\.0068 worse \(v1\.2\.0: 0\.9569\) \| 🔴 −0\.0066 worse \(v2\.0\.0: 0\.9567\) \|/);
    assert.match(row(CHANGED_RUN), /✏️ \| — \| 0\.958<br>was 0\.9548 \(\+0\.0032\) \| 🟢 \+0\.0011 better/);
    assert.match(job.summary, /\| \*\*ResNet-50 fine-tune\*\* \(`animal-image-classification\/resnet50`\) \| 2 \| 1 \| accuracy ↑ \| 0\.9612 \(v3\.0\.0\) \|/);
  });

  test("report: the deleted file is called out", () => {
    assert.match(
      job.summary,
      new RegExp(`### Deleted\\n\\n- experiment \`${DELETED_RUN}\` of \`animal-image-classification/resnet50\`: \`${EXPERIMENTS}/${DELETED_RUN}.yaml\``),
    );
  });

  test("report: renders as GitHub-flavoured Markdown with intact tables", () => {
    const html = render(job.summary);
    assertTablesIntact(html);
    assert.match(html, /<h3>Alias changes<\/h3>/);
  });
});

describe("pull request: a broken file, a deleted alias target and hostile text", async () => {
  const dir = await teamRepo();
  git(dir, "switch", "-q", "-c", "broken");
  const payload = "<img src=x onerror=alert(1)> | [click](https://evil.example) ![i](https://evil.example/i.png) `tick` @octocat **bold** $x$";
  const model = join(dir, MODEL_DIR, "model.yaml");
  writeFileSync(model, readFileSync(model, "utf8").replace(/^name: .*$/m, `name: ${JSON.stringify(payload)}`));
  deriveExperiment(dir, PRODUCTION, NEW_RUN, { accuracy: 0.97, parameters: `  ${JSON.stringify(payload)}: ${JSON.stringify(payload)}\n` });
  const broken = deriveExperiment(dir, PRODUCTION, WORSE_RUN, { accuracy: 0.9 });
  const text = readFileSync(join(dir, broken), "utf8").replace(/^created: .*$/m, `created: ${JSON.stringify(`yesterday ${payload}`)}`);
  writeFileSync(join(dir, broken), text);
  const createdLine = text.split("\n").findIndex((l) => l.startsWith("created:")) + 1;
  rmSync(join(dir, EXPERIMENTS, `${STAGING}.yaml`));
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "broken");
  pullRequestMerge(dir, "broken");
  const job = await validateJob(dir);

  test("validate step: exit 1 with an annotation on the changed line, and one where the dangling alias is", () => {
    assert.equal(job.validate.code, 1, job.validate.stdout + job.validate.stderr);
    const annotations = job.validate.stdout.split("\n").filter((l) => l.startsWith("::error "));
    assert.ok(
      annotations.some((a) => a.startsWith(`::error file=${broken},line=${createdLine},`) && a.includes("title=modelreg matches-schema::")),
      annotations.join("\n"),
    );
    assert.ok(
      annotations.some((a) => a.startsWith(`::error file=${MODEL_DIR}/model.yaml,`) && a.includes("aliases-resolve")),
      annotations.join("\n"),
    );
  });

  test("report step: still exit 0, listing the problems, the unreadable run and what the deleted file was", () => {
    assert.equal(job.report.code, 0, job.report.stderr);
    assert.match(job.summary, /❌ \d+ validation errors?/);
    assert.match(job.summary, new RegExp(`\\| \`${WORSE_RUN}\` \\| — \\| unreadable \\|.*\\| ❌ 1 \\|`));
    assert.match(job.summary, new RegExp(`- experiment \`${STAGING}\` \\(v2\\.0\\.0\\) of .*— ⚠️ it was \\*\\*staging\\*\\*`));
    assert.match(job.summary, /### Validation problems\n\n- ❌ `registry\/.*:\d+:\d+` /);
  });

  test("report: text from the registry stays text (no HTML, link, image, mention, code or cell)", () => {
    const html = render(job.summary);
    assertTablesIntact(html);
    assert.doesNotMatch(html, /<img|<a |<script|<em>|<strong>bold/);
    assert.doesNotMatch(job.summary, /@octocat/);
    const codeSpans = html.match(/<code>[^<]*<\/code>/g) ?? [];
    assert.ok(
      codeSpans.every((c) => !c.includes("tick")),
      codeSpans.join(" "),
    );
    assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"), "the payload is shown, as text");
  });
});

describe("push to main: the pages workflow's steps", async () => {
  const dir = await teamRepo();
  const env = cacheEnv();
  // `npm ci` is stood in for by the linked package (teamRepo).
  const steps = runSteps("pages.yml").filter((s) => s.run !== "npm ci");

  test("validate, then build the site under the repository's base path", async () => {
    for (const step of steps) {
      const r = await runStep(step, { cwd: dir, contexts: CONTEXTS, env });
      assert.equal(r.code, 0, `${step.run}\n${r.stdout}\n${r.stderr}`);
    }
    const index = readFileSync(join(dir, "_site", "index.html"), "utf8");
    assert.match(index, /href="\/team-registry\/projects\/animal-image-classification\/"/);
    assert.ok(existsSync(join(dir, "_site", "api", "v0.1", "health.json")));
    assert.equal(git(dir, "status", "--porcelain"), "", "the build leaves the checkout clean (_site/ and .astro/ are ignored)");
  });
});
