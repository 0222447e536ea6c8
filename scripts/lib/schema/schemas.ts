// The one ajv module: one option set, one validator per kind, one
// place that reads schemas/. Nobody else constructs Ajv. schema/ imports core/ only.
//
// The validators are precompiled (issue #14): `npm run gen:types` writes ajv's
// standalone code to validators.generated.ts, plain JavaScript with no `eval`, so
// a process validates without loading ajv or compiling a schema. ajv itself is
// loaded only to write that code, or when the schemas on disk are not the ones it
// was generated from (a schema edited and not yet regenerated), to compile them.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { Kind } from "./types.ts";
import * as precompiled from "./validators.generated.ts";

const SCHEMA_DIR = fileURLToPath(new URL("../../../schemas/", import.meta.url));
const SCHEMA_FILES = ["common", "project", "model", "experiment"] as const;
const KINDS = ["project", "model", "experiment"] as const satisfies readonly Kind[];

export type JsonSchema = Record<string, unknown>;

interface Loaded {
  schemas: Record<string, JsonSchema>;
  fingerprint: string;
}

let loaded: Loaded | undefined;
let validators: Record<Kind, ValidateFunction> | undefined;

function load(): Loaded {
  if (loaded) return loaded;
  const hash = createHash("sha256");
  const schemas: Record<string, JsonSchema> = {};
  for (const name of SCHEMA_FILES) {
    const text = readFileSync(`${SCHEMA_DIR}${name}.schema.json`, "utf8");
    hash.update(text);
    schemas[name] = JSON.parse(text) as JsonSchema;
  }
  loaded = { schemas, fingerprint: hash.digest("hex") };
  return loaded;
}

/** An Ajv holding the schemas under their file names, with the one option set; `source` keeps the code for standalone output. */
function newAjv(source: boolean): Ajv2020 {
  // ajv is CommonJS and only needed off the common path, so it is required on demand.
  const require = createRequire(import.meta.url);
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const addFormats = require("ajv-formats") as (ajv: Ajv2020, formats: string[]) => Ajv2020;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictNumbers: true, allowUnionTypes: true, code: { source, esm: source, lines: source } });
  addFormats(ajv, ["date-time", "uri"]);
  // The schemas carry no `$id`: each is known by its file name, so their relative
  // `$ref`s resolve wherever the files are published (the site's API folder, an editor's disk).
  for (const name of SCHEMA_FILES) ajv.addSchema(load().schemas[name], `${name}.schema.json`);
  return ajv;
}

function validatorFor(kind: Kind): ValidateFunction {
  if (!validators) {
    if (precompiled.SCHEMAS_FINGERPRINT === load().fingerprint) validators = precompiled.validators as Record<Kind, ValidateFunction>;
    else {
      const ajv = newAjv(false);
      const get = (k: Kind) => ajv.getSchema(`${k}.schema.json`) as ValidateFunction;
      validators = { project: get("project"), model: get("model"), experiment: get("experiment") };
    }
  }
  return validators[kind];
}

/** Validates a parsed record against its kind's schema; returns ajv's errors (empty when valid). */
export function schemaErrors(kind: Kind, value: unknown): ErrorObject[] {
  const validate = validatorFor(kind);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/** The raw schema documents, for docs, the site's help and tests. */
export function schemaDocument(name: (typeof SCHEMA_FILES)[number]): JsonSchema {
  return load().schemas[name];
}

/** Changes whenever any schema file changes; part of every cache key. */
export function schemasFingerprint(): string {
  return load().fingerprint;
}

/**
 * The ES module validators.generated.ts holds: ajv's standalone code for each kind,
 * its CommonJS `require`s of ajv's runtime helpers and ajv-formats' formats turned
 * into imports, and the fingerprint of the schemas it was made from.
 */
export function validatorsSource(): string {
  const require = createRequire(import.meta.url);
  const standaloneCode = require("ajv/dist/standalone/index.js") as typeof import("ajv/dist/standalone/index.js").default;
  const ajv = newAjv(true);
  const code = standaloneCode(ajv, Object.fromEntries(KINDS.map((k) => [k, `${k}.schema.json`])));
  const imports: string[] = [];
  const body = code
    .replace(/^"use strict";\n/, "")
    .replace(/^export const (\w+) = /gm, "const $1 = ")
    .replace(/require\("([^"]+)"\)/g, (_, id: string) => {
      imports.push(`import dep${imports.length} from "${id}.js";`);
      return `dep${imports.length - 1}`;
    });
  return [
    "// @ts-nocheck: ajv's output is plain JavaScript; schemas.ts gives it its type.",
    ...imports,
    body,
    `export const validators = { ${KINDS.join(", ")} };`,
    `export const SCHEMAS_FINGERPRINT = ${JSON.stringify(load().fingerprint)};`,
    "",
  ].join("\n");
}

export type { ErrorObject };
