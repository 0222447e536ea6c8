// The site's data shaping: plain functions over loaded records, tested without Astro.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { describe, test } from "node:test";
import { goalFor } from "../scripts/lib/domain/metric-goals.ts";
import { loadRegistry } from "../scripts/lib/registry/loader.ts";
import { chartGeometry, downsample, niceTicks } from "../scripts/lib/site/chart.ts";
import { formatNumber, inlineCode } from "../scripts/lib/site/format.ts";
import { leaderboardColumns, leaderboardGroups, leaderboardRows } from "../scripts/lib/site/leaderboard.ts";
import { commitUrl, fileUrls, repoWebUrl, safeHref } from "../scripts/lib/site/links.ts";
import { recordDetails } from "../scripts/lib/site/record-details.ts";
import { buildSiteData } from "../scripts/lib/site/view.ts";
import { present, ROOT } from "./_helpers.ts";

describe("links: only http(s) without credentials", () => {
  const cases: Array<[unknown, string | undefined]> = [
    ["https://example.com/a?b=1", "https://example.com/a?b=1"],
    ["http://example.com", "http://example.com/"],
    ["javascript:alert(1)", undefined],
    ["JAVASCRIPT:alert(1)", undefined],
    ["data:text/html,<script>", undefined],
    ["https://user:token@example.com/x", undefined],
    ["https://x.example/?X-Amz-Signature=abc", undefined],
    ["s3://bucket/key", undefined],
    [" https://example.com", undefined],
    [42, undefined],
  ];
  for (const [input, expected] of cases) test(`safeHref(${JSON.stringify(input)})`, () => assert.equal(safeHref(input), expected));

  test("repository web URLs from the remotes git prints", () => {
    assert.equal(repoWebUrl("https://github.com/org/repo.git"), "https://github.com/org/repo");
    assert.equal(repoWebUrl("git@github.com:org/repo.git"), "https://github.com/org/repo");
    assert.equal(repoWebUrl("ssh://git@gitlab.com/group/sub/repo"), "https://gitlab.com/group/sub/repo");
    assert.equal(repoWebUrl("https://x-access-token:abc@github.com/org/repo"), "https://github.com/org/repo");
    assert.equal(repoWebUrl("https://git.internal.example/org/repo.git"), undefined);
    assert.equal(repoWebUrl("javascript:alert(1)//github.com/a/b"), undefined);
    assert.equal(commitUrl("git@gitlab.com:g/r.git", "abcdef1"), "https://gitlab.com/g/r/-/commit/abcdef1");
    assert.equal(commitUrl("https://github.com/o/r", "not-a-sha"), undefined);
    assert.deepEqual(fileUrls("https://github.com/o/r", "main", "registry/p/project.yaml"), {
      view: "https://github.com/o/r/blob/main/registry/p/project.yaml",
      edit: "https://github.com/o/r/edit/main/registry/p/project.yaml",
    });
  });
});

describe("format and charts", () => {
  test("numbers keep four significant digits; integers stay whole", () => {
    assert.equal(formatNumber(0.912345), "0.9123");
    assert.equal(formatNumber(41872), "41872");
    assert.equal(formatNumber(0.00001234), "1.234e-5");
    assert.equal(formatNumber(157.61), "157.6");
  });

  test("inline code is split out; nothing else is interpreted", () => {
    assert.deepEqual(inlineCode("run `make` <b>now</b>"), [
      { code: false, text: "run " },
      { code: true, text: "make" },
      { code: false, text: " <b>now</b>" },
    ]);
  });

  test("downsample keeps the ends and the count", () => {
    const pts = Array.from({ length: 1000 }, (_, i) => i);
    const d = downsample(pts, 200);
    assert.equal(d.length, 200);
    assert.equal(d[0], 0);
    assert.equal(d[199], 999);
  });

  test("ticks are round and cover the range", () => {
    assert.deepEqual(niceTicks(0.91, 0.96), [0.91, 0.92, 0.93, 0.94, 0.95, 0.96]);
    assert.deepEqual(niceTicks(0, 100, 4), [0, 25, 50, 75, 100]);
  });

  test("chart geometry maps points inside the plot and skips non-finite ones", () => {
    const g = chartGeometry([
      {
        label: "loss",
        style: "line",
        points: [
          { x: 0, y: 1 },
          { x: 5, y: Number.NaN },
          { x: 10, y: 0.5 },
        ],
      },
    ]);
    assert.match(g.series[0].d, /^M56 [\d.]+L628 [\d.]+$/);
    for (const t of g.yTicks) assert.ok(t.at >= g.plot.top && t.at <= g.plot.bottom);
  });

  test("a metric's goal is guessed from its name", () => {
    for (const m of ["loss", "val_loss", "rmse", "wer", "latency_ms_p50", "error_rate"]) assert.equal(goalFor(m), "minimize", m);
    for (const m of ["accuracy", "f1_macro", "auc", "bleu", "r2"]) assert.equal(goalFor(m), "maximize", m);
  });
});

describe("leaderboard of the sample registry", async () => {
  const loaded = await loadRegistry({ registry: join(ROOT, "registry") });
  const site = buildSiteData(loaded, { built: "2026-01-01T00:00:00Z", branch: "main", registryPath: "registry" });
  const resnet = present(site.modelsByKey.get("animal-image-classification/resnet50"), "the resnet50 model");

  test("runs are grouped by test-dataset fingerprint, production's group first", () => {
    const groups = leaderboardGroups(resnet);
    assert.ok(groups.length >= 2);
    assert.ok(groups[0].runs.includes(present(resnet.aliases.get("production"), "resnet50's production run")));
    const fingerprints = (g: (typeof groups)[0]) => new Set(g.runs.map((r) => r.data.datasets?.test?.sha256));
    for (const g of groups) assert.equal(fingerprints(g).size, 1, g.slug);
    assert.equal(
      groups.reduce((n, g) => n + g.runs.length, 0),
      resnet.experiments.length,
    );
  });

  test("rows are ranked by the primary metric with the best marked per column", () => {
    const group = leaderboardGroups(resnet)[0];
    const columns = leaderboardColumns(resnet, group);
    assert.deepEqual(columns.columns[0], { kind: "metric", key: "accuracy", goal: "maximize" });
    const rows = leaderboardRows({ group, columns, page: 1, aliasesOf: site.aliasesOf });
    const acc = rows.map((r) => r.cells[0]).filter((v): v is number => typeof v === "number");
    assert.deepEqual(
      acc,
      [...acc].sort((a, b) => b - a),
    );
    assert.equal(rows[0].best[0], true);
    assert.equal(rows.filter((r) => r.best[0]).length, 1);
    // Constant parameters are listed once, not as columns.
    const paramKeys = columns.columns.filter((c) => c.kind === "param").map((c) => c.key);
    for (const [k] of columns.constants) assert.ok(!paramKeys.includes(k));
  });
});

describe("an experiment page's sections rendered from its API record", () => {
  const details = recordDetails({
    id: "01kh00kbbgf06jnxekckk6zzke",
    created: "2026-01-01T00:00:00Z",
    parameters: { optimizer: { name: "adam", lr: 0.000118 }, epochs: 3 },
    datasets: {
      training: { uri: "javascript:alert(1)", sha256: "a".repeat(64), rows: 1200 },
      test: { uri: "https://user:secret@example.com/test.csv", name: "held-out" },
    },
    artifacts: { model: "https://example.com/model.bin", weights: "s3://bucket/w.bin" },
    code: { repo: "git@github.com:acme/train.git", commit: "927cd7fdfedb1ab16b24ffce85dca91417d9188d", dirty: false },
    source: { system: "mlflow", id: "abc" },
  });
  const cells = (title: string) => {
    const section = [details.parameters, ...details.rest.flat()].find((s) => s.title === title);
    assert.ok(section, title);
    return section.table.rows.map((r) => [r.key.join(""), ...r.cells.map((c) => c.text)]);
  };

  test("parameters are flattened, numbers rounded with the exact value kept", () => {
    assert.deepEqual(cells("Parameters"), [
      ["optimizer.name", "adam"],
      ["optimizer.lr", "0.000118"],
      ["epochs", "3"],
    ]);
    assert.deepEqual(details.parameters.table.rows[0].key, ["optimizer.", "name"]);
  });

  test("only http(s) URIs without credentials become links", () => {
    const [training, test] = details.rest[0][0].table.rows;
    assert.equal(training.cells[0].text, "javascript:alert(1)");
    assert.equal(training.cells[0].href, undefined);
    assert.equal(training.cells[0].code, true);
    assert.equal(test.cells[0].href, undefined, "a URI with credentials is not linked");
    assert.equal(test.cells[0].note, "held-out");
    assert.deepEqual(
      training.cells.slice(1).map((c) => c.text),
      [`sha256:${"a".repeat(12)}…`, "1,200", ""],
    );
    const artifacts = details.rest[1][0].table.rows.map((r) => r.cells[0].href);
    assert.deepEqual(artifacts, ["https://example.com/model.bin", undefined]);
  });

  test("code links the repository and the commit on its web host; empty sections say so", () => {
    const code = details.rest[1][1].table.rows;
    assert.equal(code[0].cells[0].href, "https://github.com/acme/train");
    assert.equal(code[1].cells[0].href, "https://github.com/acme/train/commit/927cd7fdfedb1ab16b24ffce85dca91417d9188d");
    assert.deepEqual(cells("Code").at(-1), ["uncommitted changes", "no"]);
    assert.deepEqual(cells("Environment"), []);
    assert.equal(details.rest[2][0].empty, "No environment recorded.");
    assert.deepEqual(
      details.rest[2][1].more?.table.rows.map((r) => r.cells[0].text),
      ["mlflow", "abc"],
    );
  });
});
