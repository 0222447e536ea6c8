// `modelreg update experiment` through the real CLI, on copies of the sample registry.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { assertValid, BASELINE, edit, experimentFile, RESNET, sampleCopy } from "./_edit-helpers.ts";
import { present, runCli } from "./_helpers.ts";

const FILE = experimentFile(BASELINE);
const REPORT = `  classification_report: s3://dalbit-ml-models/animal-image-classification/resnet50/${BASELINE}/classification_report.json\n`;

test("update: merges metrics, artifacts, tags and a description; only those lines change", async () => {
  const s = sampleCopy();
  const before = s.read(FILE);
  const r = await s.cli([
    "update",
    "experiment",
    BASELINE.slice(0, 8),
    "--metric",
    "ece=0.031",
    "--artifact",
    "onnx=s3://b/model.onnx",
    "--tag",
    "stage=eval",
    "--metric",
    "test.f1=0.9",
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    `updated experiment ${BASELINE} (${RESNET})\n  + evaluations.ece: 0.031\n  + evaluations.test.f1: 0.9\n  + artifacts.onnx: s3://b/model.onnx\n  + tags.stage: eval\nwrote ${FILE}\n`,
  );
  let expected = edit(before, "  loss: 0.3515\n", "  loss: 0.3515\n  ece: 0.031\n  test.f1: 0.9\n");
  expected = edit(expected, REPORT, `${REPORT}  onnx: s3://b/model.onnx\n`);
  expected = edit(expected, "  ticket: VIS-101\n", "  ticket: VIS-101\n  stage: eval\n");
  assert.equal(s.read(FILE), expected);
  await assertValid(s);
});

test("update: comments, blank lines, key order and hand formatting survive", async () => {
  const s = sampleCopy();
  let text = s.read(FILE);
  text = edit(
    text,
    "evaluations:\n  accuracy: 0.9138\n",
    "\n# from eval.py, epoch 20\nevaluations:\n  accuracy: 0.9138   # best so far\n  # the rest of the suite\n",
  );
  text = edit(text, present(/description: .*\n/.exec(text))[0], "description: >-\n  Baseline, folded\n  over two lines.\n");
  text = edit(text, "  seed: 42\n", "  seed: 0x2A  # hex on purpose\n");
  s.write(FILE, text);
  const r = await s.cli(["update", "experiment", BASELINE, "--metric", "accuracy=0.95", "--metric", "ece=0.03", "--force"]);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /note:/);
  let expected = edit(text, "  accuracy: 0.9138   # best so far\n", "  accuracy: 0.95   # best so far\n");
  expected = edit(expected, "  loss: 0.3515\n", "  loss: 0.3515\n  ece: 0.03\n");
  assert.equal(s.read(FILE), expected);
  await assertValid(s);
});

test("update: missing evaluations / artifacts / tags maps are created at the end; a description goes after created", async () => {
  const s = sampleCopy();
  const full = s.read(FILE);
  const bare = full.slice(0, full.indexOf("evaluations:\n")) + full.slice(full.indexOf("code:\n"), full.indexOf("tags:\n"));
  s.write(FILE, edit(bare, present(/description: .*\n/.exec(bare))[0], ""));
  const r = await s.cli([
    "update",
    "experiment",
    BASELINE,
    "--tag",
    "team=vision",
    "--metric",
    "accuracy=0.9",
    "--artifact",
    "model=s3://b/m.pt",
    "--description",
    "Re-evaluated.",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const expected =
    edit(bare, present(/description: .*\n/.exec(bare))[0], "description: Re-evaluated.\n") +
    "evaluations:\n  accuracy: 0.9\nartifacts:\n  model: s3://b/m.pt\ntags:\n  team: vision\n";
  assert.equal(s.read(FILE), expected);
  await assertValid(s);
});

test("update: --metrics files (JSON and YAML) are flattened to dotted names; --metric flags win", async () => {
  const s = sampleCopy();
  writeFileSync(join(s.root, "metrics.json"), JSON.stringify({ test: { f1: 0.88, auc: 0.97 }, ece: 0.02 }));
  writeFileSync(join(s.root, "more.yaml"), "val:\n  loss: 0.4\nece: 0.05\n");
  const r = await s.cli(["update", "experiment", BASELINE, "--metrics", "metrics.json", "--metrics", "more.yaml", "--metric", "ece=0.01", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(
    out.changes.map((c: { path: string; after: number }) => [c.path, c.after]),
    [
      ["evaluations.test.f1", 0.88],
      ["evaluations.test.auc", 0.97],
      ["evaluations.ece", 0.01],
      ["evaluations.val.loss", 0.4],
    ],
  );
  assert.equal(out.written, true);
  assert.match(s.read(FILE), / {2}loss: 0\.3515\n {2}test\.f1: 0\.88\n {2}test\.auc: 0\.97\n {2}ece: 0\.01\n {2}val\.loss: 0\.4\n/);
});

test("update: a changed value is refused without --force, listed old → new, and nothing is written", async () => {
  const s = sampleCopy();
  const before = s.tree();
  const r = await s.cli(["update", "experiment", BASELINE, "--metric", "accuracy=0.93", "--metric", "ece=0.03", "--tag", "author=kim"]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, "");
  assert.match(
    r.stderr,
    /^modelreg: 2 values of experiment 01kedfvaeg6h3a00jmbz0mkr9t would change:\n {2}evaluations\.accuracy: 0\.9138 → 0\.93\n {2}tags\.author: jiwoo-park → kim\n {2}hint: Nothing was written\..*--force/,
  );
  assert.deepEqual(s.tree(), before);

  const forced = await s.cli(["update", "experiment", BASELINE, "--metric", "accuracy=0.93", "--metric", "ece=0.03", "--tag", "author=kim", "--force"]);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, / {2}~ evaluations\.accuracy: 0\.9138 → 0\.93\n {2}\+ evaluations\.ece: 0\.03\n {2}~ tags\.author: jiwoo-park → kim\n/);
  assert.match(s.read(FILE), /\n {2}accuracy: 0\.93\n[\s\S]*\n {2}author: kim\n/);
  await assertValid(s);
});

test("update: the same values again change nothing (exit 0)", async () => {
  const s = sampleCopy();
  const before = s.tree();
  const r = await s.cli(["update", "experiment", BASELINE, "--metric", "accuracy=0.9138", "--tag", "ticket=VIS-101"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `nothing to change: experiment ${BASELINE} (${RESNET}) already has these values\n`);
  assert.deepEqual(s.tree(), before);
});

test("update: --dry-run and --dry-run --json show the change and write nothing", async () => {
  const s = sampleCopy();
  const before = s.tree();
  const r = await s.cli(["update", "experiment", BASELINE, "--metric", "ece=0.03", "--dry-run"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `would update experiment ${BASELINE} (${RESNET})\n  + evaluations.ece: 0.03\n(dry run: nothing written)\n`);
  const j = await s.cli(["update", "experiment", BASELINE, "--metric", "ece=0.03", "--dry-run", "--json"]);
  assert.deepEqual(JSON.parse(j.stdout), {
    project: "animal-image-classification",
    model: "resnet50",
    id: BASELINE,
    file: FILE,
    changes: [{ path: "evaluations.ece", before: null, after: 0.03 }],
    written: false,
    dryRun: true,
    reformatted: false,
  });
  assert.deepEqual(s.tree(), before);
});

test("update: project/model@version names the experiment too", async () => {
  const s = sampleCopy();
  const r = await s.cli(["update", "experiment", `${RESNET}@1.2.0`, "--tag", "reviewed=yes"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(s.read(experimentFile("01kkb7bqrrrb8y321qfrq5mzez")), /\n {2}reviewed: yes\n$/);
});

test("update: an ambiguous prefix lists the candidates; an unknown id says did you mean", async () => {
  const s = sampleCopy();
  const before = s.tree();
  const amb = await s.cli(["update", "experiment", "01ke", "--metric", "x=1"]);
  assert.equal(amb.code, 1);
  assert.match(
    amb.stderr,
    /the id prefix "01ke" matches 3 experiments\n {2}hint: Type more of the id\. Candidates: 01kedfvaeg6h3a00jmbz0mkr9t \(animal-image-classification\/resnet50\), 01kegxmw1g90sk2wnsgv40q7s8 .*01ketfgj386xyrqt9kzzwbmmn7/,
  );
  const typo = await s.cli(["update", "experiment", "01kedfvaeg6h3a00jmbz0mkr9x", "--metric", "x=1"]);
  assert.equal(typo.code, 1);
  assert.match(typo.stderr, /no experiment id starts with "01kedfvaeg6h3a00jmbz0mkr9x"\n {2}hint: Did you mean "01kedfvaeg6h3a00jmbz0mkr9t"\?/);
  assert.deepEqual(s.tree(), before);
});

test("update: an edit that would make the file invalid is refused with the validator's diagnostics", async () => {
  const s = sampleCopy();
  const before = s.tree();
  const creds = await s.cli(["update", "experiment", BASELINE, "--artifact", "model2=https://user:token@example.com/m.pt", "--metric", "ece=0.1"]);
  assert.equal(creds.code, 1);
  assert.match(creds.stderr, new RegExp(`^modelreg: the edit would make ${FILE} invalid:\\n  ${FILE}:\\d+:3  .*\\[no-credentials-in-uris\\]`));
  const empty = await s.cli(["update", "experiment", BASELINE, "--artifact", "model2="]);
  assert.equal(empty.code, 1);
  assert.match(empty.stderr, /`artifacts\.model2` must NOT have fewer than 1 characters.*\[matches-schema\]/);
  assert.deepEqual(s.tree(), before);
});

test("update: usage errors exit 2 and write nothing", async () => {
  const s = sampleCopy();
  const before = s.tree();
  const cases: Array<[string[], RegExp]> = [
    [["--metric", "accuracy=high"], /"high" is not a number/],
    [["--metric", "accuracy"], /not of the form name=value/],
    [[], /nothing to update/],
    [["--metrics", "missing.json"], /cannot read the --metrics file/],
  ];
  for (const [flags, message] of cases) {
    const r = await s.cli(["update", "experiment", BASELINE, ...flags]);
    assert.equal(r.code, 2, `${flags.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  }
  const noRegistry = await runCli(["update", "experiment", BASELINE, "--tag", "a=b", "--registry", "nowhere"], { cwd: s.root, env: s.env });
  assert.equal(noRegistry.code, 2);
  assert.deepEqual(s.tree(), before);
});

test("update: a file with Windows line endings keeps them", async () => {
  const s = sampleCopy();
  const crlf = s.read(FILE).replace(/\n/g, "\r\n");
  s.write(FILE, crlf);
  const r = await s.cli(["update", "experiment", BASELINE, "--metric", "ece=0.03"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(s.read(FILE), edit(crlf, "  loss: 0.3515\r\n", "  loss: 0.3515\r\n  ece: 0.03\r\n"));
});
