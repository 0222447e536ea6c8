// The query language of `--where` (issue #5): every operator against a few
// realistic rows, then every syntax error with its column, then sorting.

import assert from "node:assert/strict";
import { test } from "node:test";
import { DataError } from "../scripts/lib/core/errors.ts";
import { compareValues, fieldValue, matches, parseFieldKey, parseQuery, QueryError, type QueryRow } from "../scripts/lib/query/query.ts";

const ROWS: Record<string, QueryRow> = {
  resnet: {
    project: "animals",
    model: "resnet50",
    id: "01kmfjy1t805r4px29z7bazz2r",
    data: {
      id: "01kmfjy1t805r4px29z7bazz2r",
      version: "1.10",
      created: "2026-03-24T18:31:09+09:00",
      status: "finished",
      description: "Freeze the stem's layers",
      parameters: {
        model: { arch: "resnet50", depth: 50, freeze: { stem: 2 } },
        optimizer: { name: "adamw", lr: 0.001, betas: [0.9, 0.999] },
        "loss.name": "cross_entropy",
        ema: { enabled: true },
        epochs: 40,
      },
      datasets: {
        training: {
          uri: "s3://ml-data/animals/train.parquet",
          sha256: "901ab3839ce85f1032319910cc7945ad8237e901875327b12fcd593d24486d94",
          rows: 40915,
          revision: "2026.01-dedup",
        },
        test: {
          uri: "s3://ml-data/animals/test.parquet",
          sha256: "88c479bbc0beaaf657f673a6cb1670c23afbcf1785ae50c5eeb46869f8890b62",
          rows: 5236,
          revision: "2026.01",
        },
      },
      evaluations: { accuracy: 0.9513, "val.loss": 0.2059, "top-5 accuracy": 0.9971 },
      tags: { team: "vision", author: "hyunwoo-lee", ticket: "VIS-140" },
    },
  },
  vit: {
    project: "animals",
    model: "vit-b16",
    id: "01kn2c7dq3v9x4m8r5t6y7w8z9",
    data: {
      id: "01kn2c7dq3v9x4m8r5t6y7w8z9",
      created: "2026-01-15T09:00:00Z",
      status: "failed",
      parameters: { model: { arch: "vit_b16", depth: 12 }, optimizer: { name: "adam", lr: 0.0003 }, epochs: 300 },
      evaluations: { accuracy: 0.9721, "val.loss": 0.15 },
      tags: { team: "vision", priority: 2, "mlflow.runName": "brave-vit-7" },
    },
  },
  lgbm: {
    project: "energy",
    model: "lightgbm",
    id: "01kf9y6ybrvp8k6m30mep7f4dk",
    data: {
      id: "01kf9y6ybrvp8k6m30mep7f4dk",
      created: "2026-01-15T17:00:00+09:00",
      status: "finished",
      description: "Tuned: 50% more leaves",
      // As an MLflow import stores them: numbers as strings. And a key that must never reach Object.prototype.
      parameters: JSON.parse('{"num_leaves": 63, "learning_rate": "0.05", "objective": "regression", "__proto__": "polluted"}'),
      datasets: {
        training: { uri: "s3://ml-data/energy/2025.csv", md5: "d41d8cd98f00b204e9800998ecf8427e", rows: 87600 },
        validation: { uri: "s3://ml-data/energy/VAL-2025.csv", rows: 8760 },
      },
      evaluations: { rmse: 412.5, mape: 0.043 },
      tags: { team: "forecasting", unit: "MW", tuned: true },
    },
  },
  bare: {
    project: "energy",
    model: "ridge",
    id: "01kf3cz9m0e01xhnw8c5phaeqj",
    data: { id: "01kf3cz9m0e01xhnw8c5phaeqj", created: "2026-01-31T23:30:00-01:00" },
  },
};

function hits(query: string): string[] {
  const q = parseQuery(query);
  return Object.entries(ROWS)
    .filter(([, row]) => matches(q, row))
    .map(([name]) => name);
}

const matchCases: [name: string, query: string, expected: string[]][] = [
  ["= on a metric", "metrics.accuracy = 0.9721", ["vit"]],
  ["!= skips rows without the key", "metrics.accuracy != 0.9721", ["resnet"]],
  ["<", "metrics.accuracy < 0.96", ["resnet"]],
  ["<= includes the bound", "metrics.accuracy <= 0.9513", ["resnet"]],
  [">", "metrics.accuracy > 0.96", ["vit"]],
  [">= includes the bound", "metrics.accuracy >= 0.9513", ["resnet", "vit"]],
  ["exponent", "metrics.mape < 5e-2", ["lgbm"]],
  ["negative number", "metrics.rmse > -1", ["lgbm"]],
  ["integer against a float", "metrics.rmse < 413", ["lgbm"]],
  ["dotted metric name", "metrics.val.loss < 0.2", ["vit"]],
  ["backticked metric name", "metrics.`val.loss` >= 0.2", ["resnet"]],
  ["backticks allow spaces and hyphens", "metrics.`top-5 accuracy` > 0.99", ["resnet"]],
  ["double-quoted key part, as in MLflow", 'metrics."top-5 accuracy" > 0.99', ["resnet"]],
  ["nested parameter", "params.model.depth > 20", ["resnet"]],
  ["deeply nested parameter", "params.model.freeze.stem = 2", ["resnet"]],
  ["parameter key written with a dot", "params.loss.name = 'cross_entropy'", ["resnet"]],
  ["parameter key with a dot, backticked", "params.`loss.name` = 'cross_entropy'", ["resnet"]],
  ["list element by index", "params.optimizer.betas.1 = 0.999", ["resnet"]],
  ["a map is not a value", "params.optimizer = 'adamw' or params.optimizer != 'adamw'", []],
  ["a list has no length key", "params.optimizer.betas.length = 2", []],
  ["boolean", "params.ema.enabled = true", ["resnet"]],
  ["boolean against a string", "params.ema.enabled = 'true'", ["resnet"]],
  ["boolean is not a number", "params.ema.enabled = 1", []],
  ["number against a string literal (MLflow style)", "params.epochs = '40'", ["resnet"]],
  ["number against a string literal, parsed", "params.epochs = '40.0'", ["resnet"]],
  ["number-like string against a number", "params.learning_rate = 0.05", ["lgbm"]],
  ["number-like string against a longer number", "params.learning_rate = 0.050", ["lgbm"]],
  ["a version is text, not a number", "attributes.version = 1.1", []],
  ["a version matches as written", "attributes.version = 1.10 and attributes.version = '1.10'", ["resnet"]],
  ["ordering a number-like string numerically", "params.learning_rate < 0.1", ["lgbm"]],
  ["ordering a number against a number-like string numerically", "params.num_leaves > '100'", []],
  ["ordering text against a number never matches", "params.objective > 5 or params.objective < 5", []],
  ["strings order lexically", "tags.team > 'nlp'", ["resnet", "vit"]],
  ["__proto__ is an ordinary parameter", "params.__proto__ = 'polluted'", ["lgbm"]],
  ["__proto__ is missing where not set", "params.__proto__ != 'polluted'", []],
  ["constructor is not inherited", "params.constructor != 'x' or tags.constructor != 'x' or metrics.toString != 1", []],
  ["missing parameter path", "params.model.arch.deeper = 1 or params.nope != 1", []],
  ["tag", "tags.team = 'vision'", ["resnet", "vit"]],
  ["tag != skips rows without tags", "tags.team != 'vision'", ["lgbm"]],
  ["numeric tag", "tags.priority = 2 and tags.priority = '2'", ["vit"]],
  ["boolean tag", "tags.tuned = true", ["lgbm"]],
  ["dotted tag name", "tags.mlflow.runName = 'brave-vit-7'", ["vit"]],
  ["status", "attributes.status = 'failed'", ["vit"]],
  ["status in MLflow's capitals", "attributes.status = 'FAILED'", ["vit"]],
  ["status != skips rows without one", "attr.status != 'finished'", ["vit"]],
  ["attribute. and attr. aliases", "attribute.project = 'energy' and attr.model = 'lightgbm'", ["lgbm"]],
  ["run_id is the id", "attributes.run_id = '01kmfjy1t805r4px29z7bazz2r'", ["resnet"]],
  ["id prefix with LIKE", "attributes.id LIKE '01kf%'", ["lgbm", "bare"]],
  ["run_name reads the mlflow.runName tag", "attributes.run_name = 'brave-vit-7'", ["vit"]],
  ["run_name falls back to the version", "attributes.run_name = '1.10'", ["resnet"]],
  ["created after a date", "attributes.created > '2026-03-01'", ["resnet"]],
  ["created compares instants, not text", "attributes.created < '2026-01-15T08:30:00Z'", ["lgbm"]],
  ["date-only literal is midnight UTC", "attributes.created >= '2026-02-01' and attributes.created < '2026-02-02'", ["bare"]],
  ["date-time without offset is UTC", "attributes.created > '2026-02-01T00:15:00' and attributes.created < '2026-02-01T00:45'", ["bare"]],
  ["created = the same instant in another zone", "attributes.created = '2026-01-15T18:00:00+09:00'", ["vit"]],
  ["created IN", "attributes.created IN ('2026-01-15T09:00:00Z', '2026-01-31T23:30:00-01:00')", ["vit", "bare"]],
  ["created LIKE matches the text as written", "attributes.created LIKE '2026-01-31%'", ["bare"]],
  ["dataset checksum", "datasets.test.sha256 = '88c479bbc0beaaf657f673a6cb1670c23afbcf1785ae50c5eeb46869f8890b62'", ["resnet"]],
  ["dataset rows", "datasets.training.rows > 50000", ["lgbm"]],
  ["dataset revision is text", "datasets.test.revision = '2026.01'", ["resnet"]],
  ["dataset != skips rows without it", "datasets.test.rows != 1", ["resnet"]],
  ["dataset ILIKE", "datasets.validation.uri ILIKE '%val-%'", ["lgbm"]],
  ["IN", "params.optimizer.name IN ('adam', 'adamw')", ["resnet", "vit"]],
  ["NOT IN skips rows without the key", "params.optimizer.name NOT IN ('adam')", ["resnet"]],
  ["IN with mixed literals", "tags.priority IN ('1', 2, true)", ["vit"]],
  ["IN with one value", "tags.unit in ('MW')", ["lgbm"]],
  ["LIKE with %", "tags.author LIKE 'hyun%'", ["resnet"]],
  ["LIKE with _", "tags.ticket LIKE 'VIS-1_0'", ["resnet"]],
  ["_ is exactly one character", "tags.unit LIKE '_' or tags.unit LIKE '___'", []],
  ["LIKE is case-sensitive", "tags.ticket LIKE 'vis%'", []],
  ["ILIKE is not", "tags.ticket ILIKE 'vis%'", ["resnet"]],
  ["NOT LIKE", "tags.team NOT LIKE 'vis%'", ["lgbm"]],
  ["NOT ILIKE", "tags.team NOT ILIKE 'VIS%'", ["lgbm"]],
  ["LIKE treats regex characters literally", "tags.ticket LIKE 'VIS.140' or tags.ticket LIKE 'VIS-14+'", []],
  ["LIKE with an escaped %", "attributes.description LIKE '%50\\% more%'", ["lgbm"]],
  ["escaped % matches only a %", "attributes.description LIKE '%5\\%%'", []],
  ["LIKE on a number reads its decimal text", "metrics.accuracy LIKE '0.95%'", ["resnet"]],
  ["missing keys never match LIKE or NOT LIKE", "metrics.f1 LIKE '%' or metrics.f1 NOT LIKE 'x' or metrics.f1 NOT IN (1)", []],
  ["'' inside a string", "attributes.description = 'Freeze the stem''s layers'", ["resnet"]],
  ["\\' inside a string", "attributes.description = 'Freeze the stem\\'s layers'", ["resnet"]],
  ["double-quoted string", 'attributes.description = "Freeze the stem\'s layers"', ["resnet"]],
  ["AND binds tighter than OR", "tags.team = 'forecasting' or tags.team = 'vision' and metrics.accuracy > 0.96", ["vit", "lgbm"]],
  ["parentheses regroup", "(tags.team = 'forecasting' or tags.team = 'vision') and metrics.accuracy > 0.96", ["vit"]],
  ["nested parentheses", "((metrics.accuracy > 0.96) or (attributes.project = 'energy' and (tags.unit = 'MW')))", ["vit", "lgbm"]],
  ["long chains", "attributes.project = 'animals' and tags.team = 'vision' and params.epochs >= 40 and metrics.accuracy > 0", ["resnet", "vit"]],
  [
    "keywords and prefixes in any case",
    "METRICS.accuracy > 0.9 AND Tags.team In ('vision') oR Attributes.Status = 'failed' and tags.or = 1 Or params.epochs nOt iN (1)",
    ["resnet", "vit"],
  ],
  ["no spaces around operators", "metrics.accuracy>0.96 and(tags.team='vision')", ["vit"]],
  ["whitespace and newlines", "\n  metrics.accuracy\t>  0.96\n", ["vit"]],
];

for (const [name, query, expected] of matchCases) {
  test(`query: ${name}`, () => {
    assert.deepEqual(hits(query), expected, query);
  });
}

const errorCases: [name: string, query: string, column: number, fragment: string, hint?: RegExp][] = [
  ["empty", "", 1, "the query is empty"],
  ["only spaces", "   ", 1, "the query is empty"],
  ["unknown prefix", "metric.acc > 0.9", 1, 'unknown key prefix "metric."', /Did you mean "metrics\."\?/],
  ["unknown prefix later on", "metrics.a > 1 and param.lr = 1", 19, 'unknown key prefix "param."', /Did you mean "params\."\?/],
  ["no prefix", "accuracy > 0.9", 1, '"accuracy" has no prefix', /metrics\.accuracy/],
  ["an attribute without prefix", "created > '2026-01-01'", 1, "has no prefix", /Did you mean "attributes\.created"\?/],
  ["missing value", "metrics.acc >", 14, 'expected a value after ">", found the end of the query'],
  ["missing value before and", "metrics.acc > and x = 1", 15, 'expected a value after ">", found "and"'],
  ["unquoted string", "params.optimizer = adam", 20, 'expected a value after "=", found "adam"', /Quote strings: 'adam'/],
  ["key against key", "metrics.a > metrics.b", 13, 'expected a value after ">"', /not with another key/],
  ["junk after a condition", "metrics.acc > 0.9 xyz", 19, 'expected "and", "or" or the end of the query, found "xyz"'],
  ["two conditions without and", "metrics.a > 1 metrics.b < 2", 15, 'expected "and", "or" or the end of the query, found "metrics.b"'],
  ["unterminated string", "tags.team = 'vision", 13, "unterminated string: no closing '"],
  ["unterminated double-quoted string", 'tags.team = "vision', 13, 'unterminated string: no closing "'],
  ["string ending in an escaped quote", "tags.team = 'vision\\'", 13, "unterminated string: no closing '", /\\'/],
  ["unterminated backticks", "metrics.`val loss > 1", 9, "unterminated quoted key part"],
  ["unclosed parenthesis", "(metrics.a > 1 or metrics.b < 2", 32, 'expected "and", "or" or ")" to close the "(" at column 1, found the end of the query'],
  ["stray closing parenthesis", "metrics.a > 1)", 14, 'found ")"', /no "\("/],
  ["empty parentheses", "()", 2, 'expected a key like metrics.accuracy, found ")"'],
  ["leading and", "and metrics.a > 1", 1, 'expected a key like metrics.accuracy, found "and"'],
  ["trailing or", "metrics.a > 1 or", 17, "expected a key like metrics.accuracy, found the end of the query"],
  ["missing operator", "metrics.a 0.9", 11, 'expected an operator (=, !=, <, <=, >, >=, IN, LIKE or ILIKE) after "metrics.a", found "0.9"'],
  ["double equals", "metrics.a == 1", 11, '"==" is not an operator', /single =/],
  ["SQL not-equal", "metrics.a <> 1", 11, '"<>" is not an operator', /!=/],
  ["&&", "metrics.a > 1 && metrics.b < 2", 15, 'unexpected character "&"', /and \/ or/],
  ["semicolon", "metrics.a > 1; drop", 14, 'unexpected character ";"'],
  ["NOT without IN or LIKE", "metrics.a not = 1", 15, 'expected IN, LIKE or ILIKE after NOT, found "="'],
  ["IN without parentheses", "metrics.a in 1", 14, 'expected "(" after IN, found "1"'],
  ["empty IN list", "metrics.a IN ()", 15, 'expected a value after "(", found ")"'],
  ["IN list without commas", "metrics.a IN (1 2)", 17, 'expected "," or ")" in the IN list, found "2"'],
  ["IN list cut short", "metrics.a IN (1,", 17, 'expected a value after ",", found the end of the query'],
  ["LIKE with a number", "tags.t LIKE 5", 13, 'expected a quoted pattern after LIKE, found "5"'],
  ["malformed number", "metrics.a > 1e", 13, '"1e" is not a number'],
  ["unquoted date", "metrics.a > 2026-01-01", 13, '"2026-01-01" is not a number', /'2026-01-01'/],
  ["created with a word", "attributes.created > 'last week'", 22, "'last week' is not a date", /2026-01-01/],
  ["created with a number", "attributes.created > 20260101", 22, "20260101 is not a date"],
  ["created with an impossible date", "attributes.created IN ('2026-02-30x')", 24, "is not a date"],
  ["unknown attribute", "attributes.craeted > '2026-01-01'", 12, 'unknown attribute "craeted"', /Did you mean "created"\?/],
  ["attribute with parts", "attributes.created.day = 1", 20, 'unexpected "day" after "attributes.created"'],
  ["unknown dataset role", "datasets.train.uri = 'x'", 10, 'unknown dataset role "train"', /Did you mean "training"\?/],
  ["unknown dataset field", "datasets.test.sha25 = 'x'", 15, 'unknown dataset field "sha25"', /Did you mean "sha256"\?/],
  ["dataset without a field", "datasets.test = 'x'", 14, 'expected a name after "datasets.test."', /sha256/],
  ["prefix alone", "metrics = 1", 8, 'expected a name after "metrics."'],
  ["dot with nothing after it", "metrics. > 1", 9, 'expected a name after "metrics."', /backticks/],
  ["__proto__ is no prefix", "__proto__.x = 1", 1, 'unknown key prefix "__proto__."'],
  ["constructor is no attribute", "attributes.constructor = 1", 12, 'unknown attribute "constructor"'],
  ["non-ASCII needs backticks", "tags.팀 = 'x'", 6, 'expected a name after "tags."', /backticks/],
  ["columns count characters, not UTF-16 units", "tags.team = '🦊🦊' xyz", 18, 'found "xyz"'],
];

for (const [name, query, column, fragment, hint] of errorCases) {
  test(`query: syntax error: ${name}`, () => {
    assert.throws(
      () => parseQuery(query),
      (err: unknown) => {
        assert.ok(err instanceof QueryError, String(err));
        assert.equal(err.column, column, err.message);
        assert.ok(err.message.startsWith(`column ${column}: `), err.message);
        assert.ok(err.reason.includes(fragment), `${err.reason}\n  does not include\n${fragment}`);
        assert.ok(err.hint, "every error has a hint");
        if (hint) assert.match(err.hint, hint);
        return true;
      },
    );
  });
}

test("query: the message shows the query with a caret under the column, and exits 1", () => {
  const err = (() => {
    try {
      parseQuery("metrics.acc >\t0.9 xyz");
    } catch (e) {
      return e as QueryError;
    }
    assert.fail("no error");
  })();
  assert.equal(
    err.message,
    ['column 19: expected "and", "or" or the end of the query, found "xyz"', "  metrics.acc > 0.9 xyz", "                    ^"].join("\n"),
  );
  assert.ok(err instanceof DataError);
  assert.equal(err.exitCode, 1);
  assert.equal(err.code, "E_BAD_QUERY");
});

const keyCases: [written: string, normal: string][] = [
  ["metrics.accuracy", "metrics.accuracy"],
  ["METRICS.val.loss", "metrics.val.loss"],
  ["metrics.`val.loss`", "metrics.val.loss"],
  ["metrics.`my metric`", "metrics.`my metric`"],
  ['metrics."top-5 accuracy"', "metrics.`top-5 accuracy`"],
  ["params.optimizer.lr", "params.optimizer.lr"],
  ["params.`loss.name`", "params.`loss.name`"],
  ["tags.mlflow.runName", "tags.mlflow.runName"],
  ["attr.run_id", "attributes.id"],
  ["attribute.Created", "attributes.created"],
  ["  datasets.Test.SHA256 ", "datasets.test.sha256"],
];

for (const [written, normal] of keyCases) {
  test(`query: key ${written} reads as ${normal}`, () => {
    assert.equal(parseFieldKey(written), normal);
    assert.equal(parseFieldKey(normal), normal);
  });
}

test("query: bad keys for --sort and --columns are QueryErrors too", () => {
  assert.throws(
    () => parseFieldKey("metric.accuracy"),
    (e: unknown) => e instanceof QueryError && /Did you mean "metrics\."/.test(e.hint ?? ""),
  );
  assert.throws(
    () => parseFieldKey("metrics.a metrics.b"),
    (e: unknown) => e instanceof QueryError && e.column === 11 && /expected one key/.test(e.reason),
  );
  assert.throws(
    () => parseFieldKey(""),
    (e: unknown) => e instanceof QueryError && /expected a key/.test(e.reason),
  );
});

test("query: fieldValue reads the same values the query compares", () => {
  assert.equal(fieldValue(ROWS.resnet, "metrics.val.loss"), 0.2059);
  assert.equal(fieldValue(ROWS.resnet, "params.model.depth"), 50);
  assert.deepEqual(fieldValue(ROWS.resnet, "params.optimizer.betas"), [0.9, 0.999]);
  assert.equal(fieldValue(ROWS.resnet, "datasets.test.rows"), 5236);
  assert.equal(fieldValue(ROWS.vit, "attr.run_id"), ROWS.vit.id);
  assert.equal(fieldValue(ROWS.vit, "attributes.model"), "vit-b16");
  assert.equal(fieldValue(ROWS.lgbm, "params.__proto__"), "polluted");
  assert.equal(fieldValue(ROWS.bare, "params.__proto__"), undefined);
  assert.equal(fieldValue(ROWS.bare, "params.constructor"), undefined);
  assert.equal(fieldValue(ROWS.bare, "metrics.accuracy"), undefined);
  assert.equal(fieldValue(ROWS.bare, "datasets.test.uri"), undefined);
});

function sortBy(key: string, direction: "asc" | "desc"): string[] {
  return Object.entries(ROWS)
    .sort(([, a], [, b]) => compareValues(fieldValue(a, key), fieldValue(b, key), direction))
    .map(([name]) => name);
}

test("query: sorting by a metric is numeric, missing values last either way", () => {
  assert.deepEqual(sortBy("metrics.accuracy", "asc"), ["resnet", "vit", "lgbm", "bare"]);
  assert.deepEqual(sortBy("metrics.accuracy", "desc"), ["vit", "resnet", "lgbm", "bare"]);
  assert.deepEqual(sortBy("params.epochs", "desc"), ["vit", "resnet", "lgbm", "bare"]);
});

test("query: sorting by created is by instant, not by text", () => {
  assert.deepEqual(sortBy("attributes.created", "asc"), ["lgbm", "vit", "bare", "resnet"]);
  assert.deepEqual(sortBy("attributes.created", "desc"), ["resnet", "bare", "vit", "lgbm"]);
});

test("query: compareValues orders numbers, then strings, then booleans, then missing", () => {
  const values = [10, undefined, "b", 9, null, "a", true, Number.NaN, -1.5, false, "10"];
  // (Array#sort itself puts undefined after everything else.)
  assert.deepEqual(
    values.slice().sort((a, b) => compareValues(a, b)),
    [-1.5, 9, 10, "10", "a", "b", false, true, null, Number.NaN, undefined],
  );
  assert.deepEqual(
    values.slice().sort((a, b) => compareValues(a, b, "desc")),
    [true, false, "b", "a", "10", 10, 9, -1.5, null, Number.NaN, undefined],
  );
  assert.equal(compareValues(2, 10), -1);
  assert.equal(compareValues("2", "10"), 1);
  assert.equal(compareValues(undefined, undefined), 0);
  assert.equal(compareValues(undefined, 1, "desc"), 1);
});
