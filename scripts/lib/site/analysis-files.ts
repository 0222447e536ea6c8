// The Analysis panel's files (issue #17): `analysis/<project>/<model>.json`,
// one per model, its test-data groups as the leaderboard groups them. The page
// fetches its model's file only when the panel is opened.
import { createHash } from "node:crypto";
import { panelFile } from "../analysis/panel.ts";
import { goalFor } from "../domain/metric-goals.ts";
import type { DataFile } from "./incremental.ts";
import { leaderboardGroups } from "./leaderboard.ts";
import type { SiteData } from "./view.ts";

/** The file's shape, for the panel's browser script (site/src may import site/ only). */
export type { PanelFile, PanelGroup } from "../analysis/panel.ts";

export const analysisPath = (modelKey: string): string => `analysis/${modelKey}.json`;

/**
 * One file per model with runs. Its random forests are the costliest data of
 * the build, so each file names its inputs (the model's record, its runs'
 * records and its production run): an incremental build whose previous
 * output holds the file for the same inputs keeps it without training again.
 */
export function* analysisFiles(data: SiteData): Generator<DataFile> {
  for (const m of data.models) {
    if (m.experiments.length === 0) continue;
    const productionId = m.aliases.get("production")?.id;
    const inputs = createHash("sha256").update(JSON.stringify([m.key, productionId ?? null, m.record.data]));
    for (const e of m.experiments) inputs.update("\u0000").update(JSON.stringify(e.data));
    yield {
      path: analysisPath(m.key),
      inputs: inputs.digest("base64url"),
      body: () => `${JSON.stringify(panelFile({ key: m.key, primary: m.primary, productionId, goalOf: goalFor }, leaderboardGroups(m)))}\n`,
    };
  }
}
