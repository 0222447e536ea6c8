// The schemas document themselves (STYLE.md §1): every property is described and
// has examples, each example validates, and the TypeScript types agree with them.

import assert from "node:assert/strict";
import { test } from "node:test";
import { type JsonSchema, schemaDocument, schemaErrors } from "../scripts/lib/schema/schemas.ts";
import type { ExperimentData, ModelData, ProjectData } from "../scripts/lib/schema/types.ts";

const KINDS = ["project", "model", "experiment"] as const;

function resolve(schema: JsonSchema, owner: JsonSchema): JsonSchema {
  const ref = schema.$ref as string | undefined;
  if (!ref) return schema;
  const [file, frag] = ref.split("#");
  let node: unknown = file ? schemaDocument(file.replace(".schema.json", "") as "common") : owner;
  for (const seg of frag.split("/").slice(1)) node = (node as JsonSchema)[seg];
  return { ...(node as JsonSchema), ...schema };
}

function* properties(schema: JsonSchema, owner: JsonSchema, at: string): Generator<[string, JsonSchema]> {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, raw] of Object.entries(props)) {
    const prop = resolve(raw, owner);
    yield [`${at}.${name}`, prop];
    yield* properties(prop, owner, `${at}.${name}`);
  }
  for (const key of ["additionalProperties", "items"]) {
    const sub = schema[key];
    if (sub && typeof sub === "object") yield* properties(resolve(sub as JsonSchema, owner), owner, `${at}.${key}`);
  }
}

for (const kind of KINDS) {
  test(`schema ${kind}: every property has a description and examples`, () => {
    const doc = schemaDocument(kind);
    const missing: string[] = [];
    for (const [path, prop] of properties(doc, doc, kind)) {
      if (typeof prop.description !== "string" || prop.description.length < 10) missing.push(`${path}: description`);
      if (!Array.isArray(prop.examples) || prop.examples.length === 0) missing.push(`${path}: examples`);
    }
    assert.deepEqual(missing, []);
  });

  test(`schema ${kind}: its complete example validates`, () => {
    const examples = schemaDocument(kind).examples as unknown[];
    assert.ok(examples.length >= 1);
    for (const ex of examples) assert.deepEqual(schemaErrors(kind, ex), []);
  });

  test(`schema ${kind}: each property example validates in the complete example`, () => {
    const doc = schemaDocument(kind);
    const base = (doc.examples as Record<string, unknown>[])[0];
    for (const [name, prop] of Object.entries(doc.properties as Record<string, JsonSchema>)) {
      for (const ex of (resolve(prop, doc).examples ?? []) as unknown[]) {
        assert.deepEqual(schemaErrors(kind, { ...base, [name]: ex }), [], `${kind}.${name} example ${JSON.stringify(ex)}`);
      }
    }
  });
}

// Types come from a second hand (scripts/lib/types.ts); these key lists are
// checked by the compiler against the types and by the test against the schemas.
const TYPE_KEYS = {
  project: { name: 1, description: 1, created: 1, owners: 1, tags: 1 } satisfies Record<keyof ProjectData, 1>,
  model: { name: 1, description: 1, created: 1, task: 1, primary_metric: 1, aliases: 1, tags: 1 } satisfies Record<keyof ModelData, 1>,
  experiment: {
    id: 1,
    version: 1,
    created: 1,
    description: 1,
    status: 1,
    parameters: 1,
    datasets: 1,
    evaluations: 1,
    history: 1,
    artifacts: 1,
    code: 1,
    environment: 1,
    source: 1,
    tags: 1,
  } satisfies Record<keyof ExperimentData, 1>,
};

for (const kind of KINDS) {
  test(`types: ${kind} type has exactly the schema's properties`, () => {
    const schemaKeys = Object.keys(schemaDocument(kind).properties as object).sort();
    assert.deepEqual(Object.keys(TYPE_KEYS[kind]).sort(), schemaKeys);
  });
}
