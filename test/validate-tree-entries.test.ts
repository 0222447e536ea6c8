// Every entry of the tree accounted for (issue #13): a directory where a YAML
// file belongs, a model directory without model.yaml and a project directory
// without project.yaml are errors that name the path. Committed fixtures keep
// their directories with a .gitkeep or a README (git stores no empty
// directories); the truly empty cases are made in a temp copy of `valid`.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { cacheEnv, copyFixture, FIXTURES, runCli } from "./_helpers.ts";

const MODELS = "animal-photos/models";

interface Expected {
  rule: string;
  file: string;
  message: string;
  hint: string;
}

interface Case {
  name: string;
  /** Directories made in a copy of `valid`; without them the case is the committed fixture of that name. */
  mkdirs?: string[];
  expected: Expected[];
}

const noProject = (dir: string): Expected => ({
  rule: "projects-have-project-yaml",
  file: dir,
  message: `the project directory "${dir}" has no project.yaml`,
  hint: `Add it (\`modelreg add project ${dir} --name "…"\`), or remove the directory if the project is not wanted.`,
});

const noModel = (project: string, model: string): Expected => ({
  rule: "models-have-model-yaml",
  file: `${project}/models/${model}`,
  message: `the model directory "${project}/models/${model}" has no model.yaml`,
  hint: `Add it (\`modelreg add model ${project}/${model} --name "…"\`), or remove the directory if the model is not wanted.`,
});

const isDirectory = (path: string, kind: "project" | "model" | "experiment"): Expected => ({
  rule: "yaml-paths-are-files",
  file: path,
  message: `"${path}" is a directory, but the ${kind} file belongs at this path`,
  hint: `Registry files are single YAML files: move anything you need out of the directory, remove it, and write the ${kind} file in its place (\`modelreg add ${kind}\` makes one).`,
});

const CASES: Case[] = [
  { name: "experiment-path-is-directory", expected: [isDirectory(`${MODELS}/resnet50/experiments/01kh0xfz80e9eyjzabkm0y7jth.yaml`, "experiment")] },
  { name: "model-without-model-yaml", expected: [noModel("animal-photos", "efficientnet-b0")] },
  { name: "project-without-project-yaml", expected: [noProject("bird-sounds")] },
  { name: "empty-model-directory", mkdirs: [`${MODELS}/efficientnet-b0`], expected: [noModel("animal-photos", "efficientnet-b0")] },
  { name: "empty-project-directory", mkdirs: ["bird-sounds"], expected: [noProject("bird-sounds")] },
  // The directory is named once: the project it stands for is not reported missing too.
  { name: "project-yaml-is-directory", mkdirs: ["bird-sounds/project.yaml"], expected: [isDirectory("bird-sounds/project.yaml", "project")] },
  { name: "model-yaml-is-directory", mkdirs: [`${MODELS}/vit/model.yaml`], expected: [isDirectory(`${MODELS}/vit/model.yaml`, "model")] },
  {
    name: "empty-project-with-empty-model",
    mkdirs: ["bird-sounds/models/wav2vec2/experiments"],
    expected: [noProject("bird-sounds"), noModel("bird-sounds", "wav2vec2")],
  },
  {
    name: "badly-named-empty-project-directory",
    mkdirs: ["Bird Sounds"],
    expected: [{ ...noProject("Bird Sounds"), hint: "Remove the directory; projects live in directories named by a slug, made with `modelreg add project`." }],
  },
];

function rootOf(c: Case): string {
  if (!c.mkdirs) return join(FIXTURES, "validate", c.name);
  const root = copyFixture("validate/valid");
  for (const dir of c.mkdirs) mkdirSync(join(root, "registry", dir), { recursive: true });
  return root;
}

describe("validate: tree entries", { concurrency: 4 }, () => {
  for (const c of CASES) {
    test(`tree entry: ${c.name}`, { timeout: 30_000 }, async () => {
      const root = rootOf(c);
      const json = await runCli(["validate", "--registry", "registry", "--format", "json"], { cwd: root, env: cacheEnv() });
      assert.equal(json.code, 1, json.stdout + json.stderr);
      assert.equal(json.stderr, "");
      const report = JSON.parse(json.stdout) as {
        valid: boolean;
        errors: Array<Expected & { line: number; col: number }>;
        warnings: unknown[];
      };
      assert.equal(report.valid, false);
      assert.deepEqual(report.warnings, []);
      assert.deepEqual(
        report.errors.map(({ rule, file, message, hint }) => ({ rule, file, message, hint })),
        c.expected.map((e) => ({ ...e, file: `registry/${e.file}` })),
      );
      for (const d of report.errors) assert.deepEqual([d.line, d.col], [1, 1]);

      const text = await runCli(["validate", "--registry", "registry"], { cwd: root, env: cacheEnv() });
      assert.equal(text.code, 1);
      for (const e of c.expected) {
        assert.ok(text.stdout.includes(`registry/${e.file}:1:1  error  ${e.message}  [${e.rule}]\n    hint: ${e.hint}\n`), text.stdout);
      }
    });
  }

  test("tree entry: orphaned experiments are named by parents-exist alone, not again as a model without model.yaml", async () => {
    const r = await runCli(["validate", "--registry", "registry", "--format", "json"], {
      cwd: join(FIXTURES, "validate", "orphan-experiment"),
      env: cacheEnv(),
    });
    assert.equal(r.code, 1);
    const rules = (JSON.parse(r.stdout) as { errors: Array<{ rule: string }> }).errors.map((d) => d.rule);
    assert.deepEqual(rules, ["parents-exist"]);
  });
});
