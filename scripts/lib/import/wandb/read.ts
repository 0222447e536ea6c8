// Reads W&B local run directories (issue #18): `wandb/run-<time>-<id>/` and
// `offline-run-…`, each with `files/config.yaml`, `wandb-summary.json`,
// `wandb-metadata.json`, `requirements.txt` and, from older clients,
// `wandb-history.jsonl`. A file that cannot be read becomes a problem naming
// it, and the run it belongs to is left out whole. YAML goes through the one
// YAML module; JSON through JSON.parse (W&B writes strict JSON).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { parseYaml } from "../../yaml/yaml.ts";
import { isTree, type Tree } from "../_source-file.ts";
import type { SourceProblem } from "../types.ts";

const RUN_DIR = /^(offline-)?run-(\d{8}_\d{6})-([a-z0-9]+)$/;

export interface WandbRun {
  dir: string;
  /** The W&B run id: the last part of the directory name. */
  id: string;
  offline: boolean;
  /** `YYYYMMDD_HHMMSS` from the directory name (UTC), when startedAt is missing. */
  stamp: string;
  config: Tree;
  summary: Tree;
  metadata: Tree;
  requirementsSha256?: string;
  /** Lines of wandb-history.jsonl, parsed; undefined lines could not be read. */
  history: Array<Tree | undefined>;
}

/** The run directories a path names: one run, a `wandb/` folder of them, or a folder holding `wandb/`. */
export function runDirs(path: string): string[] {
  if (RUN_DIR.test(basename(path))) return [path];
  const folder = !readdirSync(path).some((n) => RUN_DIR.test(n)) && existsSync(join(path, "wandb")) ? join(path, "wandb") : path;
  return readdirSync(folder)
    .filter((n) => RUN_DIR.test(n) && statSync(join(folder, n)).isDirectory())
    .sort()
    .map((n) => join(folder, n));
}

const WANDB_HINT = "W&B writes this file itself: restore it from the run's copy on wandb.ai (Files tab) or from git, or delete the run directory.";

function readJson(file: string, what: string, problems: SourceProblem[]): Tree | undefined {
  if (!existsSync(file)) return {};
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    problems.push({ file, message: `the ${what} is not JSON: ${(err as Error).message}`, hint: WANDB_HINT });
    return undefined;
  }
  if (!isTree(value)) {
    problems.push({ file, message: `the ${what} is not a JSON object`, hint: WANDB_HINT });
    return undefined;
  }
  return value;
}

/** config.yaml: `key: {desc, value}` per key; the wrapper is unwrapped, `_wandb` and `wandb_version` left out. */
function readConfig(file: string, problems: SourceProblem[]): Tree | undefined {
  if (!existsSync(file)) return {};
  const parsed = parseYaml(readFileSync(file, "utf8"));
  const p = parsed.problems[0];
  if (p && p.code !== "EMPTY") {
    problems.push({ file: `${file}:${p.line}:${p.col}`, message: `config.yaml is not valid YAML: ${p.message}`, hint: WANDB_HINT });
    return undefined;
  }
  if (p) return {};
  if (!isTree(parsed.value)) {
    problems.push({ file, message: "config.yaml is not a map of parameter names to `{value: …}`", hint: WANDB_HINT });
    return undefined;
  }
  const out: Tree = {};
  for (const [key, v] of Object.entries(parsed.value)) {
    if (key === "_wandb" || key === "wandb_version") continue;
    Object.defineProperty(out, key, { value: isTree(v) && "value" in v ? v.value : v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function readHistory(file: string): Array<Tree | undefined> {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((line) => {
      try {
        const v = JSON.parse(line);
        return isTree(v) ? v : undefined;
      } catch {
        return undefined;
      }
    });
}

export function readRun(dir: string, problems: SourceProblem[]): WandbRun | undefined {
  const m = RUN_DIR.exec(basename(dir));
  const files = join(dir, "files");
  if (!m) return undefined;
  if (!existsSync(files) || !statSync(files).isDirectory()) {
    problems.push({
      file: dir,
      message: "this run directory has no files/ folder (config.yaml, wandb-summary.json, wandb-metadata.json)",
      hint: "Name a run directory W&B wrote (`wandb/run-<date>-<id>/files/…`); a run still syncing or copied without files/ cannot be imported. Delete it or pass --keep-going.",
    });
    return undefined;
  }
  const before = problems.length;
  const config = readConfig(join(files, "config.yaml"), problems);
  const summary = readJson(join(files, "wandb-summary.json"), "summary", problems);
  const metadata = readJson(join(files, "wandb-metadata.json"), "metadata", problems);
  if (problems.length > before || !config || !summary || !metadata) return undefined;
  const req = join(files, "requirements.txt");
  const requirementsSha256 = existsSync(req) ? createHash("sha256").update(readFileSync(req)).digest("hex") : undefined;
  return {
    dir,
    id: m[3],
    offline: m[1] !== undefined,
    stamp: m[2],
    config,
    summary,
    metadata,
    requirementsSha256,
    history: readHistory(join(files, "wandb-history.jsonl")),
  };
}
