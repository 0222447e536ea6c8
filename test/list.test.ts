// `modelreg list` through the real CLI on the sample registry (issue #5): every
// operator of --where, --sort, --limit, --columns and the three formats. What
// each command should print is derived here from the loader's records in plain
// TypeScript, never from the query engine, and never written down by hand.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { cacheEnv, present } from "./_helpers.ts";
import {
  caretColumn,
  type Exp,
  fails,
  idsOf,
  jsonIds,
  load,
  metric,
  num,
  ok,
  param,
  parseCsv,
  parseTable,
  SAMPLE,
  sortedIds,
  tag,
  time,
} from "./_read-helpers.ts";

const ENV = cacheEnv();
const list = (...args: string[]) => ok(["list", ...args, "--registry", SAMPLE], ENV);
const reg = await load(SAMPLE);
const all = reg.experiments;
assert.equal(all.length, 72);

/** Literals taken from the data (resnet50's production experiment), so boundaries are tested without hand-typed results. */
const resnet = present(
  reg.models.find((m) => m.model === "resnet50"),
  "the resnet50 model",
);
const prod = present(
  all.find((e) => e.model === "resnet50" && e.data.version === resnet.data.aliases?.production),
  "resnet50's production experiment",
);
const prodTime = new Date(prod.data.created).toISOString();
const prodSha = present(prod.data.datasets?.test?.sha256, "the production run's test sha256");
const prodTrainingRows = present(prod.data.datasets?.training?.rows, "the production run's training rows");
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const has = (v: unknown) => typeof v === "number" || typeof v === "string" || typeof v === "boolean";

// [where, what it means in plain TypeScript, whether no match is the point]
const WHERE: Array<[string, (e: Exp) => boolean, "may be empty"?]> = [
  ["metrics.accuracy > 0.95", (e) => num(metric(e, "accuracy")) > 0.95],
  [`metrics.accuracy >= ${metric(prod, "accuracy")}`, (e) => num(metric(e, "accuracy")) >= num(metric(prod, "accuracy"))],
  ["metrics.rmse < 170", (e) => num(metric(e, "rmse")) < 170],
  [`metrics.loss <= ${metric(prod, "loss")}`, (e) => num(metric(e, "loss")) <= num(metric(prod, "loss"))],
  // != never matches an experiment without the key.
  ["tags.ticket != 'VIS-140'", (e) => has(tag(e, "ticket")) && tag(e, "ticket") !== "VIS-140"],
  ["tags.author LIKE '%-park'", (e) => str(tag(e, "author"))?.endsWith("-park") === true],
  ["tags.ticket LIKE 'VIS-1_0'", (e) => /^VIS-1.0$/.test(str(tag(e, "ticket")) ?? "")],
  ["tags.ticket LIKE 'vis-%'", () => false, "may be empty"], // LIKE is case-sensitive
  ["tags.ticket ILIKE 'vis-%'", (e) => str(tag(e, "ticket"))?.toLowerCase().startsWith("vis-") === true],
  ["tags.author NOT LIKE '%park'", (e) => has(tag(e, "author")) && str(tag(e, "author"))?.endsWith("park") === false],
  ["params.optimizer.lr IN (0.001, 0.0005)", (e) => [0.001, 0.0005].includes(num(param(e, "optimizer.lr")))],
  [
    "params.scheduler.name NOT IN ('cosine', 'linear')",
    (e) => has(param(e, "scheduler.name")) && !["cosine", "linear"].includes(param(e, "scheduler.name") as string),
  ],
  // and binds tighter than or; parentheses change it; keywords in any case.
  [
    "tags.team = 'vision' or tags.team = 'nlp' and params.optimizer.lr < 0.001",
    (e) => tag(e, "team") === "vision" || (tag(e, "team") === "nlp" && num(param(e, "optimizer.lr")) < 0.001),
  ],
  [
    "(tags.team = 'vision' OR tags.team = 'nlp') AND params.optimizer.lr < 0.001",
    (e) => ["vision", "nlp"].includes(tag(e, "team") as string) && num(param(e, "optimizer.lr")) < 0.001,
  ],
  [
    "params.model.arch = 'resnet50' and (params.augmentation.randaugment.magnitude = 12 or params.ema.enabled = true)",
    (e) => param(e, "model.arch") === "resnet50" && (param(e, "augmentation.randaugment.magnitude") === 12 || param(e, "ema.enabled") === true),
  ],
  // params.image_size is a map in one file and params.model a map in most: maps never match.
  ["params.image_size = 224 or params.model = 'ridge'", (e) => param(e, "image_size") === 224 || param(e, "model") === "ridge"],
  ["attributes.created >= '2026-06-01'", (e) => time(e.data.created) >= time("2026-06-01T00:00:00Z")],
  // The same instant written in another zone.
  [`attributes.created < '${prodTime}'`, (e) => time(e.data.created) < time(prod.data.created)],
  [
    `attributes.created = '${prodTime}' and metrics.accuracy = ${metric(prod, "accuracy")}`,
    (e) => time(e.data.created) === time(prod.data.created) && metric(e, "accuracy") === metric(prod, "accuracy"),
  ],
  [
    `datasets.test.sha256 = '${prodSha}' and datasets.training.rows > ${prodTrainingRows}`,
    (e) => e.data.datasets?.test?.sha256 === prodSha && num(e.data.datasets?.training?.rows) > prodTrainingRows,
  ],
  ["attributes.status != 'finished'", (e) => (e.data.status ?? "finished") !== "finished"],
  ["attributes.status = 'FINISHED'", (e) => (e.data.status ?? "finished") === "finished"],
  [
    "attributes.version = '1.0.0' and attributes.project = 'energy-demand-forecast'",
    (e) => e.data.version === "1.0.0" && e.project === "energy-demand-forecast",
  ],
];

describe("list experiments --where: every operator", { concurrency: 4 }, () => {
  for (const [where, expect, mayBeEmpty] of WHERE) {
    test(`where: ${where}`, async () => {
      const expected = idsOf(all.filter(expect));
      if (!mayBeEmpty) assert.ok(expected.length > 0 && expected.length < all.length, `the case should select some experiments, not ${expected.length}`);
      assert.deepEqual(jsonIds(await list("experiments", "--where", where, "--json")), expected);
    });
  }

  test("where: missing keys never match, not even != or NOT IN; the table says so", async () => {
    assert.equal(
      await list("experiments", "--where", "metrics.no_such_metric > 0 or metrics.no_such_metric != 1 or tags.no_such_tag NOT IN ('x')"),
      "(nothing matches)\n",
    );
  });
});

describe("list experiments: scope, sort, limit, columns, formats", { concurrency: 4 }, () => {
  test("no flags: every experiment by id, with the default columns and each model's primary metric", async () => {
    const out = JSON.parse(await list("experiments", "--json")) as Array<Record<string, unknown>>;
    assert.deepEqual(
      out.map((o) => o.id),
      idsOf(all),
    );
    const first = present(
      all.find((e) => e.id === out[0].id),
      "the first row's experiment",
    );
    const primary = present(reg.models.find((m) => m.project === first.project && m.model === first.model)?.data.primary_metric, "its primary metric").name;
    assert.deepEqual(out[0].primary_metric, { name: primary, value: metric(first, primary) });
    assert.equal(out[0]["attributes.created"], first.data.created);
  });

  test("--project and --model scope the list; --model adds its primary metric as a column", async () => {
    const lgbm = present(
      reg.models.find((m) => m.model === "lightgbm"),
      "the lightgbm model",
    );
    const lgbmPrimary = present(lgbm.data.primary_metric, "lightgbm's primary metric").name;
    const key = `metrics.${lgbmPrimary}`;
    const [byProject, byModel] = await Promise.all([
      list("experiments", "--project", "support-ticket-routing", "--json"),
      list("experiments", "--model", `${lgbm.project}/lightgbm`, "--json"),
    ]);
    assert.deepEqual(jsonIds(byProject), idsOf(all.filter((e) => e.project === "support-ticket-routing")));
    const rows = JSON.parse(byModel) as Array<Record<string, unknown>>;
    assert.deepEqual(
      rows.map((o) => o.id),
      idsOf(all.filter((e) => e.model === "lightgbm")),
    );
    for (const o of rows)
      assert.equal(
        o[key],
        metric(
          present(
            all.find((e) => e.id === o.id),
            `experiment ${o.id}`,
          ),
          lgbmPrimary,
        ),
      );
  });

  test("--sort KEY desc and asc: missing values last both ways", async () => {
    const accuracy = (e: Exp) => metric(e, "accuracy") as number | undefined;
    assert.ok(
      all.some((e) => accuracy(e) === undefined),
      "some experiments have no accuracy",
    );
    const [desc, asc] = await Promise.all([
      list("experiments", "--sort", "metrics.accuracy", "desc", "--json"),
      list("experiments", "--sort", "metrics.accuracy", "--json"),
    ]);
    assert.deepEqual(jsonIds(desc), sortedIds(all, [{ get: accuracy, desc: true }]));
    assert.deepEqual(jsonIds(asc), sortedIds(all, [{ get: accuracy }]));
  });

  test("--sort with several keys, in one flag and repeated", async () => {
    const keys = [
      { get: (e: Exp) => tag(e, "team") as string },
      { get: (e: Exp) => param(e, "optimizer.lr") as number | undefined, desc: true },
      { get: (e: Exp) => time(e.data.created), desc: true },
    ];
    const out = await list("experiments", "--sort", "tags.team", "asc", "params.optimizer.lr", "desc", "--sort", "attributes.created", "desc", "--json");
    assert.deepEqual(jsonIds(out), sortedIds(all, keys));
  });

  test("--sort attributes.created desc --limit 5: the five newest by time", async () => {
    assert.deepEqual(
      jsonIds(await list("experiments", "--sort", "attributes.created", "desc", "--limit", "5", "--json")),
      sortedIds(all, [{ get: (e) => time(e.data.created), desc: true }]).slice(0, 5),
    );
  });

  test("--columns in json, table and csv show the same rows and values", async () => {
    const columns = ["attributes.id", "metrics.accuracy", "params.optimizer.lr", "datasets.test.rows"];
    const args = ["experiments", "--where", "tags.team = 'vision'", "--sort", "metrics.accuracy", "desc", "--limit", "4", "--columns", columns.join(",")];
    const expected = sortedIds(
      all.filter((e) => tag(e, "team") === "vision"),
      [{ get: (e) => metric(e, "accuracy") as number, desc: true }],
    ).slice(0, 4);
    const value = (id: string) => {
      const e = present(
        all.find((x) => x.id === id),
        `experiment ${id}`,
      );
      return [e.id, metric(e, "accuracy"), param(e, "optimizer.lr"), e.data.datasets?.test?.rows];
    };
    const [json, formatJson, table, csv] = await Promise.all([
      list(...args, "--json"),
      list(...args, "--format", "json"),
      list(...args, "--format", "table"),
      list(...args, "--format", "csv"),
    ]);
    assert.equal(json, formatJson, "--json is --format json");
    const objects = JSON.parse(json) as Array<Record<string, unknown>>;
    assert.deepEqual(
      objects.map((o) => Object.keys(o)),
      expected.map(() => ["project", "model", "id", ...columns]),
    );
    assert.deepEqual(
      objects.map((o) => columns.map((c) => o[c])),
      expected.map(value),
    );
    assert.deepEqual(parseTable(table), [
      ["id", "metrics.accuracy", "params.optimizer.lr", "datasets.test.rows"],
      ...expected.map((id) => value(id).map(String)),
    ]);
    assert.deepEqual(parseCsv(csv), [["id", "metrics.accuracy", "params.optimizer.lr", "datasets.test.rows"], ...expected.map((id) => value(id).map(String))]);
  });

  test("table: numbers right-aligned, and the default columns", async () => {
    const rows = parseTable(await list("experiments", "--model", "energy-demand-forecast/ridge-baseline"));
    assert.deepEqual(rows[0], ["id", "model", "version", "created", "status", "metrics.rmse"]);
    const lines = (await list("experiments", "--columns", "attributes.id,metrics.rmse", "--model", "energy-demand-forecast/ridge-baseline"))
      .trimEnd()
      .split("\n");
    const ends = new Set(lines.filter((l) => !l.startsWith("─")).map((l) => l.length));
    assert.equal(ends.size, 1, `metrics.rmse should end in one column:\n${lines.join("\n")}`);
  });
});

describe("list projects and models", { concurrency: 4 }, () => {
  test("list projects --json: every project with its counts of models and experiments", async () => {
    const expected = reg.projects
      .map((p) => ({
        project: p.project,
        ...p.data,
        models: reg.models.filter((m) => m.project === p.project).length,
        experiments: all.filter((e) => e.project === p.project).length,
      }))
      .sort((a, b) => (a.project < b.project ? -1 : 1));
    assert.deepEqual(JSON.parse(await list("projects", "--json")), expected);
  });

  test("list projects: table shows slug, name and counts", async () => {
    const rows = parseTable(await list("projects"));
    assert.deepEqual(rows[0], ["project", "name", "models", "experiments", "created"]);
    assert.deepEqual(
      rows.slice(1).map((r) => r.slice(0, 4)),
      reg.projects
        .map((p) => [
          p.project,
          p.data.name,
          String(reg.models.filter((m) => m.project === p.project).length),
          String(all.filter((e) => e.project === p.project).length),
        ])
        .sort(),
    );
  });

  test("list models --project --json: that project's models, their data and experiment counts", async () => {
    const project = "energy-demand-forecast";
    const expected = reg.models
      .filter((m) => m.project === project)
      .map((m) => ({ project, model: m.model, ...m.data, experiments: all.filter((e) => e.project === project && e.model === m.model).length }))
      .sort((a, b) => (a.model < b.model ? -1 : 1));
    assert.deepEqual(JSON.parse(await list("models", "--project", project, "--json")), expected);
  });

  test("list models --format csv: one row per model with its aliases", async () => {
    const rows = parseCsv(await list("models", "--format", "csv"));
    assert.deepEqual(rows[0], ["model", "name", "task", "primary metric", "experiments", "production", "staging"]);
    const expected = reg.models
      .map((m) => [
        `${m.project}/${m.model}`,
        m.data.name,
        m.data.task ?? "",
        String(all.filter((e) => e.project === m.project && e.model === m.model).length),
        m.data.aliases?.production ?? "",
        m.data.aliases?.staging ?? "",
      ])
      .sort();
    assert.deepEqual(
      rows.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[5], r[6]]),
      expected,
    );
  });

  // Bugs, to be fixed: the scope and query flags are accepted but ignored for projects and models.
  test("list models --model p/m shows only that model", async () => {
    assert.deepEqual(
      JSON.parse(await list("models", "--model", "animal-image-classification/resnet50", "--json")).map((m: { model: string }) => m.model),
      ["resnet50"],
    );
  });

  test("list projects --project p shows only that project", async () => {
    assert.deepEqual(
      JSON.parse(await list("projects", "--project", "energy-demand-forecast", "--json")).map((p: { project: string }) => p.project),
      ["energy-demand-forecast"],
    );
  });

  test("list models --limit 1 shows one model (or refuses the flag)", async () => {
    assert.equal(JSON.parse(await list("models", "--limit", "1", "--json")).length, 1);
  });
});

// Each case: the query, and the character the error should point at (its index in the query).
const BAD_QUERIES: Array<[string, (q: string) => number, RegExp | ((q: string) => RegExp)]> = [
  ["metrics.accuracy >", (q) => q.length, /expected a value after ">", found the end of the query/],
  ["metric.accuracy > 0.9", () => 0, /unknown key prefix "metric\."[\s\S]*Did you mean "metrics\."\?/],
  ["accuracy > 0.9", () => 0, /"accuracy" has no prefix[\s\S]*metrics\.accuracy/],
  [
    "params.optimizer.name = 'adam' and (tags.team = 'vision'",
    (q) => q.length,
    (q) => new RegExp(`close the "\\(" at column ${q.indexOf("(") + 1}, found the end of the query`),
  ],
  ["metrics.accuracy > 0.9)", (q) => q.indexOf(")"), /This "\)" has no "\(" to close/],
  ["metrics.accuracy == 0.9", (q) => q.indexOf("=="), /"==" is not an operator[\s\S]*single =/],
  ["tags.team = 'vision", (q) => q.indexOf("'"), /unterminated string/],
  ["attributes.created > 'last week'", (q) => q.indexOf("'"), /'last week' is not a date/],
  ["params.optimizer.name IN 'adam'", (q) => q.indexOf("'"), /expected "\(" after IN/],
  ["metrics.accuracy > 0.9 && tags.team = 'nlp'", (q) => q.indexOf("&"), /unexpected character "&"[\s\S]*and \/ or/],
  ["", () => 0, /the query is empty/],
];

describe("list experiments: bad queries exit 1 and point at the column", { concurrency: 4 }, () => {
  for (const [query, at, message] of BAD_QUERIES) {
    test(`bad query: ${JSON.stringify(query)}`, async () => {
      const stderr = await fails(["list", "experiments", "--registry", SAMPLE, "--where", query], 1, ENV);
      assert.match(stderr, typeof message === "function" ? message(query) : message);
      const { column, query: echoed, caretAt } = caretColumn(stderr);
      assert.equal(echoed, query);
      assert.equal(column, at(query) + 1, stderr);
      assert.equal(caretAt, column, `the caret should sit under column ${column}:\n${stderr}`);
    });
  }

  test("bad --sort and --columns keys exit 1 with did-you-mean; bad --limit and a --sort without key exit 2", async () => {
    const [sort, columns, limit, dir] = await Promise.all([
      fails(["list", "experiments", "--registry", SAMPLE, "--sort", "metric.accuracy"], 1, ENV),
      fails(["list", "experiments", "--registry", SAMPLE, "--columns", "attributes.id,tag.team"], 1, ENV),
      fails(["list", "experiments", "--registry", SAMPLE, "--limit", "0"], 2, ENV),
      fails(["list", "experiments", "--registry", SAMPLE, "--sort", "desc"], 2, ENV),
    ]);
    assert.match(sort, /unknown key prefix "metric\."[\s\S]*Did you mean "metrics\."/);
    assert.match(columns, /unknown key prefix "tag\."[\s\S]*Did you mean "tags\."/);
    assert.match(limit, /--limit must be a whole number of at least 1, got "0"/);
    assert.match(dir, /--sort desc needs a key before it/);
  });

  test("unknown --project and --model exit 1 with did-you-mean; a malformed --model or an unknown list exit 2", async () => {
    const [project, model, malformed, what] = await Promise.all([
      fails(["list", "experiments", "--registry", SAMPLE, "--project", "energy-demand-forcast"], 1, ENV),
      fails(["list", "experiments", "--registry", SAMPLE, "--model", "energy-demand-forecast/xgbost"], 1, ENV),
      fails(["list", "experiments", "--registry", SAMPLE, "--model", "xgboost"], 2, ENV),
      fails(["list", "runs", "--registry", SAMPLE], 2, ENV),
    ]);
    assert.match(project, /there is no project "energy-demand-forcast"[\s\S]*Did you mean "energy-demand-forecast"\?/);
    assert.match(model, /project "energy-demand-forecast" has no model "xgbost"[\s\S]*Did you mean "xgboost"\?/);
    assert.match(malformed, /--model takes project\/model, got "xgboost"/);
    assert.match(what, /cannot list "runs"[\s\S]*projects`, `models` or `experiments/);
  });
});
