// The one ajv module: one option set, one compiled validator per
// kind, one place that reads schemas/. Nobody else constructs Ajv. schema/
// imports core/ only.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { Kind } from "./types.ts";

// ajv-formats is CommonJS; under ESM its function sits on `default`.
type AddFormats = (ajv: Ajv2020, formats: string[]) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as AddFormats;

const SCHEMA_DIR = fileURLToPath(new URL("../../../schemas/", import.meta.url));
const SCHEMA_FILES = ["common", "project", "model", "experiment"] as const;

export type JsonSchema = Record<string, unknown>;

let cache: { validators: Record<Kind, ValidateFunction>; schemas: Record<string, JsonSchema>; fingerprint: string } | undefined;

function load() {
  if (cache) return cache;
  const hash = createHash("sha256");
  const schemas: Record<string, JsonSchema> = {};
  for (const name of SCHEMA_FILES) {
    const text = readFileSync(`${SCHEMA_DIR}${name}.schema.json`, "utf8");
    hash.update(text);
    schemas[name] = JSON.parse(text) as JsonSchema;
  }
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictNumbers: true, allowUnionTypes: true });
  addFormats(ajv, ["date-time", "uri"]);
  // The schemas carry no `$id`: each is known by its file name, so their relative
  // `$ref`s resolve wherever the files are published (the site's API folder, an editor's disk).
  for (const name of SCHEMA_FILES) ajv.addSchema(schemas[name], `${name}.schema.json`);
  const get = (kind: Kind): ValidateFunction => {
    const validate = ajv.getSchema(`${kind}.schema.json`);
    if (!validate) throw new Error(`schemas/${kind}.schema.json was not loaded`);
    return validate;
  };
  cache = {
    validators: { project: get("project"), model: get("model"), experiment: get("experiment") },
    schemas,
    fingerprint: hash.digest("hex"),
  };
  return cache;
}

/** Validates a parsed record against its kind's schema; returns ajv's errors (empty when valid). */
export function schemaErrors(kind: Kind, value: unknown): ErrorObject[] {
  const validate = load().validators[kind];
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

export type { ErrorObject };
