// The import checks a record it rendered as a value, not by re-parsing its text
// (scripts/lib/import/_plain-tree.ts). That is sound only if our serialiser's
// text parses back to the very value it was given: proven here on the values
// most likely to break it, and the values outside that ground take the slow path.
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderedFaithfully } from "../scripts/lib/import/_plain-tree.ts";
import { parseYaml, stringifyRecord } from "../scripts/lib/yaml/yaml.ts";

const tricky: Record<string, unknown> = {
  "key: with colon": "value: with colon",
  "- dash": "- dash",
  "#hash": "# not a comment",
  "": "empty key",
  "?": "?",
  "&anchor": "*alias",
  "!tag": "!tag",
  "@at": "`tick`",
  "'single'": '"double"',
  yes: ["yes", "no", "on", "off", "y", "n", "true", "false", "True", "NULL", "null", "~", ""],
  numbersAsStrings: ["1e-5", "0x1f", "0o17", ".5", "1_000", "+1", "-0", ".inf", "-.inf", ".nan", "007", "1.0", "12:30"],
  numbers: [1e-5, -1e-5, 1e21, 1.7976931348623157e308, 5e-324, 0, -0, 0.1 + 0.2, 123456789012345, -42, 3.0],
  unicode: ["héllo", "日本語のテキスト", "emoji 🚀 pair", "\u00a0nbsp", "zero\u200bwidth", "rtl \u202e text"],
  whitespace: [" leading", "trailing ", "tab\there", "line\nbreak", "crlf\r\nend", "\n", "  ", "trailing newline\n"],
  control: ["bell\u0007", "nul\u0000", "esc\u001b[0m", "del\u007f", "\u0085next line", "\u2028ls"],
  long: ["x".repeat(5000), `${"word ".repeat(400)}end`, "a\n".repeat(200)],
  nested: { a: { b: { c: [[1, [2, [3]]], { d: null }] } }, emptyMap: {}, emptyList: [] },
  history: [
    { step: 0, value: 0.5 },
    { step: 1, value: 1e-7 },
    { step: 2, value: -3.25 },
  ],
  booleans: [true, false, null],
  "multi\nline key": "x",
  'quoted "key"': "x",
  "12": "numeric key",
  "1e-5": "float key",
  true: "bool key",
  null: "null key",
  "]": "[",
  "{": "}",
  ",": ",",
  "%": "%YAML 1.2",
  "---": "...",
};

test("fast check: our rendering of a plain tree parses back to the same value", () => {
  const text = stringifyRecord(tricky, "../schema.json");
  assert.equal(renderedFaithfully(tricky, text), true);
  const parsed = parseYaml(text);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.value, tricky);
  // -0 must stay -0, not become 0.
  assert.ok(Object.is((parsed.value as { numbers: number[] }).numbers[6], -0));
});

test("fast check: every tricky value also round-trips on its own, as a key and as a value", () => {
  const leaves = Object.values(tricky)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v) => typeof v === "string");
  for (const s of leaves) {
    const record = { [s]: s, list: [s], point: [{ s }] };
    const parsed = parseYaml(stringifyRecord(record, "s.json"));
    assert.deepEqual(parsed.problems, [], JSON.stringify(s));
    assert.deepEqual(parsed.value, record, JSON.stringify(s));
  }
});

test("fast check: values outside the proven ground take the slow path", () => {
  const shared = { a: 1 };
  const outside: Array<[string, unknown]> = [
    ["NaN", { v: Number.NaN }],
    ["Infinity", { v: Number.POSITIVE_INFINITY }],
    ["undefined", { v: undefined }],
    ["a shared object (rendered as an alias)", { a: shared, b: shared }],
    ["a Date", { v: new Date(0) }],
    ["a Map", { v: new Map() }],
    ["a lone surrogate", { v: "\ud800" }],
    ["a lone surrogate in a key", { "\udc00": 1 }],
    ["a byte-order mark (dropped before a plain key)", { "\ufeffkey": "\ufeffvalue" }],
    ["a bigint", { v: 1n }],
    ["a sparse array", { v: new Array(3) }],
    ["deep nesting", JSON.parse(`${"[".repeat(20)}1${"]".repeat(20)}`)],
  ];
  for (const [what, value] of outside) assert.equal(renderedFaithfully(value, "x: 1\n"), false, what);
  assert.equal(renderedFaithfully({ v: "x" }, "x".repeat(1024 * 1024 + 1)), false, "a file over the size limit");
});
