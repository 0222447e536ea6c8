// `npm run gen:types`: writes the TypeScript that is derived from schemas/*.json
// (issue #13, "types from the schemas"), so no schema shape is typed by hand:
// - scripts/lib/schema/types.generated.ts, the record types, by json-schema-to-typescript;
// - scripts/lib/core/schema-defs.generated.ts, the patterns and enums of
//   common.schema.json's `$defs`, as constants that core/ and the browser can import
//   without reading files;
// - scripts/lib/schema/validators.generated.ts, ajv's standalone code for the three
//   record schemas (schemas.ts, `validatorsSource`), so no process compiles a schema at
//   run time (issue #14: compiling them was a third of `show`).
// test/schemas.test.ts regenerates all three in memory and fails when the committed files differ.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compile } from "json-schema-to-typescript";
import { validatorsSource } from "./lib/schema/schemas.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SCHEMAS = `${ROOT}schemas/`;

export const GENERATED = {
  types: "scripts/lib/schema/types.generated.ts",
  defs: "scripts/lib/core/schema-defs.generated.ts",
  validators: "scripts/lib/schema/validators.generated.ts",
} as const;

const BANNER = "// Generated from schemas/*.json by `npm run gen:types` (scripts/gen-types.ts). Do not edit.\n";

async function recordTypes(): Promise<string> {
  // One root that names the three record schemas, so shared pieces (Tags) are declared once.
  const kinds = ["project", "model", "experiment"];
  const root = {
    title: "KindRecords",
    description: "The record of each kind, by kind.",
    type: "object" as const,
    additionalProperties: false,
    required: kinds,
    properties: Object.fromEntries(kinds.map((k) => [k, { $ref: `${k}.schema.json` }])),
  };
  return compile(root, "KindRecords", { cwd: SCHEMAS, bannerComment: "", format: false, strictIndexSignatures: false });
}

function schemaDefs(): string {
  const common = JSON.parse(readFileSync(`${SCHEMAS}common.schema.json`, "utf8")) as { $defs: Record<string, { pattern?: string; enum?: unknown[] }> };
  const defs: Record<string, { pattern?: string; enum?: unknown[] }> = {};
  for (const [name, def] of Object.entries(common.$defs)) {
    if (def.pattern !== undefined) defs[name] = { pattern: def.pattern };
    else if (def.enum !== undefined) defs[name] = { enum: def.enum };
  }
  return `/** The patterns and enums of schemas/common.schema.json \`$defs\`. */\nexport const COMMON_DEFS = ${JSON.stringify(defs)} as const;\n`;
}

/** Formats TypeScript as the repository's Biome configuration does. */
function format(path: string, text: string): string {
  const biome = spawnSync(`${ROOT}node_modules/.bin/biome`, ["format", `--stdin-file-path=${path}`], { cwd: ROOT, input: text, encoding: "utf8" });
  if (biome.status !== 0) throw new Error(`biome format failed for ${path}: ${biome.stderr}`);
  return biome.stdout;
}

/** The generated files, path (relative to the repository) → text, as they should be committed. */
export async function generatedFiles(): Promise<Record<string, string>> {
  return {
    [GENERATED.types]: format(GENERATED.types, BANNER + (await recordTypes())),
    [GENERATED.defs]: format(GENERATED.defs, BANNER + schemaDefs()),
    // ajv's code is kept as ajv writes it (biome.json leaves this one file alone).
    [GENERATED.validators]: BANNER + validatorsSource(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [path, text] of Object.entries(await generatedFiles())) {
    writeFileSync(`${ROOT}${path}`, text);
    console.log(`wrote ${path}`);
  }
}
