// The site's view of the registry's git history (issue #16): each model's
// alias timeline (who, when, which version, commit and PR links) and each
// experiment's history, shaped once from the one pass of
// scripts/lib/history and carried in the page data. A shallow clone or a
// registry outside git gives "history unavailable", never wrong dates.
import { ModelregError } from "../core/errors.ts";
import { type AliasChange, type CommitInfo, type RecordEvent, type RegistryHistory, registryHistory } from "../history/history.ts";
import type { ExperimentRecord } from "../registry/loader.ts";
import { formatValue } from "./format.ts";
import { commitUrl, repoWebUrl } from "./links.ts";

export type SiteHistory = { available: true; history: RegistryHistory } | { available: false; reason: string };

export const NO_HISTORY: SiteHistory = { available: false, reason: "the site was built without reading git history" };

/** The registry's history, or why there is none to show. */
export async function loadHistory(root: string): Promise<SiteHistory> {
  try {
    return { available: true, history: await registryHistory(root) };
  } catch (err) {
    if (!(err instanceof ModelregError)) throw err;
    // The published page names no path of the machine that built it.
    const message = err.message.split(root).join("the registry");
    return { available: false, reason: `${message}.${err.hint ? ` ${err.hint}` : ""}` };
  }
}

export interface CommitView {
  commit: string;
  short: string;
  date: string;
  /** `2026-03-14 09:00 UTC`: one zone for every entry, so they compare at a glance. */
  when: string;
  author: string;
  mergedBy?: string;
  pr?: number;
  subject: string;
  revert: boolean;
  commitHref?: string;
  prHref?: string;
}

/** What an alias named: its value, and the experiment it resolves to in the registry now. */
export interface TargetView {
  value: string;
  id?: string;
  label: string;
}

export interface TimelineEntry extends CommitView {
  /** The element id of the entry on the model page (`#alias-production-1a2b3c4d5e`). */
  anchor: string;
  alias: string;
  from?: TargetView;
  to?: TargetView;
}

export interface HistoryItem extends CommitView {
  anchor: string;
  /** `created`, `changed`, `moved from …`, `production → this run`, … */
  title: string;
  changes: Array<{ field: string; before?: string; after?: string }>;
}

function prUrl(remote: string | undefined, pr: number | undefined): string | undefined {
  const web = repoWebUrl(remote);
  if (!web || pr === undefined) return undefined;
  return web.includes("gitlab.com") ? `${web}/-/merge_requests/${pr}` : `${web}/pull/${pr}`;
}

function commitView(c: CommitInfo, repoUrl: string | undefined): CommitView {
  const when = `${new Date(c.date).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const view: CommitView = { commit: c.commit, short: c.commit.slice(0, 10), date: c.date, when, author: c.author, subject: c.subject, revert: c.revert };
  if (c.mergedBy && c.mergedBy !== c.author) view.mergedBy = c.mergedBy;
  if (c.pr !== undefined) view.pr = c.pr;
  const [commitHref, prHref] = [commitUrl(repoUrl, c.commit), prUrl(repoUrl, c.pr)];
  if (commitHref) view.commitHref = commitHref;
  if (prHref) view.prHref = prHref;
  return view;
}

/** A model's alias changes, newest first; `runs` are its experiments, to name the versions. */
export function modelTimeline(changes: AliasChange[], runs: ExperimentRecord[], repoUrl: string | undefined): TimelineEntry[] {
  const byVersion = new Map<string, ExperimentRecord>();
  for (const e of runs) if (e.data.version !== undefined) byVersion.set(e.data.version, e);
  const target = (value: string | undefined): TargetView | undefined => {
    if (value === undefined) return undefined;
    const hit = byVersion.get(value) ?? runs.find((e) => e.id.startsWith(value.toLowerCase()));
    return hit ? { value, id: hit.id, label: hit.data.version ?? hit.id.slice(0, 10) } : { value, label: value };
  };
  return changes
    .map((c) => ({ ...commitView(c, repoUrl), anchor: `alias-${c.alias}-${c.commit.slice(0, 10)}`, alias: c.alias, from: target(c.from), to: target(c.to) }))
    .reverse();
}

/** For each alias set now, the timeline entry that set it to its current value (none if that change is not committed). */
export function aliasSince(timeline: TimelineEntry[], aliases: Record<string, string> | undefined): Map<string, TimelineEntry> {
  const out = new Map<string, TimelineEntry>();
  for (const [alias, value] of Object.entries(aliases ?? {})) {
    const entry = timeline.find((t) => t.alias === alias);
    if (entry && entry.to?.value === value) out.set(alias, entry);
  }
  return out;
}

const shown = (v: unknown): string | undefined => (v === undefined ? undefined : formatValue(v));

/** One experiment's history, newest first: its record's changes and the alias changes that pointed at it or away from it. */
export function experimentItems(events: RecordEvent[], timeline: TimelineEntry[], id: string, repoUrl: string | undefined): HistoryItem[] {
  const items: Array<HistoryItem & { order: number }> = events.map((ev, i) => ({
    ...commitView(ev, repoUrl),
    anchor: `change-${ev.commit.slice(0, 10)}`,
    title: ev.kind === "moved" ? `moved from ${ev.from?.replace(/^([^/]+)\/models\/([^/]+)\/.*$/, "$1/$2")}` : ev.kind,
    // The page shows the record as it is; creation lists nothing, later entries what changed.
    changes: ev.kind === "created" ? [] : ev.changes.map((f) => ({ field: f.field, before: shown(f.before), after: shown(f.after) })),
    order: i,
  }));
  for (const t of timeline) {
    const to = t.to?.id === id;
    if (!to && t.from?.id !== id) continue;
    const title = to ? `${t.alias} → this run${t.from ? ` (was ${t.from.label})` : ""}` : `${t.alias} moved away${t.to ? ` to ${t.to.label}` : " (removed)"}`;
    const { alias: _a, from: _f, to: _t, ...commit } = t;
    items.push({ ...commit, title, changes: [], order: events.length });
  }
  return items.sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || b.order - a.order).map(({ order: _, ...item }) => item);
}
