// The Analysis panel's files (issue #17): `analysis/<project>/<model>.json`,
// one per model, its test-data groups as the leaderboard groups them. The page
// fetches its model's file only when the panel is opened.
import { panelFile } from "../analysis/panel.ts";
import { leaderboardGroups } from "./leaderboard.ts";
import { goalFor } from "./metrics.ts";
import type { SiteData } from "./view.ts";

export const analysisPath = (modelKey: string): string => `analysis/${modelKey}.json`;

export function* analysisFiles(data: SiteData): Generator<{ path: string; body: string }> {
  for (const m of data.models) {
    if (m.experiments.length === 0) continue;
    const file = panelFile({ key: m.key, primary: m.primary, productionId: m.aliases.get("production")?.id, goalOf: goalFor }, leaderboardGroups(m));
    yield { path: analysisPath(m.key), body: `${JSON.stringify(file)}\n` };
  }
}
