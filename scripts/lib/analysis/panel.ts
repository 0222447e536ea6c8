// The data of the site's Analysis panel (issue #17): one file per model, one
// entry per test-data group, columns rather than rows (one array per parameter
// and metric) so thousands of runs stay small. Built only from the model's
// runs, its primary metric and production alias, so the file changes only when they do.
import { groupParameters, type Importance, importanceFor, metricColumn, metricsOf, type RunGroup, type RunLike, type VariedParam } from "./analysis.ts";
import { sampleKey } from "./importance.ts";

const PANEL_FORMAT = 1;
/**
 * Runs one model's file draws at most, shared by its groups in proportion to
 * their size: about 45 bytes a run after gzip, so the file stays near 300 KB.
 * Importance and correlation still use every run.
 */
const MAX_PANEL_RUNS = 6000;
/** Of a sampled group, the best runs by the primary metric are always drawn. */
const KEEP_BEST = 100;

interface PanelMetric {
  key: string;
  goal: "maximize" | "minimize";
  count: number;
  values: Array<number | null>;
}

export interface PanelGroup {
  slug: string;
  /** Runs in the group; more than `ids.length` when the panel draws a sample. */
  total: number;
  /** Run ids, in the order of every column below. */
  ids: string[];
  /** Index → version label, for the runs that have one. */
  versions: Record<string, string>;
  params: VariedParam[];
  constants: Array<[string, unknown]>;
  skipped: Array<{ key: string; values: number }>;
  metrics: PanelMetric[];
  /** For the primary metric. */
  importance: Importance | null;
}

export interface PanelFile {
  format: typeof PANEL_FORMAT;
  model: string;
  primary: string | null;
  groups: PanelGroup[];
}

export interface PanelModel {
  key: string;
  primary?: { name: string; goal: "maximize" | "minimize" };
  productionId?: string;
  /** The goal of a metric that is not the primary one. */
  goalOf(metric: string): "maximize" | "minimize";
}

/**
 * The runs drawn: all of them, or the best, the production run and a sample
 * chosen by id (so one new run does not reshuffle the rest), in group order.
 */
function drawn(model: PanelModel, runs: readonly RunLike[], cap: number): RunLike[] {
  if (runs.length <= cap) return [...runs];
  const keep = new Set(runs.slice(0, Math.min(KEEP_BEST, cap)).map((r) => r.id));
  if (model.productionId && runs.some((r) => r.id === model.productionId)) keep.add(model.productionId);
  const rest = runs.filter((r) => !keep.has(r.id)).map((r) => ({ id: r.id, key: sampleKey(r.id) }));
  rest.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const r of rest.slice(0, Math.max(0, cap - keep.size))) keep.add(r.id);
  return runs.filter((r) => keep.has(r.id));
}

function panelGroup(model: PanelModel, group: RunGroup, cap = MAX_PANEL_RUNS): PanelGroup {
  const params = groupParameters(group.runs);
  const importance = model.primary ? importanceFor(group.runs, model.primary.name, params) : null;
  const runs = drawn(model, group.runs, cap);
  const shown = runs.length === group.runs.length ? params : groupParameters(runs);
  const versions: Record<string, string> = {};
  runs.forEach((r, i) => {
    if (r.data.version !== undefined) versions[i] = r.data.version;
  });
  const metrics = metricsOf(runs).map((key) => {
    const values = metricColumn(runs, key);
    const goal = key === model.primary?.name ? model.primary.goal : model.goalOf(key);
    return { key, goal, count: values.filter((v) => v !== null).length, values };
  });
  return {
    slug: group.slug,
    total: group.runs.length,
    ids: runs.map((r) => r.id),
    versions,
    params: shown.varied,
    constants: params.constants,
    skipped: params.skipped,
    metrics,
    importance,
  };
}

export function panelFile(model: PanelModel, groups: readonly RunGroup[]): PanelFile {
  const total = groups.reduce((n, g) => n + g.runs.length, 0);
  const cap = (g: RunGroup) => (total <= MAX_PANEL_RUNS ? g.runs.length : Math.max(1, Math.floor((MAX_PANEL_RUNS * g.runs.length) / total)));
  return { format: PANEL_FORMAT, model: model.key, primary: model.primary?.name ?? null, groups: groups.map((g) => panelGroup(model, g, cap(g))) };
}
