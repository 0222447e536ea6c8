// The data an experiment page renders (issue #15): everything the page shows
// and nothing else, so its hash decides whether the page is rendered again.

import { defined } from "../../core/invariant.ts";
import { sameTestData } from "../../domain/comparability.ts";
import type { PrimaryMetric } from "../../domain/metric-goals.ts";
import type { ExperimentRecord } from "../../registry/loader.ts";
import type { ExperimentData } from "../../schema/types.ts";
import { type ChartGeometry, chartGeometry, downsample } from "../chart.ts";
import { fileUrls } from "../links.ts";
import { experimentItems, type HistoryItem } from "../timeline.ts";
import type { SiteData } from "../view.ts";

export interface ExperimentPage {
  id: string;
  project: string;
  model: string;
  title: string;
  modelName: string;
  projectName: string;
  /** The fields the page's HTML shows; the rest of the record is rendered from the API (record-details.ts). */
  data: Pick<ExperimentData, "created" | "version" | "status" | "description" | "evaluations">;
  aliases: string[];
  primary?: PrimaryMetric;
  /** The production run when it is another run: compare links to it. */
  production?: { id: string; label: string };
  /** Production's evaluations, shown beside this run's when both ran on the same test data. */
  productionEvaluations?: Record<string, number>;
  /** The record's file as the repository holds it (`registry/p/models/m/experiments/id.yaml`). */
  file: string;
  source?: { view: string; edit: string };
  curves: Array<{ name: string; points: number; geometry: ChartGeometry }>;
  /** The record's life from git (issue #16), newest first. */
  history: { items: HistoryItem[]; available: boolean; reason?: string };
}

export const runLabel = (e: ExperimentRecord): string => e.data.version ?? e.id.slice(0, 10);

export function experimentPage(site: SiteData, e: ExperimentRecord): ExperimentPage {
  const m = defined(site.modelsByKey.get(`${e.project}/${e.model}`), `the model of experiment ${e.id}`);
  const d = e.data;
  const production = m.aliases.get("production");
  const other = production && production !== e ? production : undefined;
  // Production's metrics are shown beside these only when the leaderboard would rank the two together.
  const comparable = other !== undefined && sameTestData(other.data, d);
  const file = `${site.meta.registryPath === "." ? "" : `${site.meta.registryPath}/`}${e.file}`;
  return {
    id: e.id,
    project: e.project,
    model: e.model,
    title: `${m.record.data.name} ${runLabel(e)}`,
    modelName: m.record.data.name,
    projectName: m.project.data.name,
    data: { created: d.created, version: d.version, status: d.status, description: d.description, evaluations: d.evaluations },
    aliases: site.aliasesOf.get(e.id) ?? [],
    ...(m.primary ? { primary: m.primary } : {}),
    ...(other ? { production: { id: other.id, label: other.data.version ?? other.id.slice(0, 8) } } : {}),
    ...(comparable ? { productionEvaluations: other.data.evaluations ?? {} } : {}),
    file,
    ...(site.meta.repoUrl ? { source: fileUrls(site.meta.repoUrl, site.meta.branch, file) } : {}),
    history: {
      items: experimentItems(site.recordHistory.get(e.id) ?? [], m.timeline ?? [], e.id, site.meta.repoUrl),
      available: site.history.available,
      ...(site.history.reason ? { reason: site.history.reason } : {}),
    },
    curves: Object.entries(d.history ?? {})
      .slice(0, 12)
      .map(([name, points]) => ({
        name,
        points: points.length,
        geometry: chartGeometry([{ label: name, style: "line", points: downsample(points, 200).map((p) => ({ x: p.step, y: p.value })) }], {
          width: 360,
          height: 170,
        }),
      })),
  };
}
