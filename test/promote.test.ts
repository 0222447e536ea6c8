// `modelreg promote` through the real CLI, on copies of the sample registry.
// resnet50 has versions 1.0.0, 1.1.0, 1.2.0 (01kkb7bq…) and 2.0.0 (01m0f1q9…);
// production is 1.2.0 and staging 2.0.0.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertValid, BASELINE, edit, experimentFile, modelFile, RESNET, sampleCopy } from "./_edit-helpers.ts";

const MODEL = modelFile();
const V200 = "01m0f1q9x02vjfxanmzcz28p6f";

test("promote: moves an alias, says who held it before, changes only that line", async () => {
  const s = sampleCopy();
  const before = s.read(MODEL);
  const r = await s.cli(["promote", `${RESNET}@2.0.0`, "--alias", "production"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `production: 1.2.0 → 2.0.0\n  ${RESNET}@production is now experiment ${V200}\n  wrote ${MODEL}\n`);
  assert.equal(s.read(MODEL), edit(before, "  production: 1.2.0\n", "  production: 2.0.0\n"));
  await assertValid(s);
});

test("promote: keeps comments in model.yaml; a new alias goes at the end of aliases", async () => {
  const s = sampleCopy();
  const commented = edit(s.read(MODEL), "  production: 1.2.0\n", "  # rolled out to every region on 2026-03-02\n  production: 1.2.0  # INC-77\n");
  s.write(MODEL, commented);
  const moved = await s.cli(["promote", `${RESNET}@1.1.0`, "--alias", "production"]);
  assert.equal(moved.code, 0, moved.stderr);
  const added = await s.cli(["promote", `${RESNET}@1.0.0`, "--alias", "canary-eu"]);
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /^canary-eu: \(none\) → 1\.0\.0\n/);
  let expected = edit(commented, "  production: 1.2.0  # INC-77\n", "  production: 1.1.0  # INC-77\n");
  expected = edit(expected, "  staging: 2.0.0\n", "  staging: 2.0.0\n  canary-eu: 1.0.0\n");
  assert.equal(s.read(MODEL), expected);
  await assertValid(s);
});

test("promote: an unversioned experiment is aliased by its full id; an alias can name the experiment", async () => {
  const s = sampleCopy();
  const r = await s.cli(["promote", `${RESNET}@${BASELINE.slice(0, 8)}`, "--alias", "staging"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^staging: 2\\.0\\.0 → ${BASELINE}\n`));
  const viaAlias = await s.cli(["promote", `${RESNET}@staging`, "--alias", "production"]);
  assert.equal(viaAlias.code, 0, viaAlias.stderr);
  assert.match(s.read(MODEL), new RegExp(`\n  production: ${BASELINE}\n  staging: ${BASELINE}\n`));
  await assertValid(s);
});

test("promote: --version labels an unversioned experiment (after its id) and the alias uses the label", async () => {
  const s = sampleCopy();
  const exp = experimentFile(BASELINE);
  const [expBefore, modelBefore] = [s.read(exp), s.read(MODEL)];
  const r = await s.cli(["promote", `${RESNET}@${BASELINE}`, "--alias", "production", "--version", "1.10"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    `version: (none) → 1.10  (experiment ${BASELINE})\nproduction: 1.2.0 → 1.10\n  ${RESNET}@production is now experiment ${BASELINE}\n  wrote ${exp}\n  wrote ${MODEL}\n`,
  );
  // Quoted: a bare 1.10 would be read back as the number 1.1.
  assert.equal(s.read(exp), edit(expBefore, `id: ${BASELINE}\n`, `id: ${BASELINE}\nversion: "1.10"\n`));
  assert.equal(s.read(MODEL), edit(modelBefore, "  production: 1.2.0\n", '  production: "1.10"\n'));
  await assertValid(s);
  const resolvedAgain = await s.cli(["promote", `${RESNET}@1.10`, "--alias", "production", "--version", "1.10"]);
  assert.equal(resolvedAgain.stdout, `nothing to change: production of ${RESNET} already points to 1.10 (experiment ${BASELINE})\n`);
});

test("promote: --version is refused when another experiment has it or the experiment already has a version", async () => {
  const s = sampleCopy();
  const before = s.tree();
  const taken = await s.cli(["promote", `${RESNET}@${BASELINE}`, "--alias", "production", "--version", "1.2.0"]);
  assert.equal(taken.code, 1);
  assert.match(taken.stderr, /^modelreg: version "1\.2\.0" of animal-image-classification\/resnet50 is already used by 01kkb7bqrrrb8y321qfrq5mzez\n/);
  const relabel = await s.cli(["promote", `${RESNET}@2.0.0`, "--alias", "production", "--version", "2.0.1"]);
  assert.equal(relabel.code, 1);
  assert.match(relabel.stderr, /already has version "2\.0\.0"\n {2}hint: Versions are immutable labels/);
  const aliasName = await s.cli(["promote", `${RESNET}@${BASELINE}`, "--alias", "production", "--version", "staging"]);
  assert.equal(aliasName.code, 1);
  assert.match(aliasName.stderr, /"staging" is an alias of animal-image-classification\/resnet50/);
  assert.deepEqual(s.tree(), before);
});

test("promote --remove deletes the alias; an unknown alias says did you mean", async () => {
  const s = sampleCopy();
  const before = s.read(MODEL);
  const r = await s.cli(["promote", RESNET, "--alias", "staging", "--remove"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `staging: 2.0.0 → (removed)\n  wrote ${MODEL}\n`);
  assert.equal(s.read(MODEL), edit(before, "  staging: 2.0.0\n", ""));
  const missing = await s.cli(["promote", RESNET, "--alias", "productoin", "--remove"]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /has no alias "productoin"\n {2}hint: Did you mean "production"\?/);
  const last = await s.cli(["promote", RESNET, "--alias", "production", "--remove"]);
  assert.equal(last.code, 0, last.stderr);
  assert.doesNotMatch(s.read(MODEL), /aliases/);
  await assertValid(s);
});

test("promote: unknown project, model or version: did you mean, nothing written", async () => {
  const s = sampleCopy();
  const before = s.tree();
  const cases: Array<[string, RegExp]> = [
    ["animal-image-clasification/resnet50@1.2.0", /there is no project "animal-image-clasification"\n {2}hint: Did you mean "animal-image-classification"\?/],
    ["animal-image-classification/resnet5@1.2.0", /has no model "resnet5"\n {2}hint: Did you mean "resnet50"\?/],
    [`${RESNET}@1.2.1`, /has no version or alias "1\.2\.1"\n {2}hint: Did you mean "1\.2\.0"\? Versions: 1\.0\.0, 1\.1\.0, 1\.2\.0, 2\.0\.0\./],
  ];
  for (const [ref, message] of cases) {
    const r = await s.cli(["promote", ref, "--alias", "production"]);
    assert.equal(r.code, 1, ref);
    assert.match(r.stderr, message);
  }
  assert.deepEqual(s.tree(), before);
});

test("promote: bad alias names and references are usage errors (exit 2)", async () => {
  const s = sampleCopy();
  const before = s.tree();
  const cases: Array<[string[], RegExp]> = [
    [[`${RESNET}@2.0.0`, "--alias", "Production"], /--alias "Production" is not an alias name/],
    [[`${RESNET}@2.0.0`, "--alias", "prod.eu"], /is not an alias name/],
    [[RESNET, "--alias", "production"], /names a model; which experiment gets the alias\?/],
    [[`${RESNET}@2.0.0`, "--alias", "staging", "--remove"], /--remove takes only `project\/model`/],
    [[`${RESNET}@${BASELINE}`, "--alias", "production", "--version", "1.0 beta"], /is not a version label/],
    [[`${RESNET}@2.0.0`], /required option '--alias <name>'/],
  ];
  for (const [args, message] of cases) {
    const r = await s.cli(["promote", ...args]);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  assert.deepEqual(s.tree(), before);
});

test("promote: --dry-run and --json write nothing on a dry run; the same target again is a no-op", async () => {
  const s = sampleCopy();
  const before = s.tree();
  const dry = await s.cli(["promote", `${RESNET}@${BASELINE}`, "--alias", "production", "--version", "3.0.0", "--dry-run"]);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /would be experiment[\s\S]*would write[\s\S]*\(dry run: nothing written\)\n$/);
  const json = await s.cli(["promote", `${RESNET}@${BASELINE}`, "--alias", "production", "--version", "3.0.0", "--dry-run", "--json"]);
  assert.deepEqual(JSON.parse(json.stdout), {
    model: RESNET,
    alias: "production",
    before: "1.2.0",
    after: "3.0.0",
    experiment: BASELINE,
    labelled: "3.0.0",
    changed: true,
    written: [],
    dryRun: true,
  });
  assert.deepEqual(s.tree(), before);
  const same = await s.cli(["promote", `${RESNET}@1.2.0`, "--alias", "production", "--json"]);
  assert.equal(same.code, 0, same.stderr);
  assert.equal(JSON.parse(same.stdout).changed, false);
  assert.deepEqual(s.tree(), before);
});

test("promote: when either edited file would be invalid, neither is written", async () => {
  const s = sampleCopy();
  s.write(MODEL, edit(s.read(MODEL), "task: image-classification\n", "task: 5\n"));
  const before = s.tree();
  const r = await s.cli(["promote", `${RESNET}@${BASELINE}`, "--alias", "production", "--version", "3.0.0"]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(`^modelreg: ${MODEL} is invalid, and this edit does not fix it:\\n  ${MODEL}:5:1  .*\\[matches-schema\\]`));
  assert.deepEqual(s.tree(), before);
});

test("promote: an alias may not take the name of a version (the version would win)", async () => {
  const s = sampleCopy();
  const labelled = await s.cli(["promote", `${RESNET}@${BASELINE}`, "--alias", "staging", "--version", "beta"]);
  assert.equal(labelled.code, 0, labelled.stderr);
  const before = s.tree();
  const r = await s.cli(["promote", `${RESNET}@2.0.0`, "--alias", "beta"]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /"beta" is a version of animal-image-classification\/resnet50, so it cannot also be an alias/);
  assert.deepEqual(s.tree(), before);
});
