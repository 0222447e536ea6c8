// `modelreg import mlflow MLRUNS_DIR` (issue #9): read the file store, plan, write.
import { existsSync, statSync } from "node:fs";
import { UsageError } from "../../core/errors.ts";
import { applyPlan, type ImportOptions, type ImportResult } from "../plan.ts";
import { type ModelFrom, planMlflow } from "./map.ts";
import { readMlflowStore } from "./store.ts";

export interface MlflowImportOptions extends ImportOptions {
  store: string;
  project: string;
  modelFrom: ModelFrom;
  includeDeleted: boolean;
}

export async function importMlflow(o: MlflowImportOptions): Promise<ImportResult> {
  if (!existsSync(o.store) || !statSync(o.store).isDirectory()) {
    throw new UsageError(
      `${o.store} is not a directory`,
      "E_NO_INPUT",
      "Name the MLflow file store: the `mlruns` directory that holds one folder per experiment (`mlruns/0/meta.yaml`).",
    );
  }
  const store = readMlflowStore(o.store);
  if (store.experiments.length === 0 && store.problems.length === 0 && store.registered.length === 0) {
    throw new UsageError(
      `${o.store} is not an MLflow file store: no folder in it has a meta.yaml`,
      "E_NOT_MLFLOW",
      "Name the `mlruns` directory itself (it holds `0/meta.yaml` for the Default experiment), not its parent or one run.",
    );
  }
  return applyPlan(planMlflow(store, o), o);
}
