// `modelreg import mlflow <mlruns-dir | mlflow.db | sqlite:///path>` (issue
// #9, #18): read the file store (store.ts) or the SQLite store (sqlite.ts)
// into one shape (source.ts), plan with the same mapping (map.ts), write.
// Owns: MLflow's stores. May import: core, git (credential stripping), yaml,
// schema types, better-sqlite3 and the shared import code at import/.
import { existsSync, statSync } from "node:fs";
import { UsageError } from "../../core/errors.ts";
import { applyPlan, type ImportOptions, type ImportResult } from "../plan.ts";
import { type ModelFrom, planMlflow } from "./map.ts";
import type { MlflowStore } from "./source.ts";
import { readSqliteStore } from "./sqlite.ts";
import { readMlflowStore } from "./store.ts";

export interface MlflowImportOptions extends ImportOptions {
  store: string;
  project: string;
  modelFrom: ModelFrom;
  includeDeleted: boolean;
}

/** SQLAlchemy's form: `sqlite:///relative/path`, `sqlite:////absolute/path`. */
function sqlitePath(uri: string): string | undefined {
  const m = /^sqlite:\/\/\/(.+)$/.exec(uri);
  return m ? m[1] : undefined;
}

function readFileStore(dir: string): MlflowStore {
  const store = readMlflowStore(dir);
  if (store.experiments.length === 0 && store.problems.length === 0 && store.registered.length === 0) {
    throw new UsageError(
      `${dir} is not an MLflow file store: no folder in it has a meta.yaml`,
      "E_NOT_MLFLOW",
      "Name the `mlruns` directory itself (it holds `0/meta.yaml` for the Default experiment), not its parent or one run.",
    );
  }
  return store;
}

export async function importMlflow(o: MlflowImportOptions): Promise<ImportResult> {
  if (o.store.startsWith("sqlite:") && !sqlitePath(o.store)) {
    throw new UsageError(
      `"${o.store}" is not an SQLite store URI`,
      "E_BAD_FLAG",
      "Write `sqlite:///mlflow.db` (relative) or `sqlite:////abs/path/mlflow.db`, or just the file's path.",
    );
  }
  const path = sqlitePath(o.store) ?? o.store;
  if (!existsSync(path)) {
    throw new UsageError(
      `${path} does not exist`,
      "E_NO_INPUT",
      "Name the MLflow store: the `mlruns` directory of a file store (`mlruns/0/meta.yaml`), or the SQLite database (`mlflow.db`, as in MLFLOW_TRACKING_URI=sqlite:///mlflow.db).",
    );
  }
  const store = statSync(path).isDirectory() ? readFileStore(path) : readSqliteStore(path);
  return applyPlan(planMlflow(store, o), o);
}
