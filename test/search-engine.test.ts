// Search over the static index (issue #7), without a browser: typo tolerance,
// parameter values, id prefixes, and no relevant result lost against one
// naive fuse.js index over all documents, on the benchmark's query list.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import Fuse from "fuse.js";
import { searchQueries } from "../scripts/bench/search-queries.ts";
import { loadSite } from "../scripts/lib/site/build.ts";
import { SEARCH_FIELDS, type SearchDoc, searchDocs } from "../scripts/lib/site/search-docs.ts";
import { FUSE_OPTIONS, SearchEngine } from "../scripts/lib/site/search-engine.ts";
import { searchFiles } from "../scripts/lib/site/search-index.ts";
import { runCli, tempDir } from "./_helpers.ts";

async function engineFor(registry: string): Promise<{ engine: SearchEngine; docs: SearchDoc[]; bytes: number }> {
  const docs = searchDocs(await loadSite({ registry, cacheDir: false }));
  const files = new Map([...searchFiles(docs)].map((f) => [f.path, f.body]));
  const engine = await SearchEngine.open(async (path) => JSON.parse(files.get(path) ?? "null"));
  return { engine, docs, bytes: [...files.values()].reduce((n, b) => n + b.length, 0) };
}

/** The naive baseline: one Fuse index over whole documents (descriptions as written, not as words). */
function naiveIndex(docs: SearchDoc[]): Fuse<SearchDoc> {
  return new Fuse(docs, {
    ...FUSE_OPTIONS,
    includeMatches: false,
    keys: SEARCH_FIELDS.map((f) => ({ name: f.key, weight: f.weight, getFn: (d: SearchDoc) => d.fields[f.key] ?? [] })),
  });
}

describe("search engine on a generated registry of 1,000 experiments", () => {
  let engine: SearchEngine;
  let docs: SearchDoc[];
  before(async () => {
    const registry = join(tempDir(), "registry");
    const gen = await runCli(["generate", "--experiments", "1000", "--out", registry]);
    assert.equal(gen.code, 0, gen.stderr);
    ({ engine, docs } = await engineFor(registry));
  });

  test("a typo still finds the model: mobilnet → MobileNetV3", async () => {
    const r = await engine.search("mobilnet");
    assert.match(r.groups.model.hits[0].title, /MobileNet/);
    assert.equal(r.groups.model.hits[0].why[0].field, "name");
    assert.ok(r.groups.experiment.total > 0);
  });

  test("a parameter value finds the runs that use it, and says why", async () => {
    const r = await engine.search("adamw");
    const expected = docs.filter((d) => d.kind === "experiment" && d.fields.param?.includes("adamw")).length;
    assert.ok(r.groups.experiment.total >= expected && expected > 0, `${r.groups.experiment.total} < ${expected}`);
    const hit = r.groups.experiment.hits[0];
    assert.deepEqual(hit.why[0], { field: "parameter", text: "adamw", indices: [[0, 4]] });
  });

  test("an id prefix finds exactly the experiments whose id starts with it", async () => {
    const ids = docs.filter((d) => d.kind === "experiment").map((d) => d.key);
    const prefix = ids[123].slice(0, 7);
    const r = await engine.search(prefix, { limit: 1000 });
    const found = r.groups.experiment.hits
      .filter((h) => h.why.some((w) => w.field === "id"))
      .map((h) => h.key)
      .sort();
    assert.deepEqual(found, ids.filter((id) => id.startsWith(prefix)).sort());
    assert.equal(r.groups.experiment.hits[0].key.startsWith(prefix), true);
  });

  test("a model's name outranks a word in a description", async () => {
    const r = await engine.search("lightgbm");
    assert.equal(r.groups.model.hits[0].why[0].field, "name");
  });

  test("a word of two characters matches only where a word of the text starts with it", async () => {
    const r = await engine.search("re", { limit: 50 });
    const hits = Object.values(r.groups).flatMap((g) => g.hits);
    assert.ok(hits.length > 0);
    for (const h of hits) for (const w of h.why) assert.match(w.text, /(^|[^\p{L}\p{N}])re/iu, `${h.title}: ${w.field} "${w.text}"`);
  });

  test("every query word must match: adding a word narrows the results", async () => {
    const one = await engine.search("resnet");
    const two = await engine.search("resnet adamw");
    assert.ok(two.groups.experiment.total > 0 && two.groups.experiment.total < one.groups.experiment.total);
  });

  test("no relevant result is lost: the naive index's top 10 are all among ours, for every query of the list", async () => {
    const naive = naiveIndex(docs);
    const ids = docs.filter((d) => d.kind === "experiment").map((d) => d.key);
    const misses: string[] = [];
    for (const query of searchQueries(ids)) {
      if (/^[0-9a-z]{6}$/.test(query) && /\d/.test(query)) continue; // id prefixes: checked exactly above
      const ours = await engine.search(query, { limit: docs.length });
      const found = new Set(Object.values(ours.groups).flatMap((g) => g.hits.map((h) => h.doc)));
      // Naive Fuse matches a several-word query as one fuzzy phrase, so it also returns runs that
      // lack a word entirely ("efficientnet cosine" → EfficientNet runs without cosine). Its hits
      // count as relevant when each word, on its own, matches the document in the naive index too.
      const words = query.split(/\s+/);
      const eachWord = words.length > 1 ? words.map((w) => new Set(naive.search(w).map((r) => r.refIndex))) : [];
      for (const r of naive.search(query, { limit: 10 })) {
        if (eachWord.some((set) => !set.has(r.refIndex))) continue;
        if (!found.has(r.refIndex)) misses.push(`${query}: ${docs[r.refIndex].title}`);
      }
    }
    assert.deepEqual(misses, []);
  });
});

describe("search engine on the sample registry", () => {
  test("finds the Korean project by a word of its name, and an owner", async () => {
    const { engine } = await engineFor(join(import.meta.dirname, "..", "registry"));
    assert.equal((await engine.search("이미지")).groups.project.hits[0]?.key, "animal-image-classification");
    assert.ok((await engine.search("jiwoo-park")).groups.project.total >= 1);
  });
});
