// `modelreg import hf` through the CLI (issue #9): a card with every value
// quirk, cards with nothing to import, broken front matter, and the real
// cards in ../shared/acceptance/hf.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { present } from "./_helpers.ts";
import {
  acceptance,
  assertImportsOnce,
  assertUserError,
  assertValid,
  cli,
  emptyRegistry,
  experimentsOf,
  IMPORT_FIXTURES,
  readYaml,
  report,
  snapshot,
} from "./_import-helpers.ts";

const card = (fixture: string) => join(IMPORT_FIXTURES, fixture, "README.md");
const importHf = (file: string, registry: string, ...flags: string[]) => cli(["import", "hf", file, "--project", "cards", "--registry", registry, ...flags]);

describe("import hf: fixtures", () => {
  test("each dataset becomes an experiment; NaN, ???, NA and empty values are skipped with reasons; 15.037146% is read as 15.037146", async () => {
    const { registry } = emptyRegistry();
    const r = report(await importHf(card("hf-card-quirks"), registry, "--format", "json"));
    const model = readYaml(join(registry, "cards/models/tiny-bert-quirks/model.yaml"));
    assert.deepEqual(
      { name: model.name, task: model.task, tags: model.tags },
      { name: "Tiny BERT (quirks)", task: "text-classification", tags: { license: "apache-2.0" } },
    );
    const all = experimentsOf(registry, "cards").map((e) => e.value);
    assert.equal(all.length, 2);
    const sst2 = present(all.find((e) => e.datasets.test.name === "GLUE SST-2"));
    assert.deepEqual(sst2.datasets.test, { uri: "hf://datasets/glue?config=sst2&split=validation", name: "GLUE SST-2", revision: "2024-01" });
    assert.deepEqual(sst2.evaluations, { accuracy: 0.912, wer: 15.037146 });
    const imdb = present(all.find((e) => e.datasets.test.name === "IMDb"));
    assert.deepEqual(imdb.evaluations, { "Eval accuracy": 0.88, "Eval accuracy (balanced)": 0.87 });
    const why = (metric: string) => r.skipped.find((s) => s.what.startsWith(`metric "${metric}"`))?.why;
    assert.equal(why("f1"), "NaN is not a finite number");
    assert.equal(why("precision"), '"???" is not a number');
    assert.equal(why("recall"), '"NA" is not a number');
    assert.equal(why("mcc"), "the value is empty");
    assert.match(present(r.skipped.find((s) => s.what.startsWith(`"Tiny BERT (quirks)" on Not yet`))).why, /none of its metrics has a numeric value/);
    assert.ok(r.notes.some((n) => n.includes('"15.037146%" was read as 15.037146')));
    await assertValid(registry);
  });

  test("--model names the model; re-importing the card creates nothing", async () => {
    const { registry } = emptyRegistry();
    assert.equal((await importHf(card("hf-card-quirks"), registry, "--model", "tiny")).code, 0);
    assert.deepEqual(readdirSync(join(registry, "cards/models")), ["tiny"]);
    const before = snapshot(registry);
    const again = await importHf(card("hf-card-quirks"), registry, "--model", "tiny");
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /nothing new to import into cards/);
    assert.deepEqual(snapshot(registry), before);
  });

  test("a card with no usable results, no front matter or broken YAML: exit 1, what is wrong and what to do, nothing written", async () => {
    const { registry } = emptyRegistry();
    assertUserError(await importHf(card("hf-card-no-results"), registry), 1, "has no usable results", "`results: []`", "Nothing was written");
    assertUserError(await importHf(card("hf-card-no-front-matter"), registry), 1, "has no `model-index` in its front matter", "Add a model-index");
    assertUserError(await importHf(card("hf-card-broken-yaml"), registry), 1, "README.md:5:1:", "front matter is not valid YAML");
    assertUserError(await importHf(join(IMPORT_FIXTURES, "nope.md"), registry), 2, "there is no such file");
    assert.deepEqual(readdirSync(registry), []);
  });
});

describe("import hf: records that would not validate", () => {
  test("a secret in a result's source url: exit 1 naming the field and rule, nothing written; --keep-going imports the other result", async () => {
    const { registry } = emptyRegistry();
    const file = card("hf-card-secret-in-source-url");
    assertUserError(await importHf(file, registry), 1, "would not pass `modelreg validate`", "tags.source_url", "[no-credentials-in-uris]", "--keep-going");
    assert.deepEqual(readdirSync(registry), []);
    const r = report(await importHf(file, registry, "--keep-going", "--format", "json"));
    assert.equal(r.written.filter((w) => w.kind === "experiment").length, 1);
    assert.match(
      present(r.skipped.find((s) => s.what.includes("on imdb"))).why,
      /would not pass `modelreg validate`: tags\.source_url: a URL here contains a secret query parameter/,
    );
    await assertValid(registry);
  });
});

describe("import hf: acceptance cards (../shared/acceptance/hf)", () => {
  // [card, experiments created] — 0 means the card has no usable result (exit 1, reported).
  const cards: Array<[string, number]> = [
    ["kodiakllc__kdk-mlx/hf_models/Qwen2.5-7B-Instruct-Uncensored-4bit", 6],
    ["leliuga__cohere-configurations/models/NeuralBeagle14-7B", 6],
    ["saranscript__huggingface-models/models/Amalq/distilbert-base-uncased-finetuned-cola", 1],
    ["saranscript__huggingface-models/models/hcjang1987/distilbert-base-uncased-finetuned-cola", 1],
    ["saranscript__huggingface-models/models/akshaychaudhary/distilbert-base-uncased-finetuned-cloud-ner", 0],
    ["saranscript__huggingface-models/models/airesearch/wav2vec2-large-xlsr-53-th", 1],
    ["saranscript__huggingface-models/models/infinitejoy/wav2vec2-large-xls-r-300m-finnish", 1],
    ["saranscript__huggingface-models/models/joorock12/wav2vec2-large-xlsr-portuguese-a", 1],
    ["saranscript__huggingface-models/models/Plim/xls-r-300m-cv_8-fr", 1],
    ["saranscript__huggingface-models/models/kingabzpro/wav2vec2-large-xls-r-300m-Swedish", 1],
    ["saranscript__huggingface-models/models/m3hrdadfi/xlmr-large-qa-sv", 1],
    ["saranscript__huggingface-models/models/bergum/xtremedistil-l6-h384-go-emotion", 0],
    ["saranscript__huggingface-models/models/mrm8488/roberta-base-bne-finetuned-sqac", 1],
    ["saranscript__huggingface-models/models/Helsinki-NLP/opus-mt-tc-base-gmw-gmw", 62],
    ["saranscript__huggingface-models/models/explosion/sv_udv25_swedishtalbanken_trf", 1],
  ];
  for (const [path, count] of cards) {
    test(`${path.split("/").slice(-2).join("/")}: ${count ? `${count} experiment(s)` : "no usable results, exit 1"}`, async (t) => {
      const dir = acceptance(t, `hf/${path}`);
      if (!dir) return;
      const { registry } = emptyRegistry();
      const run = () => importHf(join(dir, "README.md"), registry, "--format", "json");
      if (count > 0) return assertImportsOnce(registry, run, count);
      assertUserError(await run(), 1, "has no usable results", "Nothing was written");
      assert.deepEqual(readdirSync(registry), []);
    });
  }

  test("two forks of one notebook with the same model name and benchmark become two experiments of one model", async (t) => {
    const root = acceptance(t, "hf/saranscript__huggingface-models/models");
    if (!root) return;
    const { registry } = emptyRegistry();
    for (const who of ["Amalq", "hcjang1987"])
      assert.equal((await importHf(join(root, who, "distilbert-base-uncased-finetuned-cola/README.md"), registry)).code, 0);
    const values = experimentsOf(registry, "cards")
      .map((e) => e.value.evaluations.matthews_correlation)
      .sort();
    assert.deepEqual(values, [0.5335074704896392, 0.5471613867597194]);
  });
});
