// `dvc exp show --json` output, as DVC 3 (a list of commits, each with
// `experiments: [{revs: [...]}]`) and DVC 2 (a map of commit → {baseline,
// <exp-sha>: {data}}) write it, as one list of rows: the commit baselines and
// their experiments, each with params, metrics, deps and outs.
import { isTree, type Tree } from "../_source-file.ts";
import type { DvcState, LockEntry } from "./map.ts";

export interface ExpRow {
  rev: string;
  name?: string;
  /** The commit an experiment was based on. */
  baseline?: string;
  timestamp?: string;
  state: DvcState;
}

/** `{"params.yaml": {"data": {...}}}` → the `data` maps, merged in file order (params) or kept per file (metrics). */
function perFile(v: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [file, entry] of Object.entries(isTree(v) ? v : {})) if (isTree(entry) && entry.data !== undefined) out.set(file, entry.data);
  return out;
}

function entries(v: unknown, role: LockEntry["role"]): LockEntry[] {
  return Object.entries(isTree(v) ? v : {}).map(([path, e]) => ({ path, role, stage: "", md5: isTree(e) && typeof e.hash === "string" ? e.hash : undefined }));
}

function row(rev: string, data: Tree, baseline?: string): ExpRow {
  const params: Tree = {};
  for (const value of perFile(data.params).values()) if (isTree(value)) Object.assign(params, value);
  return {
    rev,
    name: typeof data.name === "string" ? data.name : undefined,
    baseline,
    timestamp: typeof data.timestamp === "string" ? data.timestamp : undefined,
    state: {
      params: Object.keys(params).length > 0 ? params : undefined,
      metrics: perFile(data.metrics),
      lock: [...entries(data.deps, "dep"), ...entries(data.outs, "out")],
      artifacts: {},
    },
  };
}

function fromDvc3(list: unknown[]): ExpRow[] {
  const out: ExpRow[] = [];
  for (const commit of list.filter(isTree)) {
    const rev = String(commit.rev ?? "");
    if (isTree(commit.data)) out.push({ ...row(rev, commit.data), name: typeof commit.name === "string" ? commit.name : undefined });
    for (const exp of Array.isArray(commit.experiments) ? commit.experiments.filter(isTree) : []) {
      for (const r of Array.isArray(exp.revs) ? exp.revs.filter(isTree) : []) {
        if (isTree(r.data))
          out.push({
            ...row(String(r.rev ?? ""), r.data, rev),
            name: typeof r.name === "string" ? r.name : typeof exp.name === "string" ? exp.name : undefined,
          });
      }
    }
  }
  return out;
}

function fromDvc2(map: Tree): ExpRow[] {
  const out: ExpRow[] = [];
  for (const [commit, revs] of Object.entries(map)) {
    if (!isTree(revs)) continue;
    for (const [rev, entry] of Object.entries(revs)) {
      if (!isTree(entry) || !isTree(entry.data)) continue;
      out.push(rev === "baseline" ? row(commit, entry.data) : row(rev, entry.data, commit));
    }
  }
  return out;
}

/** The rows, or undefined when the value is not `dvc exp show --json` output. */
export function expShowRows(value: unknown): ExpRow[] | undefined {
  if (Array.isArray(value)) return fromDvc3(value);
  if (isTree(value)) return fromDvc2(value);
  return undefined;
}
