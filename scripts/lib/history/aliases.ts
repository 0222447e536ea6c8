// Every change of every model's aliases (issue #16), from the model.yaml
// versions in one log: the aliases after each commit compared with those
// before it, oldest commit first, so only the new side of each change is parsed.
import { peekBlob } from "../registry/peek.ts";
import type { CommitInfo, LogCommit } from "./git-log.ts";

export interface AliasChange extends CommitInfo {
  seq: number;
  /** `project/model`, as the model is named now. */
  model: string;
  alias: string;
  /** The version or experiment id the alias named before and after; absent when it was not set / was removed. */
  from?: string;
  to?: string;
}

const MODEL_FILE = /^([^/]+)\/models\/([^/]+)\/model\.yaml$/;

/** The model.yaml blobs a timeline needs (the new side of each change). */
export function modelBlobIds(commits: LogCommit[]): string[] {
  return commits.flatMap((c) => c.changes.flatMap((f) => (f.after && MODEL_FILE.test(f.file) ? [f.after] : [])));
}

function aliasesIn(record: Record<string, unknown> | undefined): Map<string, string> | undefined {
  if (!record) return undefined;
  const aliases = record.aliases;
  const out = new Map<string, string>();
  if (aliases && typeof aliases === "object" && !Array.isArray(aliases)) {
    for (const [k, v] of Object.entries(aliases)) if (typeof v === "string") out.set(k, v);
  }
  return out;
}

/** Model key → its alias changes, oldest first. A model.yaml that does not parse leaves the aliases as they were. */
export function aliasTimelines(commits: LogCommit[], blobs: Map<string, Buffer>): Map<string, AliasChange[]> {
  const state = new Map<string, Map<string, string>>();
  const out = new Map<string, AliasChange[]>();
  for (const c of commits) {
    for (const f of c.changes) {
      const m = MODEL_FILE.exec(f.file);
      if (!m) continue;
      const model = `${m[1]}/${m[2]}`;
      const before = state.get(model) ?? new Map<string, string>();
      const after = f.status === "deleted" ? new Map<string, string>() : aliasesIn(peekBlob(f.after ? blobs.get(f.after) : undefined));
      if (!after) continue;
      state.set(model, after);
      const { changes: _, seq, ...info } = c;
      const list = out.get(model) ?? [];
      for (const alias of new Set([...before.keys(), ...after.keys()])) {
        const [from, to] = [before.get(alias), after.get(alias)];
        if (from !== to) list.push({ ...info, seq, model, alias, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
      }
      if (list.length) out.set(model, list);
    }
  }
  return out;
}
