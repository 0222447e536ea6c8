// `modelreg import hf <card>.md` (issue #9): read the card, plan, write.

import { parseFrontMatter, readCardText, splitCard } from "../../hf/card.ts";
import { applyPlan, type ImportOptions, type ImportResult } from "../plan.ts";
import { planHfCard } from "./map.ts";

export interface HfImportOptions extends ImportOptions {
  card: string;
  project: string;
  model?: string;
}

export async function importHf(o: HfImportOptions): Promise<ImportResult> {
  const parsed = parseFrontMatter(o.card, splitCard(readCardText(o.card)));
  return applyPlan(planHfCard(parsed.value, { file: o.card, project: o.project, model: o.model }), o);
}
