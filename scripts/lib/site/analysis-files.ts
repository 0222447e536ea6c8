// The Analysis panel's files (issue #17): `analysis/<project>/<model>.json`,
// one per model, its test-data groups as the leaderboard groups them. The page
// fetches its model's file only when the panel is opened.
import { createHash } from "node:crypto";
import { panelFile } from "../analysis/panel.ts";
import { goalFor } from "../domain/metric-goals.ts";
import type { LazyDataFile } from "./incremental.ts";
import { leaderboardGroups } from "./leaderboard.ts";
import { modelInputs, runsInputs } from "./pages/inputs.ts";
import type { ModelView, SiteData } from "./view.ts";

/** The file's shape, for the panel's browser script (site/src may import site/ only). */
export type { PanelFile, PanelGroup } from "../analysis/panel.ts";

export const analysisPath = (modelKey: string): string => `analysis/${modelKey}.json`;

/** The records' version tokens when the loader knows them (pages/inputs.ts), else the records themselves. */
function panelInputs(data: SiteData, m: ModelView, productionId: string | undefined): string {
  const model = modelInputs(data, m);
  const runs = runsInputs(data, m);
  if (model !== undefined && runs !== undefined) return JSON.stringify(["tokens", model, runs, productionId ?? null]);
  const h = createHash("sha256").update(JSON.stringify([m.key, productionId ?? null, m.record.data]));
  for (const e of m.experiments) h.update("\u0000").update(JSON.stringify(e.data));
  return h.digest("base64url");
}

/**
 * One file per model with runs. Its random forests are the costliest data of
 * the build, so each file names its inputs (the model's record, its runs'
 * records and its production run): an incremental build whose previous
 * output holds the file for the same inputs keeps it without training again.
 */
export function* analysisFiles(data: SiteData): Generator<LazyDataFile> {
  for (const m of data.models) {
    if (m.experiments.length === 0) continue;
    const productionId = m.aliases.get("production")?.id;
    yield {
      path: analysisPath(m.key),
      inputs: panelInputs(data, m, productionId),
      body: () => `${JSON.stringify(panelFile({ key: m.key, primary: m.primary, productionId, goalOf: goalFor }, leaderboardGroups(m)))}\n`,
    };
  }
}
