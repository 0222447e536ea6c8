// A DVC project's files (issue #9): `params.yaml`; the metrics files that
// `dvc.yaml` names (per stage and top-level); `dvc.lock` dependencies and
// outputs with their md5; DVCLive curves (`dvclive/plots/metrics/*.tsv`, or
// the older `dvclive/*.tsv`).
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { collectHistory } from "../../inputs/history-csv.ts";
import type { HistoryPoint } from "../../schema/types.ts";
import { isTree, readSourceData } from "../_source-file.ts";
import type { SourceProblem } from "../types.ts";
import type { DvcState, LockEntry } from "./map.ts";

export interface DvcProject extends DvcState {
  dir: string;
  history: Record<string, HistoryPoint[]>;
  problems: SourceProblem[];
}

/** `- file` or `- file: {cache: false}` entries of a metrics list. */
function metricPaths(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((m) => (typeof m === "string" ? [m] : isTree(m) ? Object.keys(m) : []));
}

function lockEntries(lock: unknown): LockEntry[] {
  const stages = isTree(lock) && isTree(lock.stages) ? lock.stages : {};
  const out: LockEntry[] = [];
  for (const [stage, s] of Object.entries(stages)) {
    if (!isTree(s)) continue;
    for (const role of ["dep", "out"] as const) {
      const list = s[`${role}s`];
      if (!Array.isArray(list)) continue;
      for (const e of list.filter(isTree)) {
        if (typeof e.path === "string") out.push({ path: e.path.trim(), md5: typeof e.md5 === "string" ? e.md5 : undefined, stage, role });
      }
    }
  }
  return out;
}

function historyFiles(dir: string): string[] {
  for (const sub of ["dvclive/plots/metrics", "dvclive"]) {
    const at = join(dir, sub);
    if (!existsSync(at)) continue;
    const tsv = readdirSync(at)
      .filter((f) => f.endsWith(".tsv"))
      .sort();
    if (tsv.length > 0) return tsv.map((f) => join(at, f));
  }
  return [];
}

export function readDvcProject(dir: string): DvcProject {
  const problems: SourceProblem[] = [];
  const params = readSourceData(join(dir, "params.yaml"), "params file", problems);
  const dvcYaml = readSourceData(join(dir, "dvc.yaml"), "pipeline file dvc.yaml", problems);
  const lock = readSourceData(join(dir, "dvc.lock"), "lock file dvc.lock", problems);
  const paths = new Set<string>();
  if (isTree(dvcYaml)) {
    for (const p of metricPaths(dvcYaml.metrics)) paths.add(p);
    for (const s of Object.values(isTree(dvcYaml.stages) ? dvcYaml.stages : {})) if (isTree(s)) for (const p of metricPaths(s.metrics)) paths.add(p);
  }
  const metrics = new Map<string, unknown>();
  for (const p of [...paths].sort()) metrics.set(p, readSourceData(join(dir, p), `metrics file ${p}`, problems));
  const artifacts: Record<string, string> = {};
  const declared = isTree(dvcYaml) && isTree(dvcYaml.artifacts) ? dvcYaml.artifacts : {};
  for (const [name, a] of Object.entries(declared)) if (isTree(a) && typeof a.path === "string") artifacts[name] = a.path;
  let history: Record<string, HistoryPoint[]> = {};
  const files = historyFiles(dir);
  try {
    history = collectHistory(files);
  } catch (err) {
    problems.push({ file: files.join(", "), message: (err as Error).message, hint: "Fix or remove the DVCLive file named above." });
  }
  return { dir, params: isTree(params) ? params : undefined, metrics, lock: lockEntries(lock), artifacts, history, problems };
}
