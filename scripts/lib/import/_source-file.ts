// Reading a JSON or YAML file of another tool (DVC's params.yaml, dvc.lock,
// metrics files, `dvc exp show --json` output) through the one YAML module;
// a broken file becomes a problem at file:line:col instead of an exception.
import { existsSync, readFileSync } from "node:fs";
import { parseYaml } from "../yaml/yaml.ts";
import type { SourceProblem } from "./types.ts";

export function readSourceData(file: string, what: string, problems: SourceProblem[]): unknown {
  if (!existsSync(file)) return undefined;
  const parsed = parseYaml(readFileSync(file, "utf8"));
  const p = parsed.problems[0];
  if (p && p.code !== "EMPTY") {
    problems.push({
      file: `${file}:${p.line}:${p.col}`,
      message: `the ${what} is not valid JSON or YAML: ${p.message}`,
      hint: `${p.hint} DVC reads this file too: \`dvc status\` shows the same problem.`,
    });
    return undefined;
  }
  return parsed.value;
}

export type Tree = Record<string, unknown>;

export const isTree = (v: unknown): v is Tree => typeof v === "object" && v !== null && !Array.isArray(v);
