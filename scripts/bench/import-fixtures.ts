// Synthetic sources for the import benchmark (issue #18): an `mlflow.db` in
// the real MLflow schema (the DDL the tests use, dumped from an acceptance
// database at Alembic revision bda7b8c39065) with N runs of 30 params and 8
// metrics × 100 steps, and N W&B run directories. Deterministic: a seeded
// generator, fixed start times.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const SCHEMA = fileURLToPath(new URL("../../test/fixtures/import/mlflow-sqlite-schema/bda7b8c39065.sql", import.meta.url));
export const PARAMS = 30;
export const METRICS = 8;
export const STEPS = 100;
const T0 = 1_700_000_000_000;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const runId = (i: number) => i.toString(16).padStart(32, "0");

export function generateMlflowDb(file: string, runs: number): void {
  const db = new Database(file);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.exec(readFileSync(SCHEMA, "utf8"));
  const rand = rng(runs);
  const run = db.prepare(
    "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id) VALUES (?, ?, 'LOCAL', 'train.py', '', 'bench', 'FINISHED', ?, ?, '', 'active', ?, ?)",
  );
  const param = db.prepare("INSERT INTO params (key, value, run_uuid) VALUES (?, ?, ?)");
  const metric = db.prepare("INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, ?, 0)");
  const tag = db.prepare("INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?)");
  db.transaction(() => {
    for (let e = 1; e <= 10; e++)
      db.prepare("INSERT INTO experiments VALUES (?, ?, ?, 'active', ?, ?)").run(e, `experiment-${e}`, `file:///mlruns/${e}`, T0, T0);
    for (let i = 0; i < runs; i++) {
      const id = runId(i);
      const start = T0 + i * 60_000;
      run.run(id, `run-${i}`, start, start + 50_000, `file:///mlruns/${(i % 10) + 1}/${id}/artifacts`, (i % 10) + 1);
      for (let p = 0; p < PARAMS; p++) param.run(`param_${p}`, p % 3 === 0 ? `choice-${Math.floor(rand() * 5)}` : String(Math.round(rand() * 1e6) / 1e6), id);
      for (let m = 0; m < METRICS; m++)
        for (let step = 0; step < STEPS; step++) metric.run(`metric_${m}`, Math.round(rand() * 1e6) / 1e6, start + step * 500, id, step);
      tag.run("mlflow.runName", `run-${i}`, id);
      tag.run("mlflow.source.git.commit", (i * 7919).toString(16).padStart(40, "a"), id);
    }
  })();
  db.exec("INSERT OR IGNORE INTO latest_metrics SELECT key, value, timestamp, step, is_nan, run_uuid FROM metrics WHERE step = 99");
  db.close();
}

export function generateWandbDirs(dir: string, runs: number): void {
  const rand = rng(runs + 1);
  for (let i = 0; i < runs; i++) {
    const id = `r${i.toString(36).padStart(7, "0")}`;
    const files = join(dir, `run-20240101_${String(Math.floor(i / 60) % 24).padStart(2, "0")}${String(i % 60).padStart(2, "0")}00-${id}`, "files");
    mkdirSync(files, { recursive: true });
    const config = ["wandb_version: 1", "_wandb:", "  value:", "    cli_version: 0.16.1"];
    for (let p = 0; p < PARAMS; p++) config.push(`param_${p}:`, "  desc: null", `  value: ${Math.round(rand() * 1e6) / 1e6}`);
    writeFileSync(join(files, "config.yaml"), `${config.join("\n")}\n`);
    const summary: Record<string, unknown> = { _step: STEPS - 1, _runtime: 50, _timestamp: 1704067200 + i };
    for (let m = 0; m < METRICS; m++) summary[`metric_${m}`] = Math.round(rand() * 1e6) / 1e6;
    writeFileSync(join(files, "wandb-summary.json"), JSON.stringify(summary));
    const meta = {
      os: "Linux-6.5.0-x86_64",
      python: "3.11.6",
      startedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      program: "train.py",
      gpu: "NVIDIA A100",
      gpu_count: 1,
    };
    writeFileSync(
      join(files, "wandb-metadata.json"),
      JSON.stringify({ ...meta, git: { remote: "https://github.com/acme/bench.git", commit: "a".repeat(40) } }),
    );
    writeFileSync(join(files, "requirements.txt"), "torch==2.1.2\nwandb==0.16.1\n");
  }
}
