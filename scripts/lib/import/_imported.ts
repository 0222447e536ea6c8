// What an earlier import already brought in: experiments of a project found by
// their `source` (system + id), so re-running an import adds nothing new.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { peekRecord } from "../registry/peek.ts";
import { type ExperimentLocation, listDir, listExperiments } from "../registry/refs.ts";
import type { ExperimentData } from "../schema/types.ts";
import type { SourceSystem } from "./types.ts";

export interface Imported extends ExperimentLocation {
  version?: string;
}

/** source id → the experiment that holds it. Only files that mention the system are parsed. */
export function importedBySource(registry: string, project: string, system: SourceSystem): Map<string, Imported> {
  const found = new Map<string, Imported>();
  for (const model of listDir(join(registry, project, "models"))) {
    for (const at of listExperiments(registry, { project, model })) {
      const text = readFileSync(join(registry, at.file), "utf8");
      if (!text.includes(`system: ${system}`)) continue;
      const record = peekRecord<ExperimentData>(join(registry, at.file), text);
      if (record?.source?.system === system) found.set(record.source.id, { ...at, version: record.version });
    }
  }
  return found;
}
