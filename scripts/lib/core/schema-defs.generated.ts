// Generated from schemas/*.json by `npm run gen:types` (scripts/gen-types.ts). Do not edit.
/** The patterns and enums of schemas/common.schema.json `$defs`. */
export const COMMON_DEFS = {
  slug: { pattern: "^[a-z0-9][a-z0-9-]{0,62}$" },
  experimentId: { pattern: "^[0-7][0-9a-hjkmnp-tv-z]{25}$" },
  version: { pattern: "^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$" },
  sha256: { pattern: "^[0-9a-f]{64}$" },
  md5: { pattern: "^[0-9a-f]{32}(\\.dir)?$" },
  goal: { enum: ["maximize", "minimize"] },
  status: { enum: ["scheduled", "running", "finished", "failed", "killed"] },
  sourceSystem: { enum: ["mlflow", "dvc", "huggingface", "wandb"] },
} as const;
