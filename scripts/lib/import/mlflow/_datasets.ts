// MLflow dataset inputs (MLflow 2.4+, `mlflow.log_input`) → the run's
// datasets (issue #18). The `mlflow.data.context` input tag says which role
// a dataset played; MLflow's digest (its own short content hash, not a
// sha256) is kept as the dataset's revision. A source that names no
// location (data built in code) is identified by MLflow's name and digest.

import { stripCredentials } from "../../git/provenance.ts";
import type { ExperimentData } from "../../schema/types.ts";
import type { Skip } from "../types.ts";
import type { RunDataset } from "./source.ts";

type Datasets = NonNullable<ExperimentData["datasets"]>;
type Role = keyof Datasets;

const ROLES: Record<string, Role> = {
  train: "training",
  training: "training",
  eval: "validation",
  evaluation: "validation",
  val: "validation",
  valid: "validation",
  validation: "validation",
  dev: "validation",
  test: "test",
  testing: "test",
  holdout: "test",
};

/** Where the source JSON says the data is (`uri`, `url`, `path`; Hugging Face paths as hf://datasets/…). */
function location(d: RunDataset): string | undefined {
  let source: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(d.source);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) source = parsed;
  } catch {
    return undefined;
  }
  for (const key of ["uri", "url", "path", "delta_table_name", "table_name"]) {
    const v = source[key];
    if (typeof v !== "string" || v.trim() === "") continue;
    return d.sourceType === "hf" && key === "path" && !v.includes("://") ? `hf://datasets/${v}` : v;
  }
  return undefined;
}

export function runDatasets(inputs: RunDataset[], label: string, skipped: Skip[]): Datasets | undefined {
  const out: Datasets = {};
  for (const d of inputs) {
    const what = `dataset "${d.name}" of ${label}`;
    const role = d.context ? ROLES[d.context.trim().toLowerCase()] : undefined;
    if (!role) {
      skipped.push({
        what,
        why: d.context
          ? `its mlflow.data.context "${d.context}" is not training, validation or test`
          : "it has no mlflow.data.context tag saying whether it is training, validation or test data",
      });
      continue;
    }
    const taken = out[role];
    if (taken) {
      skipped.push({ what, why: `the run has another ${role} dataset ("${taken.name}"); a run records one per role` });
      continue;
    }
    const where = location(d);
    const uri = where === undefined ? `mlflow-dataset:${d.name}@${d.digest}` : stripCredentials(where);
    if (!uri) {
      skipped.push({ what, why: "its source URI carries a secret that cannot be stripped" });
      continue;
    }
    out[role] = { uri, name: d.name.slice(0, 200), revision: d.digest.slice(0, 200), ...(d.rows !== undefined && { rows: d.rows }) };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
