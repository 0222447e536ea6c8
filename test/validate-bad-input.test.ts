// Bad input (issue "Registry core", section "Bad input"): one tiny registry per
// case, run through the real CLI. Every fixture is the `valid` registry plus
// exactly one defect, and every diagnostic must come from the case's rule: were
// the rule gone, the registry would validate and the case would fail.
// Committed fixtures live in test/fixtures/validate/<case>/registry; cases that
// need huge files, invalid bytes or symlinks build them into a temp copy of `valid`.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { checkFile } from "../scripts/lib/registry/check-file.ts";
import { parseYaml, stringifyRecord } from "../scripts/lib/yaml/yaml.ts";
import { type CliResult, cacheEnv, copyFixture, FIXTURES, present, runCli } from "./_helpers.ts";

const DIR = join(FIXTURES, "validate");
const MODEL = "animal-photos/models/resnet50";
const A_ID = "01kghf3n80ex6qcd6p75c98v7y";
/** Experiment A (version 1.0.0, no alias points at it): where most defects go. */
const A = `${MODEL}/experiments/${A_ID}.yaml`;
/** Experiment B (version 1.1.0, target of both aliases). */
const B = `${MODEL}/experiments/01kgs69t80jqmcyjjysz6yd4ed.yaml`;

interface Case {
  name: string;
  expectCode: 0 | 1;
  /** The rule every diagnostic comes from; absent when the registry must come out clean. */
  rule?: string;
  messageIncludes?: string;
  hintIncludes?: string;
  /** The first diagnostic's file, relative to the registry. */
  file?: string;
  /** Where the first diagnostic points, for problems that have a position. */
  line?: number;
  col?: number;
  /** How many diagnostics there are (default 1). */
  count?: number;
  severity?: "error" | "warning";
  /** Writes the defect into `<root>/registry`, a fresh copy of the `valid` fixture. */
  build?: (root: string) => void;
}

/** Puts `insert` into experiment A after the line holding `after`, or in place of `after` itself. */
function editA(root: string, after: string, insert: string | Buffer, replace = false): void {
  const path = join(root, "registry", A);
  const text = readFileSync(path);
  const at = text.indexOf(after);
  assert.notEqual(at, -1, `fixture has no ${after}`);
  const end = replace ? at + Buffer.byteLength(after) : text.indexOf("\n", at) + 1;
  writeFileSync(path, Buffer.concat([text.subarray(0, replace ? at : end), Buffer.from(insert), text.subarray(end)]));
}

const CASES: Case[] = [
  // The control: every committed fixture below is this registry plus one defect.
  { name: "valid", expectCode: 0 },
  { name: "duplicate-keys", expectCode: 1, rule: "yaml-is-well-formed", file: A, messageIncludes: "the key `accuracy` is repeated", line: 31, col: 3 },
  {
    name: "custom-tag-js-function",
    expectCode: 1,
    rule: "yaml-is-well-formed",
    file: A,
    messageIncludes: "the tag !!js/function is not allowed",
    line: 14,
    col: 9,
  },
  {
    name: "custom-tag-python",
    expectCode: 1,
    rule: "yaml-is-well-formed",
    file: A,
    messageIncludes: "the tag !!python/object/apply:os.system is not allowed",
    line: 13,
    col: 15,
  },
  { name: "alias-bomb", expectCode: 1, rule: "yaml-is-well-formed", file: A, messageIncludes: "aliases expand too much", line: 16, col: 14 },
  { name: "tabs", expectCode: 1, rule: "yaml-is-well-formed", file: A, messageIncludes: "Tabs are not allowed as indentation", line: 9, col: 1 },
  { name: "multiple-documents", expectCode: 1, rule: "yaml-is-well-formed", file: A, messageIncludes: "more than one YAML document", line: 44, col: 1 },
  { name: "yaml-syntax-error", expectCode: 1, rule: "yaml-is-well-formed", file: A, messageIncludes: "quoted string is never closed", line: 5, col: 14 },
  { name: "empty-file", expectCode: 1, rule: "yaml-is-well-formed", file: A, messageIncludes: "the file is empty", line: 1, col: 1 },
  {
    name: "list-instead-of-map",
    expectCode: 1,
    rule: "matches-schema",
    file: "animal-photos/project.yaml",
    messageIncludes: "holds a list, but it must be a map of fields",
    line: 2,
    col: 1,
  },
  {
    name: "wrong-types",
    expectCode: 1,
    rule: "matches-schema",
    file: A,
    messageIncludes: '`datasets.training.rows` is a string ("41872"), but it must be an integer',
    line: 19,
    col: 5,
    count: 2,
  },
  {
    name: "nan-metric",
    expectCode: 1,
    rule: "matches-schema",
    file: A,
    messageIncludes: "`evaluations.loss` is NaN, but it must be a finite number",
    line: 31,
    col: 3,
  },
  {
    name: "inf-metric",
    expectCode: 1,
    rule: "matches-schema",
    file: A,
    messageIncludes: "`evaluations.loss` is Infinity, but it must be a finite number",
    line: 31,
    col: 3,
  },
  {
    name: "non-rfc3339-date",
    expectCode: 1,
    rule: "matches-schema",
    file: A,
    messageIncludes: '`created` is "2026-02-03 19:00", which is not an RFC 3339 date-time',
    line: 4,
    col: 1,
  },
  {
    name: "version-as-number",
    expectCode: 1,
    rule: "matches-schema",
    file: B,
    messageIncludes: "(1.10 is read as 1.1)",
    hintIncludes: 'Quote it: `version: "1.10"`',
    line: 3,
    col: 1,
  },
  {
    name: "too-large",
    expectCode: 1,
    rule: "file-within-size-limit",
    file: A,
    messageIncludes: "the limit is 1 MiB",
    // A long but valid metric curve: the only thing wrong is the size.
    build: (root) =>
      editA(
        root,
        "  loss: 0.3117",
        `history:\n  train_loss:\n${Array.from({ length: 40_000 }, (_, i) => `    - {step: ${i}, value: ${(2.3 - i * 5e-5).toFixed(6)}}\n`).join("")}`,
      ),
  },
  {
    name: "too-deep-flow",
    expectCode: 1,
    rule: "yaml-is-well-formed",
    file: A,
    messageIncludes: "deeper than 32 levels",
    line: 15,
    col: 43,
    build: (root) => editA(root, "  seed: 42", `  layers: ${"[".repeat(300_000)}${"]".repeat(300_000)}\n`),
  },
  { name: "too-deep-block", expectCode: 1, rule: "yaml-is-well-formed", file: A, messageIncludes: "deeper than 32 levels", line: 46, col: 65 },
  {
    name: "non-utf8",
    expectCode: 1,
    rule: "file-is-utf8",
    file: A,
    messageIncludes: "byte 0xe9 at offset 224 is not valid UTF-8",
    line: 5,
    col: 66,
    build: (root) => editA(root, "step schedule.", Buffer.from("step schedule (caf\xe9 run).", "latin1"), true),
  },
  {
    name: "symlink-outside",
    expectCode: 1,
    rule: "files-follow-layout",
    file: A,
    messageIncludes: "is a symbolic link that points outside the registry",
    // The target is a valid experiment: following the link would find nothing wrong.
    build: (root) => {
      mkdirSync(join(root, "outside"));
      renameSync(join(root, "registry", A), join(root, "outside", `${A_ID}.yaml`));
      symlinkSync(`../../../../../outside/${A_ID}.yaml`, join(root, "registry", A));
    },
  },
  {
    name: "stray-yml",
    expectCode: 1,
    rule: "files-follow-layout",
    file: A.replace(/\.yaml$/, ".yml"),
    messageIncludes: "has the extension .yml; registry files end in .yaml",
  },
  {
    name: "stray-notes-txt",
    expectCode: 0,
    rule: "files-follow-layout",
    severity: "warning",
    file: `${MODEL}/notes.txt`,
    messageIncludes: "is not part of the registry and is ignored",
  },
  {
    name: "slug-capitals",
    expectCode: 1,
    rule: "files-follow-layout",
    file: "animal-photos/models/ResNet50/experiments/01kghf3n80ex6qcd6p75c98v7y.yaml",
    messageIncludes: 'the model directory "ResNet50" is not a valid slug',
    count: 1,
  },
  {
    name: "slug-space",
    expectCode: 1,
    rule: "files-follow-layout",
    file: `animal photos/models/resnet50/experiments/${A_ID}.yaml`,
    messageIncludes: 'the project directory "animal photos" is not a valid slug',
    count: 1,
  },
  {
    name: "slug-dotdot",
    expectCode: 1,
    rule: "files-follow-layout",
    file: `animal-photos/models/..resnet50/experiments/${A_ID}.yaml`,
    messageIncludes: 'the model directory "..resnet50" is not a valid slug',
    count: 1,
  },
  {
    name: "id-mismatch",
    expectCode: 1,
    rule: "id-matches-file-name",
    file: A,
    messageIncludes: '`id` is "01kh0xfz80e9eyjzabkm0y7jth" but the file is named 01kghf3n80ex6qcd6p75c98v7y.yaml',
    line: 2,
    col: 1,
  },
  {
    name: "orphan-experiment",
    expectCode: 1,
    rule: "parents-exist",
    file: `animal-photos/models/efficientnet-b0/experiments/${A_ID}.yaml`,
    messageIncludes: "animal-photos/models/efficientnet-b0/model.yaml does not exist",
  },
  {
    name: "orphan-model",
    expectCode: 1,
    rule: "parents-exist",
    file: "bird-sounds/models/wav2vec2/model.yaml",
    messageIncludes: "bird-sounds/project.yaml does not exist",
  },
  {
    name: "duplicate-ids-across-models",
    expectCode: 1,
    rule: "experiment-ids-unique",
    file: "animal-photos/models/efficientnet-b0/experiments/01kgs69t80jqmcyjjysz6yd4ed.yaml",
    messageIncludes: `is also used by ${B}`,
    count: 2,
  },
  {
    name: "duplicate-versions",
    expectCode: 1,
    rule: "versions-unique-per-model",
    file: A,
    messageIncludes: 'version "1.1.0" of animal-photos/resnet50 is already used by 01kgs69t80jqmcyjjysz6yd4ed',
    line: 3,
    col: 1,
    count: 2,
  },
  {
    name: "alias-to-missing-version",
    expectCode: 1,
    rule: "aliases-resolve",
    file: `${MODEL}/model.yaml`,
    messageIncludes: 'the alias "production" points to "1.2.0"',
    line: 10,
    col: 3,
  },
  {
    name: "duplicate-project-names",
    expectCode: 1,
    rule: "project-names-unique",
    file: "animal-photos-v2/project.yaml",
    messageIncludes: 'the project name "동물 사진 분류" is also used by animal-photos/project.yaml',
    line: 2,
    col: 1,
    count: 2,
  },
  {
    name: "train-equals-test-uri",
    expectCode: 1,
    rule: "no-train-test-overlap",
    file: A,
    messageIncludes: "the test dataset is the training dataset: the same uri",
    line: 24,
    col: 3,
  },
  {
    name: "train-equals-val-sha256",
    expectCode: 1,
    rule: "no-train-test-overlap",
    file: A,
    messageIncludes: "the validation dataset is the training dataset: the same sha256",
    line: 20,
    col: 3,
  },
  {
    name: "credentials-in-uri",
    expectCode: 1,
    rule: "no-credentials-in-uris",
    file: A,
    messageIncludes: "a URL here contains a user name or token",
    line: 35,
    col: 3,
  },
  { name: "proto-keys", expectCode: 0 },
];

/** A case's registry root: the committed fixture itself, or a temp copy of `valid` with the defect built in. */
function rootOf(c: Case): string {
  if (!c.build) return join(DIR, c.name);
  const root = copyFixture("validate/valid");
  c.build(root);
  return root;
}

/** Every path under a directory with a digest of its bytes or its link target. */
function treeDigest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(dir, path));
      if (st.isSymbolicLink()) out[path] = `link ${readlinkSync(join(dir, path))}`;
      else if (st.isDirectory()) walk(path);
      else
        out[path] = createHash("sha256")
          .update(readFileSync(join(dir, path)))
          .digest("hex");
    }
  };
  walk("");
  return out;
}

function validate(root: string, format: "json" | "text"): Promise<CliResult> {
  return runCli(["validate", "--registry", "registry", "--format", format], { cwd: root, env: cacheEnv() });
}

function assertNoCrash(res: CliResult): void {
  const output = res.stdout + res.stderr;
  assert.doesNotMatch(output, /^ {4}at /m, output);
  assert.doesNotMatch(output, /internal error/i, output);
  assert.equal(res.stderr, "");
}

interface JsonDiagnostic {
  file: string;
  line: number;
  col: number;
  rule: string;
  message: string;
  hint: string;
}

describe("validate: bad input", { concurrency: 4 }, () => {
  for (const c of CASES) {
    test(`bad input: ${c.name}`, { timeout: 30_000 }, async () => {
      const root = rootOf(c);
      const before = treeDigest(root);
      const res = await validate(root, "json");
      assertNoCrash(res);
      assert.equal(res.code, c.expectCode, res.stdout);
      const report = JSON.parse(res.stdout) as { valid: boolean; errors: JsonDiagnostic[]; warnings: JsonDiagnostic[] };
      assert.equal(report.valid, c.expectCode === 0);
      const all = [...report.errors, ...report.warnings];
      if (!c.rule) {
        assert.deepEqual(all, []);
      } else {
        assert.equal(all.length, c.count ?? 1, res.stdout);
        for (const d of all) {
          assert.equal(d.rule, c.rule, res.stdout);
          assert.ok(d.message.trim() && d.hint.trim(), `empty message or hint: ${JSON.stringify(d)}`);
        }
        const first = c.severity === "warning" ? report.warnings[0] : report.errors[0];
        assert.ok(first, res.stdout);
        assert.equal(first.file, `registry/${c.file}`);
        assert.ok(
          first.message.includes(present(c.messageIncludes, "the case's messageIncludes")),
          `"${first.message}" does not include "${c.messageIncludes}"`,
        );
        if (c.hintIncludes) assert.ok(first.hint.includes(c.hintIncludes), `"${first.hint}" does not include "${c.hintIncludes}"`);
        if (c.line !== undefined) assert.deepEqual([first.line, first.col], [c.line, c.col]);
      }
      assert.deepEqual(treeDigest(root), before, "validation changed the fixture");
    });
  }

  test("bad input: many-broken-files (every file's problem is reported)", async () => {
    const root = join(DIR, "many-broken-files");
    const before = treeDigest(root);
    const res = await validate(root, "json");
    assertNoCrash(res);
    assert.equal(res.code, 1);
    const report = JSON.parse(res.stdout) as { errors: JsonDiagnostic[]; warnings: JsonDiagnostic[] };
    assert.deepEqual(
      report.errors.map((d) => [d.file, d.rule, d.line, d.col]),
      [
        [`registry/${A}`, "yaml-is-well-formed", 9, 1],
        [`registry/${MODEL}/experiments/01kh0xfz80e9eyjzabkm0y7jth.yaml`, "matches-schema", 33, 3],
        [`registry/${MODEL}/experiments/01kh8mp480mdbzzk8wz7fk4p4r.yml`, "files-follow-layout", 1, 1],
        [`registry/${MODEL}/model.yaml`, "aliases-resolve", 11, 3],
        ["registry/animal-photos/project.yaml", "yaml-is-well-formed", 5, 1],
      ],
    );
    assert.ok(
      report.errors.every((d) => d.message.trim() && d.hint.trim()),
      res.stdout,
    );
    assert.deepEqual(report.warnings, []);
    assert.deepEqual(treeDigest(root), before, "validation changed the fixture");
  });
});

// `__proto__` and `constructor` are ordinary parameter names: kept as data, never
// turned into a prototype.
test("bad input: proto-keys through the library API", () => {
  const ref = { file: A, kind: "experiment", project: "animal-photos", model: "resnet50", id: A_ID } as const;
  const checked = checkFile(ref, readFileSync(join(DIR, "proto-keys", "registry", A)), true);
  assert.deepEqual(checked.diagnostics, []);
  const params = (checked.value as { parameters: Record<string, unknown> }).parameters;
  assert.equal(Object.getPrototypeOf(params), Object.prototype);
  assert.deepEqual(Object.getOwnPropertyDescriptor(params, "__proto__")?.value, { polluted: true });
  assert.deepEqual(Object.getOwnPropertyDescriptor(params, "constructor")?.value, { prototype: { polluted: true } });
  assert.equal(({} as Record<string, unknown>).polluted, undefined);

  const again = parseYaml(stringifyRecord(checked.value, "../../../../../schemas/experiment.schema.json"));
  assert.deepEqual(again.problems, []);
  assert.deepEqual(again.value, checked.value);
  assert.ok(Object.hasOwn((again.value as { parameters: object }).parameters, "__proto__"));
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

// What people read, pinned: a wording change here is a deliberate one.
const TEXT_PINS: Record<string, string> = {
  "version-as-number": `registry/${B}:3:1  error  \`version\` is a number (1.10 is read as 1.1), but it must be a string  [matches-schema]
    hint: Quote it: \`version: "1.10"\`.

✖ 1 error in 1 file (4 files checked)
`,
  "stray-notes-txt": `registry/${MODEL}/notes.txt:1:1  warning  "${MODEL}/notes.txt" is not part of the registry and is ignored  [files-follow-layout]
    hint: Move it out of the registry directory, or delete it.

✔ 4 files checked, no errors (1 warning)
`,
  "many-broken-files": `registry/${A}:9:1  error  Tabs are not allowed as indentation  [yaml-is-well-formed]
    hint: Indent with spaces, not tabs.
registry/${MODEL}/experiments/01kh0xfz80e9eyjzabkm0y7jth.yaml:33:3  error  \`evaluations.loss\` is NaN, but it must be a finite number  [matches-schema]
    hint: Record a real number, or leave the metric out if the run produced none.
registry/${MODEL}/experiments/01kh8mp480mdbzzk8wz7fk4p4r.yml:1:1  error  "01kh8mp480mdbzzk8wz7fk4p4r.yml" has the extension .yml; registry files end in .yaml  [files-follow-layout]
    hint: Rename it: \`git mv ${MODEL}/experiments/01kh8mp480mdbzzk8wz7fk4p4r.yml ${MODEL}/experiments/01kh8mp480mdbzzk8wz7fk4p4r.yaml\`.
registry/${MODEL}/model.yaml:11:3  error  the alias "staging" points to "2.0.0", which is neither a version nor an experiment id of animal-photos/resnet50  [aliases-resolve]
    hint: Did you mean "1.1.0"? Point it at an existing version (1.1.0) with \`modelreg promote animal-photos/resnet50@<version> --alias staging\`, or remove it.
registry/animal-photos/project.yaml:5:1  error  the key \`created\` is repeated in this map  [yaml-is-well-formed]
    hint: Keep one of the two keys; YAML maps must not repeat a key.

✖ 5 errors in 5 files (5 files checked)
`,
};

describe("validate: bad input text output", { concurrency: 3 }, () => {
  for (const [name, expected] of Object.entries(TEXT_PINS)) {
    test(`bad input: ${name} (text output)`, async () => {
      const res = await validate(join(DIR, name), "text");
      assertNoCrash(res);
      assert.equal(res.stdout, expected);
    });
  }
});
