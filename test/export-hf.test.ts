// `modelreg export hf` through the CLI (issue #9): the model-index block, by
// version, alias and id prefix; --write into cards with and without front
// matter; and the round trip export → import hf giving back the same metrics.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parseYaml } from "../scripts/lib/yaml/yaml.ts";
import { tempDir } from "./_helpers.ts";
import { assertUserError, cli, emptyRegistry, experimentsOf } from "./_import-helpers.ts";

const METRICS = { accuracy: 0.9342, f1_macro: 0.91, loss: 0.2117 };
const TEST_URI = "hf://datasets/glue?config=sst2&split=validation";

/** A registry with one model and one released experiment; returns its id. */
async function registryWithRelease(): Promise<{ registry: string; cwd: string; id: string }> {
  const { root, registry } = emptyRegistry();
  const ok = async (args: string[]) => {
    const r = await cli([...args, "--registry", registry], root);
    assert.equal(r.code, 0, r.stderr);
    return r;
  };
  await ok(["add", "project", "nlp", "--name", "NLP"]);
  await ok(["add", "model", "nlp/tiny-bert", "--name", "Tiny BERT", "--task", "text-classification"]);
  const added = await ok([
    "add",
    "experiment",
    "nlp/tiny-bert",
    "--version",
    "1.0.0",
    "--test",
    TEST_URI,
    ...Object.entries(METRICS).flatMap(([k, v]) => ["--metric", `${k}=${v}`]),
    "--json",
  ]);
  await ok(["promote", "nlp/tiny-bert@1.0.0", "--alias", "production"]);
  return { registry, cwd: root, id: JSON.parse(added.stdout).id };
}

function modelIndexOf(yamlText: string): unknown {
  const parsed = parseYaml(yamlText);
  assert.deepEqual(parsed.problems, []);
  return (parsed.value as Record<string, unknown>)["model-index"];
}

const EXPECTED = [
  {
    name: "Tiny BERT",
    results: [
      {
        task: { type: "text-classification" },
        dataset: { name: "glue", type: "glue", config: "sst2", split: "validation" },
        metrics: Object.entries(METRICS).map(([k, v]) => ({ type: k, value: v, name: k })),
      },
    ],
  },
];

describe("export hf", () => {
  test("prints a model-index block for a version, an alias and an id prefix", async () => {
    const { registry, id } = await registryWithRelease();
    for (const ref of ["nlp/tiny-bert@1.0.0", "nlp/tiny-bert@production", `nlp/tiny-bert@${id.slice(0, 12)}`, id.slice(0, 12)]) {
      const r = await cli(["export", "hf", ref, "--registry", registry]);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stdout.startsWith("model-index:\n"), r.stdout);
      assert.deepEqual(modelIndexOf(r.stdout), EXPECTED);
    }
  });

  test("--write replaces only model-index in a card's front matter and keeps the rest of the card", async () => {
    const { registry } = await registryWithRelease();
    const card = join(tempDir(), "README.md");
    const head = "---\nlicense: mit  # keep this comment\nlanguage:\n  - en\n";
    const body = "---\n\n# Tiny BERT\n\nTrained on SST-2.\n";
    writeFileSync(card, `${head}model-index:\n  - name: stale\n    results: []\ntags: [a, b]\n${body}`);
    const r = await cli(["export", "hf", "nlp/tiny-bert@production", "--registry", registry, "--write", card]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^updated .*README\.md: model-index from experiment /);
    const text = readFileSync(card, "utf8");
    assert.ok(text.startsWith(head), text);
    assert.ok(text.endsWith(`tags: [a, b]\n${body}`), text);
    const front = text.slice(4, text.indexOf("\n---\n") + 1);
    assert.deepEqual(modelIndexOf(front), EXPECTED);
  });

  test("--write gives a card without front matter one, and creates a missing card", async () => {
    const { registry } = await registryWithRelease();
    const dir = tempDir();
    const card = join(dir, "README.md");
    writeFileSync(card, "# Tiny BERT\n\nNo front matter yet.\n");
    assert.equal((await cli(["export", "hf", "nlp/tiny-bert@1.0.0", "--registry", registry, "--write", card])).code, 0);
    const text = readFileSync(card, "utf8");
    assert.ok(text.startsWith("---\nmodel-index:\n"));
    assert.ok(text.endsWith("---\n\n# Tiny BERT\n\nNo front matter yet.\n"));
    const fresh = join(dir, "NEW.md");
    assert.equal((await cli(["export", "hf", "nlp/tiny-bert@1.0.0", "--registry", registry, "--write", fresh])).code, 0);
    assert.ok(existsSync(fresh));
  });

  test("round trip: export → import hf gives back the same metrics and test dataset", async () => {
    const { registry } = await registryWithRelease();
    const card = join(tempDir(), "README.md");
    assert.equal((await cli(["export", "hf", "nlp/tiny-bert@1.0.0", "--registry", registry, "--write", card])).code, 0);
    const other = emptyRegistry().registry;
    const r = await cli(["import", "hf", card, "--project", "mirror", "--registry", other]);
    assert.equal(r.code, 0, r.stderr);
    const [e] = experimentsOf(other, "mirror").map((x) => x.value);
    assert.deepEqual(e.evaluations, METRICS);
    assert.equal(e.datasets.test.uri, TEST_URI);
  });

  test("errors: an unknown reference, an experiment without evaluations, a card with broken front matter (left untouched)", async () => {
    const { registry, cwd } = await registryWithRelease();
    assertUserError(await cli(["export", "hf", "nlp/tiny-bert@9.9.9", "--registry", registry]), 1, 'has no version or alias "9.9.9"');
    const bare = await cli(["add", "experiment", "nlp/tiny-bert", "--registry", registry, "--json"], cwd);
    const id = JSON.parse(bare.stdout).id as string;
    assertUserError(await cli(["export", "hf", id, "--registry", registry]), 1, "has no evaluations to export", "modelreg update experiment");
    const card = join(tempDir(), "README.md");
    const broken = "---\nmodel-index: [unclosed\n---\n# Card\n";
    writeFileSync(card, broken);
    assertUserError(await cli(["export", "hf", "nlp/tiny-bert@1.0.0", "--registry", registry, "--write", card]), 1, "front matter is not valid YAML");
    assert.equal(readFileSync(card, "utf8"), broken);
  });
});
