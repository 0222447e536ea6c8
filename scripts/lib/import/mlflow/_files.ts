// Reading the files of an MLflow file store: `meta.yaml` files through the one
// YAML module, and the one-file-per-key folders (`params/`, `tags/`,
// `metrics/`, where a key `a/b` is a nested folder).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseYaml } from "../../yaml/yaml.ts";
import type { SourceProblem } from "../types.ts";
import { define } from "../values.ts";

/** What went wrong so far while reading a store. */
export interface StoreReader {
  problems: SourceProblem[];
}

const META_HINT = "MLflow writes this file itself: restore it from a backup or from git, or delete the directory if the run is not worth keeping.";

/** A `meta.yaml` as a map, or undefined (and a problem) when it is missing or broken. */
export function readMeta(r: StoreReader, file: string, required: string[]): Record<string, unknown> | undefined {
  const shown = file;
  if (!existsSync(file)) {
    r.problems.push({ file: shown, message: "there is no meta.yaml", hint: META_HINT });
    return undefined;
  }
  const parsed = parseYaml(readFileSync(file, "utf8"));
  const p = parsed.problems[0];
  if (p) {
    r.problems.push({ file: `${shown}:${p.line}:${p.col}`, message: `meta.yaml is not valid YAML: ${p.message}`, hint: META_HINT });
    return undefined;
  }
  const value = parsed.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    r.problems.push({ file: shown, message: "meta.yaml does not hold a map of fields", hint: META_HINT });
    return undefined;
  }
  const missing = required.filter((k) => (value as Record<string, unknown>)[k] === undefined || (value as Record<string, unknown>)[k] === null);
  if (missing.length > 0) {
    r.problems.push({ file: shown, message: `meta.yaml has no ${missing.map((k) => `\`${k}\``).join(" or ")}`, hint: META_HINT });
    return undefined;
  }
  return value as Record<string, unknown>;
}

export function subdirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory())
    .sort();
}

/** Every file under `dir` as `relative/name → text`; MLflow stores `a/b` keys as nested folders. */
export function readKeyed(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (abs: string, prefix: string) => {
    for (const name of readdirSync(abs).sort()) {
      const path = join(abs, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else define(out, prefix + name, readFileSync(path, "utf8"));
    }
  };
  if (existsSync(dir)) walk(dir, "");
  return out;
}
