// Opening MLflow's SQLite backend store (`mlflow.db`, issue #18) with
// better-sqlite3, read-only: the file is never written, not even a journal.
// better-sqlite3 rather than sql.js: sql.js loads the whole file into memory
// (a 10k-run store with 8M metric rows would blow the memory budget) and
// cannot see another process's lock. Every way the file can be wrong — not
// SQLite, truncated, corrupt, locked by a writer, SQLite but not MLflow, an
// MLflow schema without the tables we read — becomes a DataError naming the
// file and what to do.
import { closeSync, openSync, readSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { DataError } from "../../core/errors.ts";

export type Db = Database.Database;

/** Alembic revisions of MLflow's tracking schema this reader was tested on (the acceptance databases and our fixtures). */
const TESTED_REVISIONS = new Set(["bd07f7e963c5", "a8c4a736bde6", "0584bdc529eb", "5b0e9adcef9c", "bda7b8c39065", "b7e4c1a90f23"]);

/** Tables and columns the import cannot do without; everything else is read when present. */
const REQUIRED: Record<string, string[]> = {
  experiments: ["experiment_id", "name"],
  runs: ["run_uuid", "experiment_id"],
  params: ["key", "value", "run_uuid"],
  tags: ["key", "value", "run_uuid"],
  metrics: ["key", "value", "timestamp", "run_uuid"],
};

const HINT_COPY = 'Import a copy made while nothing writes to it: `sqlite3 mlflow.db ".backup mlflow-copy.db"`.';

/** Why a file is not a whole SQLite database, from its 100-byte header, or undefined. */
function headerProblem(file: string): string | undefined {
  const size = statSync(file).size;
  const header = Buffer.alloc(100);
  const fd = openSync(file, "r");
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || header.toString("latin1", 0, 16) !== "SQLite format 3\0") return "it is not an SQLite database (it does not start with `SQLite format 3`)";
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  // The page count in the header is valid when the change counter matches "version-valid-for" (SQLite file format §1.3.8).
  if (pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92) && size < pages * pageSize)
    return `it is truncated: its header says ${pages * pageSize} bytes, the file has ${size}`;
  return undefined;
}

const RESTORE = "Restore it from a backup or from git (a partial copy or download cuts it short), then import again. Nothing was written.";

/** A better-sqlite3 error → what a person can act on. */
export function sqliteError(file: string, err: unknown): DataError {
  if (err instanceof DataError) return err;
  const code = (err as { code?: string }).code ?? "";
  const message = err instanceof Error ? err.message : String(err);
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
    return new DataError(
      `${file} is locked by another process (an MLflow server or a training run is writing to it)`,
      "E_SOURCE_LOCKED",
      `Wait until it finishes or stop it, then import again; or ${HINT_COPY.charAt(0).toLowerCase()}${HINT_COPY.slice(1)} Nothing was written.`,
    );
  if (code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB"))
    return new DataError(
      `${file} is a damaged SQLite database: ${message}`,
      "E_BAD_SOURCE",
      'Restore it from a backup or from git, or try `sqlite3 mlflow.db ".recover" | sqlite3 recovered.db` and import recovered.db. Nothing was written.',
    );
  return new DataError(
    `${file} could not be read: ${message}`,
    "E_BAD_SOURCE",
    "Check that the file is an MLflow database and that you can read it. Nothing was written.",
  );
}

function columns(db: Db, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name));
}

export interface OpenStore {
  db: Db;
  revision: string;
  /** table → its columns, for the tables that exist. */
  tables: Map<string, Set<string>>;
  notes: string[];
}

/** Opens the store read-only and checks that it is MLflow's; the caller closes `db`. */
export function openMlflowDb(file: string): OpenStore {
  const bad = headerProblem(file);
  if (bad)
    throw new DataError(
      `${file}: ${bad}`,
      "E_BAD_SOURCE",
      bad.startsWith("it is truncated")
        ? RESTORE
        : "Name MLflow's database file (the path after `sqlite:///` in MLFLOW_TRACKING_URI, usually mlflow.db), or the mlruns directory of a file store. Nothing was written.",
    );
  let db: Db | undefined;
  try {
    // A short busy timeout: a writer holding the lock is reported, not waited on for long.
    const opened = new Database(file, { readonly: true, fileMustExist: true, timeout: 1000 });
    db = opened;
    const names = (opened.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
    const tables = new Map(names.map((n) => [n, columns(opened, n)]));
    if (!tables.has("alembic_version") || !tables.has("runs"))
      throw new DataError(
        `${file} is an SQLite database but not an MLflow tracking store: it has no ${tables.has("runs") ? "alembic_version" : "runs"} table`,
        "E_NOT_MLFLOW",
        "Name the database MLflow writes (MLFLOW_TRACKING_URI=sqlite:///mlflow.db, or `mlflow server --backend-store-uri`). Nothing was written.",
      );
    const revision = String((opened.prepare("SELECT version_num FROM alembic_version").get() as { version_num?: unknown } | undefined)?.version_num ?? "");
    const missing = Object.entries(REQUIRED).flatMap(([t, cols]) =>
      !tables.has(t) ? [`table ${t}`] : cols.filter((c) => !tables.get(t)?.has(c)).map((c) => `column ${t}.${c}`),
    );
    if (missing.length > 0)
      throw new DataError(
        `${file} has MLflow schema revision ${revision || "(none)"}, which this importer cannot read: it lacks ${missing.join(", ")}`,
        "E_MLFLOW_SCHEMA",
        "Upgrade the database with `mlflow db upgrade sqlite:///mlflow.db` (on a copy), then import the copy; if it is already current, report the revision. Nothing was written.",
      );
    const notes = TESTED_REVISIONS.has(revision)
      ? []
      : [
          `${file} has MLflow schema revision ${revision || "(none)"}, which this importer was not tested on; it was read because the tables it needs are there`,
        ];
    return { db: opened, revision, tables, notes };
  } catch (err) {
    db?.close();
    throw sqliteError(file, err);
  }
}
