// A model's leaderboard (issue #6): runs grouped by their test data, so only
// runs measured on the same data are ranked together (domain/comparability.ts),
// ranked by the primary metric, paged so no page grows with the registry.
import { type TestData, testDataKey, testDataOf } from "../domain/comparability.ts";
import { flatten } from "../domain/diff.ts";
import { compareByMetric, type Goal, goalFor, isBetter } from "../domain/metric-goals.ts";
import type { ExperimentRecord } from "../registry/loader.ts";
import { downsample, type Point, type Series } from "./chart.ts";
import type { ModelView } from "./view.ts";

export const ROWS_PER_PAGE = 100;
const MAX_METRIC_COLUMNS = 8;
const MAX_PARAM_COLUMNS = 10;

export type GroupLabel = TestData;

export interface LeaderboardGroup {
  /** URL segment: `sha256-88c479bbc0be`, `uri-1a2b3c4d`, `no-test-data`. */
  slug: string;
  label: GroupLabel;
  /** Best first. */
  runs: ExperimentRecord[];
  pages: number;
}

export interface Column {
  kind: "metric" | "param";
  key: string;
  goal?: Goal;
}

export interface LeaderboardRow {
  rank: number;
  run: ExperimentRecord;
  aliases: string[];
  /** One cell per column; undefined where the run has no value. */
  cells: unknown[];
  /** Per column: this cell is the best value of its metric in the group. */
  best: boolean[];
}

const memo = new WeakMap<ModelView, LeaderboardGroup[]>();

/** Groups, the one holding the production run first, then the largest. Computed once per model. */
export function leaderboardGroups(model: ModelView): LeaderboardGroup[] {
  const known = memo.get(model);
  if (known) return known;
  const groups = groupRuns(model);
  memo.set(model, groups);
  return groups;
}

function groupRuns(model: ModelView): LeaderboardGroup[] {
  const groups = new Map<string, LeaderboardGroup>();
  for (const run of model.experiments) {
    const label = testDataOf(run.data);
    const slug = testDataKey(label);
    const group = groups.get(slug);
    if (group) group.runs.push(run);
    else groups.set(slug, { slug, label, runs: [run], pages: 1 });
  }
  const production = model.aliases.get("production");
  const cmp = model.primary ? compareByMetric(model.primary.name, model.primary.goal) : undefined;
  for (const g of groups.values()) {
    // Stable: runs without the metric keep newest-first order at the end.
    if (cmp) g.runs.sort(cmp);
    g.pages = Math.max(1, Math.ceil(g.runs.length / ROWS_PER_PAGE));
  }
  const holds = (g: LeaderboardGroup) => (production && g.runs.includes(production) ? 1 : 0);
  return [...groups.values()].sort((a, b) => holds(b) - holds(a) || b.runs.length - a.runs.length || a.slug.localeCompare(b.slug));
}

function byFrequency(counts: Map<string, number>): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}

export interface Columns {
  columns: Column[];
  /** Parameters with one value in every run of the group. */
  constants: Array<[string, unknown]>;
  /** Per column, the best value of a metric column in the whole group. */
  best: Array<number | undefined>;
}

const columnsMemo = new WeakMap<LeaderboardGroup, Columns>();

/** The primary metric, then the metrics most runs report, then the parameters that vary. Computed once per group. */
export function leaderboardColumns(model: ModelView, group: LeaderboardGroup): Columns {
  const known = columnsMemo.get(group);
  if (known) return known;
  const cols = columnsOf(model, group);
  columnsMemo.set(group, cols);
  return cols;
}

function columnsOf(model: ModelView, group: LeaderboardGroup): Columns {
  const metrics = new Map<string, number>();
  const params = new Map<string, Map<string, number>>();
  for (const run of group.runs) {
    for (const k of Object.keys(run.data.evaluations ?? {})) metrics.set(k, (metrics.get(k) ?? 0) + 1);
    for (const [k, v] of flatten(run.data.parameters)) {
      const values = params.get(k) ?? new Map<string, number>();
      const text = JSON.stringify(v);
      values.set(text, (values.get(text) ?? 0) + 1);
      params.set(k, values);
    }
  }
  const primary = model.primary;
  const metricKeys = byFrequency(metrics).filter((k) => k !== primary?.name);
  if (primary?.name) metricKeys.unshift(primary.name);
  const columns: Column[] = metricKeys
    .slice(0, MAX_METRIC_COLUMNS)
    .map((key) => ({ kind: "metric", key, goal: primary && key === primary.name ? primary.goal : goalFor(key) }));
  const varying = new Map<string, number>();
  const constants: Array<[string, unknown]> = [];
  for (const [k, values] of params) {
    const total = [...values.values()].reduce((a, b) => a + b, 0);
    if (values.size === 1 && total === group.runs.length) constants.push([k, JSON.parse([...values.keys()][0])]);
    else varying.set(k, values.size);
  }
  for (const key of byFrequency(varying).slice(0, MAX_PARAM_COLUMNS)) columns.push({ kind: "param", key });
  return { columns, constants, best: bestValues(group, columns) };
}

function bestValues(group: LeaderboardGroup, columns: Column[]): Array<number | undefined> {
  return columns.map((c) => {
    if (c.kind !== "metric") return undefined;
    let best: number | undefined;
    for (const run of group.runs) {
      const v = run.data.evaluations?.[c.key];
      if (v !== undefined && (best === undefined || (c.goal !== undefined && isBetter(v, best, c.goal)))) best = v;
    }
    return best;
  });
}

/** Rows of one page of a group. */
export function leaderboardRows(opts: { group: LeaderboardGroup; columns: Columns; page: number; aliasesOf: Map<string, string[]> }): LeaderboardRow[] {
  const { group, page } = opts;
  const { columns, best } = opts.columns;
  const start = (page - 1) * ROWS_PER_PAGE;
  return group.runs.slice(start, start + ROWS_PER_PAGE).map((run, i) => {
    const params = flatten(run.data.parameters);
    const cells = columns.map((c) => (c.kind === "metric" ? run.data.evaluations?.[c.key] : params.get(c.key)));
    return { rank: start + i + 1, run, aliases: opts.aliasesOf.get(run.id) ?? [], cells, best: cells.map((v, j) => v !== undefined && v === best[j]) };
  });
}

/** The primary metric over time: every run (at most 400 dots), the best so far, and the versions. */
export function leaderboardChart(group: LeaderboardGroup, metric: string, goal: Goal): Series[] {
  const points = group.runs
    .flatMap((r) => {
      const y = r.data.evaluations?.[metric];
      return y === undefined ? [] : [{ x: Date.parse(r.data.created), y, version: r.data.version }];
    })
    .sort((a, b) => a.x - b.x);
  const best: Point[] = [];
  for (const p of points) {
    const last = best[best.length - 1];
    if (!last || isBetter(p.y, last.y, goal)) best.push({ x: p.x, y: p.y });
  }
  if (best.length && points.length) best.push({ x: points[points.length - 1].x, y: best[best.length - 1].y });
  return [
    { label: "runs", style: "dots", points: downsample(points, 400) },
    { label: "best so far", style: "step", points: best },
    { label: "versions", style: "dots", points: points.filter((p) => p.version !== undefined) },
  ];
}
