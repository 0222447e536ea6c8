// The data a leaderboard page renders (issue #15): one page of one test-data
// group of a model, its rows already reduced to the text each cell shows.

import type { PrimaryMetric } from "../../domain/metric-goals.ts";
import { type ChartGeometry, chartGeometry } from "../chart.ts";
import { formatDate } from "../format.ts";
import {
  type Column,
  type GroupLabel,
  type LeaderboardGroup,
  leaderboardChart,
  leaderboardColumns,
  leaderboardGroups,
  leaderboardRows,
  ROWS_PER_PAGE,
} from "../leaderboard.ts";
import { valueView } from "../links.ts";
import type { TimelineEntry } from "../timeline.ts";
import type { ModelView, SiteData } from "../view.ts";
import { runLabel } from "./experiment.ts";

interface LeaderboardCell {
  text: string;
  /** The sort key when it differs from the text (a rounded number, a long id). */
  v?: string | number;
  title?: string;
  best?: true;
}

export interface LeaderboardPage {
  project: string;
  projectName: string;
  model: string;
  name: string;
  description?: string;
  task?: string;
  runs: number;
  primary?: PrimaryMetric;
  aliases: Array<{ alias: string; id: string; label: string }>;
  groups: Array<{ name: string; slug: string; runs: number; path: string[] }>;
  group: number;
  page: number;
  pages: number;
  /** The group's runs; 0 when the model has none. */
  total: number;
  /** `uri` when the group's runs name a test dataset but no fingerprint. */
  basis?: GroupLabel["basis"];
  columns: Column[];
  constants: Array<[string, unknown]>;
  chart?: ChartGeometry;
  /** The model's alias changes from git (issue #16), on the model's first page only. */
  timeline?: { entries: TimelineEntry[]; available: boolean; reason?: string };
  rows: Array<{
    rank: number;
    id: string;
    label: string;
    aliases: string[];
    status?: string;
    best: boolean;
    cells: LeaderboardCell[];
    created: string;
    date: string;
  }>;
}

const groupName = (g: GroupLabel) =>
  g.basis === "none" ? "no test dataset" : `${g.uri ?? ""}${g.fingerprint ? ` · ${g.basis} ${g.fingerprint.slice(0, 8)}` : " · not fingerprinted"}`;

/** Path segments under the model's URL: none for the first page of the first group. */
export function leaderboardPath(groupSlug: string, group: number, page: number): string[] {
  return group === 0 && page === 1 ? [] : page === 1 ? [groupSlug] : [groupSlug, String(page)];
}

function cell(value: unknown, best: boolean): LeaderboardCell {
  const view = valueView(value);
  const out: LeaderboardCell = { text: view.text };
  if (typeof value === "number" ? String(value) !== view.text : false) out.v = value as number;
  if (view.title) out.title = view.title;
  if (best) out.best = true;
  return out;
}

// Every page of a group shows the group's chart: made once per group, not once per page (a group at 100k has ~80 pages).
const charts = new WeakMap<LeaderboardGroup, ChartGeometry>();
function groupChart(group: LeaderboardGroup, primary: PrimaryMetric): ChartGeometry {
  let chart = charts.get(group);
  if (!chart) {
    chart = chartGeometry(leaderboardChart(group, primary.name, primary.goal), { time: true, height: 200 });
    charts.set(group, chart);
  }
  return chart;
}

export function leaderboardPage(site: SiteData, m: ModelView, groupIndex: number, page: number): LeaderboardPage {
  const groups = leaderboardGroups(m);
  const group = groups[groupIndex];
  const cols = group ? leaderboardColumns(m, group) : { columns: [], constants: [], best: [] };
  const rows = group ? leaderboardRows({ group, columns: cols, page, aliasesOf: site.aliasesOf }) : [];
  const d = m.record.data;
  return {
    project: m.project.project,
    projectName: m.project.data.name,
    model: m.record.model,
    name: d.name,
    ...(d.description ? { description: d.description } : {}),
    ...(d.task ? { task: d.task } : {}),
    runs: m.experiments.length,
    ...(m.primary ? { primary: m.primary } : {}),
    aliases: [...m.aliases].map(([alias, run]) => ({ alias, id: run.id, label: runLabel(run) })),
    groups: groups.map((g, i) => ({ name: groupName(g.label), slug: g.slug, runs: g.runs.length, path: leaderboardPath(g.slug, i, 1) })),
    group: groupIndex,
    page,
    pages: group?.pages ?? 1,
    total: group?.runs.length ?? 0,
    ...(group ? { basis: group.label.basis } : {}),
    columns: cols.columns,
    constants: cols.constants,
    ...(groupIndex === 0 && page === 1
      ? { timeline: { entries: m.timeline ?? [], available: site.history.available, ...(site.history.reason ? { reason: site.history.reason } : {}) } }
      : {}),
    ...(group && m.primary ? { chart: groupChart(group, m.primary) } : {}),
    rows: rows.map((r) => ({
      rank: r.rank,
      id: r.run.id,
      label: runLabel(r.run),
      aliases: r.aliases,
      ...(r.run.data.status && r.run.data.status !== "finished" ? { status: r.run.data.status } : {}),
      best: r.rank === 1 && m.primary !== undefined && r.cells[0] !== undefined,
      cells: r.cells.map((v, j) => cell(v, r.best[j])),
      created: r.run.data.created,
      date: formatDate(r.run.data.created),
    })),
  };
}

/** Every page of a model: each group's pages, the first group's first page at the model's URL. */
export function* leaderboardPages(m: ModelView): Generator<{ group: number; page: number; path: string[] }> {
  const groups = leaderboardGroups(m);
  if (groups.length === 0) yield { group: 0, page: 1, path: [] };
  for (let i = 0; i < groups.length; i++) {
    for (let page = 1; page <= groups[i].pages; page++) yield { group: i, page, path: leaderboardPath(groups[i].slug, i, page) };
  }
}

export { ROWS_PER_PAGE };
