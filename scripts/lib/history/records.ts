// How one experiment record changed from commit to commit (issue #16): its
// creation, each metric, artifact and tag added, changed or removed (old →
// new), its version label and status, and which other sections changed.
import { peekBlob } from "../registry/peek.ts";
import type { CommitInfo, FileChange, LogCommit } from "./git-log.ts";

export interface FieldChange {
  /** `version`, `status`, `evaluations.accuracy`, `artifacts.model`, `tags.stage`, or a section name (`parameters`) whose values are not listed. */
  field: string;
  before?: unknown;
  after?: unknown;
}

export interface RecordEvent extends CommitInfo {
  seq: number;
  kind: "created" | "changed" | "moved" | "deleted";
  /** Registry-relative path before a move. */
  from?: string;
  changes: FieldChange[];
}

/** Sections compared key by key, with their values. */
const KEYED = ["evaluations", "artifacts", "tags"];
/** Scalars compared with their values. */
const SCALARS = ["version", "status", "description"];
/** Not worth an entry: set once when the file is made. */
const IGNORED = new Set(["id", "created"]);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const asMap = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function put(out: FieldChange[], field: string, before: unknown, after: unknown): void {
  if (same(before, after)) return;
  out.push({ field, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) });
}

/** What differs between two versions of a record (`before` undefined: what the new record holds). */
function diffRecords(before: Record<string, unknown> | undefined, after: Record<string, unknown>): FieldChange[] {
  const out: FieldChange[] = [];
  const old = before ?? {};
  for (const key of SCALARS) put(out, key, old[key], after[key]);
  for (const section of KEYED) {
    const [a, b] = [asMap(old[section]), asMap(after[section])];
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) put(out, `${section}.${key}`, a[key], b[key]);
  }
  if (before === undefined) return out;
  for (const key of new Set([...Object.keys(old), ...Object.keys(after)])) {
    if (IGNORED.has(key) || SCALARS.includes(key) || KEYED.includes(key)) continue;
    if (!same(old[key], after[key])) out.push({ field: key });
  }
  return out;
}

/** One experiment file's changes, oldest first; `blobs` holds every version of it (see blobIdsOf). */
export function recordEvents(entries: Array<{ commit: LogCommit; change: FileChange }>, blobs: Map<string, Buffer>): RecordEvent[] {
  const events: RecordEvent[] = [];
  // Each version is the `after` of one change and the `before` of the next: parse it once (parsing is most of the cost).
  const parsed = new Map<string, Record<string, unknown> | undefined>();
  const version = (id: string | undefined) => {
    if (id === undefined) return undefined;
    if (!parsed.has(id)) parsed.set(id, peekBlob(blobs.get(id)));
    return parsed.get(id);
  };
  for (const { commit, change } of entries) {
    const { changes: _, ...info } = commit;
    const before = version(change.before);
    const after = version(change.after);
    const kind: RecordEvent["kind"] =
      change.status === "added" ? "created" : change.status === "deleted" ? "deleted" : change.from && change.before === change.after ? "moved" : "changed";
    const fields = after ? diffRecords(kind === "created" ? undefined : before, after) : [];
    events.push({ ...info, kind, ...(change.from ? { from: change.from } : {}), changes: fields });
  }
  return events;
}

/** Experiment file (path now) → its changes in the log, oldest first. */
export function changesByFile(commits: LogCommit[], keep: (file: string) => boolean): Map<string, Array<{ commit: LogCommit; change: FileChange }>> {
  const out = new Map<string, Array<{ commit: LogCommit; change: FileChange }>>();
  for (const commit of commits) {
    for (const change of commit.changes) {
      if (!keep(change.file)) continue;
      const list = out.get(change.file);
      if (list) list.push({ commit, change });
      else out.set(change.file, [{ commit, change }]);
    }
  }
  return out;
}

/** Every blob id the events of these changes read. */
export function blobIdsOf(entries: Array<{ change: FileChange }>): string[] {
  return entries.flatMap(({ change }) => [change.before, change.after].filter((b): b is string => b !== undefined));
}
