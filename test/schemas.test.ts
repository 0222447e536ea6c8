// The schemas document themselves: every property is described and
// has examples, each example validates, and the TypeScript types agree with them.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { generatedFiles } from "../scripts/gen-types.ts";
import { EXPERIMENT_ID_PATTERN, SLUG_PATTERN, VERSION_PATTERN } from "../scripts/lib/core/ids.ts";
import { type JsonSchema, schemaDocument, schemaErrors } from "../scripts/lib/schema/schemas.ts";
import { ROOT } from "./_helpers.ts";

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

// Types come from the schemas (issue #13): the committed generated files must be
// what `npm run gen:types` makes from schemas/*.json today.
for (const [path, expected] of Object.entries(await generatedFiles())) {
  test(`types: ${path} is generated from the current schemas`, () => {
    const committed = readFileSync(join(ROOT, path), "utf8");
    assert.ok(
      committed === expected,
      `${path} is stale: a schema changed and the types were not regenerated. Run \`npm run gen:types\` and commit the result.`,
    );
  });
}

test("types: the patterns code uses are the schemas' own", () => {
  const defs = (schemaDocument("common").$defs ?? {}) as Record<string, JsonSchema>;
  assert.equal(SLUG_PATTERN.source, defs.slug.pattern);
  assert.equal(EXPERIMENT_ID_PATTERN.source, defs.experimentId.pattern);
  assert.equal(VERSION_PATTERN.source, defs.version.pattern);
});

test("schemas: ids and refs resolve wherever the files are published (issue #15): no `$id`, only relative `$ref`s", () => {
  const foreign: string[] = [];
  const walk = (node: unknown, at: string): void => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$id") foreign.push(`${at}.$id`);
      if (key === "$ref" && (typeof value !== "string" || /^[a-z]+:/i.test(value))) foreign.push(`${at}.$ref: ${String(value)}`);
      walk(value, `${at}.${key}`);
    }
  };
  for (const name of ["common", ...KINDS] as const) walk(schemaDocument(name), name);
  assert.deepEqual(foreign, []);
});
