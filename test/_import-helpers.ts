// Shared by the import and export tests: run `modelreg import …` in temp
// directories, read what it wrote, and find the acceptance data (real files
// from public repositories in ../shared/acceptance, never copied here).
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { TestContext } from "node:test";
import Database from "better-sqlite3";
import { parseYaml } from "../scripts/lib/yaml/yaml.ts";
import { type CliResult, cacheEnv, FIXTURES, runCli, SHARED, tempDir } from "./_helpers.ts";

export const IMPORT_FIXTURES = join(FIXTURES, "import");
const ACCEPTANCE = join(SHARED, "acceptance");
const LOCKS = join(tempDir("modelreg-import-locks-"), "locks");

/** An empty registry in a fresh temp dir: `{ root, registry }`. */
export function emptyRegistry(): { root: string; registry: string } {
  const root = tempDir("modelreg-import-");
  const registry = join(root, "registry");
  mkdirSync(registry);
  return { root, registry };
}

/** `modelreg ARGS` with a private lock directory and cache. */
export function cli(args: string[], cwd?: string): Promise<CliResult> {
  return runCli(args, { cwd, env: { MODELREG_LOCK_DIR: LOCKS, ...cacheEnv() } });
}

/** Every file under a directory with its bytes, to prove a failed import touched nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, "base64");
    }
  };
  walk(dir);
  return out;
}

/**
 * A record read back from disk, walked by the import tests as `value.code.commit`
 * and compared with deepEqual/equal against literal expectations, so a missing
 * key fails the assertion; typing it as the schema types would need a
 * non-null step per nested key in about 70 assertions.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above; one alias for every read-back record.
type ReadBack = Record<string, any>;

export interface Written {
  file: string;
  value: ReadBack;
}

/** The experiment records of a project (or of one model), parsed. */
export function experimentsOf(registry: string, project: string, model?: string): Written[] {
  const out: Written[] = [];
  const models = model ? [model] : existsSync(join(registry, project, "models")) ? readdirSync(join(registry, project, "models")).sort() : [];
  for (const m of models) {
    const dir = join(registry, project, "models", m, "experiments");
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) out.push({ file: join(dir, f), value: readYaml(join(dir, f)) });
  }
  return out;
}

export function readYaml(file: string): ReadBack {
  const parsed = parseYaml(readFileSync(file, "utf8"));
  assert.deepEqual(parsed.problems, [], `${file} parses`);
  return parsed.value as ReadBack;
}

/** The experiment imported from one source id. */
export function bySource(registry: string, project: string, id: string): ReadBack {
  const hit = experimentsOf(registry, project).find((e) => e.value.source?.id === id);
  assert.ok(hit, `an experiment with source id ${id}`);
  return hit.value;
}

export async function assertValid(registry: string): Promise<void> {
  const r = await cli(["validate", "--registry", registry, "--no-cache"]);
  assert.equal(r.code, 0, `modelreg validate:\n${r.stdout}${r.stderr}`);
}

/** A clear one-line user error: the exit code, no stack trace, and the text expected. */
export function assertUserError(r: CliResult, code: number, ...expected: string[]): void {
  assert.equal(r.code, code, `exit ${code} expected:\n${r.stdout}${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+/, "no stack trace");
  for (const e of expected) assert.ok(r.stderr.includes(e), `stderr should contain ${JSON.stringify(e)}:\n${r.stderr}`);
}

/** The path of an acceptance-data folder, or undefined after marking the test skipped. */
export function acceptance(t: TestContext, sub: string): string | undefined {
  const dir = join(ACCEPTANCE, sub);
  if (existsSync(dir)) return dir;
  t.skip(`${sub}: ../shared/acceptance not present`);
  return undefined;
}

/** The `--format json` report of an import. */
export function report(r: CliResult): {
  written: Array<{ kind: string; id: string; file: string; action: string }>;
  skipped: Array<{ what: string; why: string }>;
  notes: string[];
} {
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** An import that creates `experiments` experiments, leaves a valid registry, and adds nothing when run again. */
export async function assertImportsOnce(registry: string, runImport: () => Promise<CliResult>, experiments: number): Promise<void> {
  const first = report(await runImport());
  assert.equal(first.written.filter((w) => w.kind === "experiment").length, experiments);
  await assertValid(registry);
  assert.deepEqual(report(await runImport()).written, []);
}

/** The MLflow schema DDL files (test/fixtures/import/mlflow-sqlite-schema/<alembic revision>.sql). */
const MLFLOW_SCHEMA = join(IMPORT_FIXTURES, "mlflow-sqlite-schema");

/** A fresh `mlflow.db` in a temp dir: the schema of one Alembic revision, then each SQL file (or statement) in turn. */
export function mlflowDb(revision: string, ...sql: string[]): string {
  const file = join(tempDir("modelreg-mlflow-db-"), "mlflow.db");
  const db = new Database(file);
  db.exec(readFileSync(join(MLFLOW_SCHEMA, `${revision}.sql`), "utf8"));
  for (const s of sql) db.exec(existsSync(s) ? readFileSync(s, "utf8") : s);
  db.close();
  return file;
}
