// The data of the site's Analysis panel (issue #17): one file per model, one
// entry per test-data group, columns rather than rows (one array per parameter
// and metric) so 8,000 runs stay small. Built only from the model's runs and
// its primary metric, so the file changes only when they do.
import { groupParameters, type Importance, importanceFor, metricColumn, metricsOf, type RunGroup, type VariedParam } from "./analysis.ts";

export const PANEL_FORMAT = 1;

export interface PanelMetric {
  key: string;
  goal: "maximize" | "minimize";
  count: number;
  values: Array<number | null>;
}

export interface PanelGroup {
  slug: string;
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
  /** The goal of a metric that is not the primary one. */
  goalOf(metric: string): "maximize" | "minimize";
}

export function panelGroup(model: PanelModel, group: RunGroup): PanelGroup {
  const params = groupParameters(group.runs);
  const versions: Record<string, string> = {};
  group.runs.forEach((r, i) => {
    if (r.data.version !== undefined) versions[i] = r.data.version;
  });
  const metrics = metricsOf(group.runs).map((key) => {
    const values = metricColumn(group.runs, key);
    const goal = key === model.primary?.name ? model.primary.goal : model.goalOf(key);
    return { key, goal, count: values.filter((v) => v !== null).length, values };
  });
  const primary = model.primary?.name;
  return {
    slug: group.slug,
    ids: group.runs.map((r) => r.id),
    versions,
    params: params.varied,
    constants: params.constants,
    skipped: params.skipped,
    metrics,
    importance: primary ? importanceFor(group.runs, primary, params) : null,
  };
}

export function panelFile(model: PanelModel, groups: readonly RunGroup[]): PanelFile {
  return { format: PANEL_FORMAT, model: model.key, primary: model.primary?.name ?? null, groups: groups.map((g) => panelGroup(model, g)) };
}
