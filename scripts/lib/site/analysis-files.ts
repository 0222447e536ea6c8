// The Analysis panel's files (issue #17): `analysis/<project>/<model>.json`,
// one per model, its test-data groups as the leaderboard groups them. The page
// fetches its model's file only when the panel is opened.
import { panelFile } from "../analysis/panel.ts";
import { goalFor } from "../domain/metric-goals.ts";
import { leaderboardGroups } from "./leaderboard.ts";
import type { SiteData } from "./view.ts";

/** The file's shape, for the panel's browser script (site/src may import site/ only). */
export type { PanelFile, PanelGroup } from "../analysis/panel.ts";

export const analysisPath = (modelKey: string): string => `analysis/${modelKey}.json`;

export function* analysisFiles(data: SiteData): Generator<{ path: string; body: string }> {
  for (const m of data.models) {
    if (m.experiments.length === 0) continue;
    const file = panelFile({ key: m.key, primary: m.primary, productionId: m.aliases.get("production")?.id, goalOf: goalFor }, leaderboardGroups(m));
    yield { path: analysisPath(m.key), body: `${JSON.stringify(file)}\n` };
  }
}
