// Finding the one experiment a reference names, for show, resolve and diff.
import { DataError } from "../core/errors.ts";
import { parseRef, type Ref } from "../core/ref.ts";
import { formatText } from "../rules/format-diagnostics.ts";
import { type ExperimentRow, readExperiment } from "./read.ts";
import { type ExperimentLocation, findExperimentById, resolveSelector } from "./refs.ts";

export interface ResolvedExperiment extends ExperimentRow {
  /** How the reference found it. */
  via: "version" | "alias" | "id";
  alias?: string;
}

export function experimentFromRef(registry: string, ref: Ref | string): ResolvedExperiment {
  const r = typeof ref === "string" ? parseRef(ref) : ref;
  let at: ExperimentLocation & { via: "version" | "alias" | "id"; alias?: string };
  if (r.kind === "id") at = { ...findExperimentById(registry, r.prefix), via: "id" as const };
  else if (r.kind === "experiment") at = resolveSelector(registry, r.project, r.model, r.selector);
  else
    throw new DataError(
      `"${typeof ref === "string" ? ref : r.project}" names a ${r.kind}, not an experiment`,
      "E_NOT_EXPERIMENT",
      "Name an experiment: its id (or a unique prefix), or `project/model@version|alias`.",
    );
  const row = readExperiment(registry, at);
  if ("skipped" in row) {
    throw new DataError(
      `${at.file} is not a valid experiment file`,
      "E_INVALID",
      formatText({ valid: false, checked: 1, diagnostics: row.skipped, registry }, false).trim(),
    );
  }
  return { ...row, via: at.via, alias: "alias" in at ? at.alias : undefined };
}
