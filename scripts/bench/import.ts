// The import benchmark (issue #18, "Targets"): `modelreg import mlflow` on a
// generated mlflow.db and `modelreg import wandb` on generated run
// directories (import-fixtures.ts), each at two sizes to show how cost grows,
// each import in its own process (wall time and peak RSS from sample.ts).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { generateMlflowDb, generateWandbDirs, METRICS, PARAMS, STEPS } from "./import-fixtures.ts";
import { measure, type Sample } from "./sample.ts";

export interface ImportRow {
  source: "mlflow" | "wandb";
  runs: number;
  sample: Sample;
  target: string;
  met: boolean;
}

/** The targets: 10,000 MLflow runs in ≤ 30 s at ≤ 1 GB; 1,000 W&B runs in ≤ 10 s. */
function judged(source: ImportRow["source"], runs: number, sample: Sample): ImportRow {
  if (source === "mlflow" && runs === 10_000) return { source, runs, sample, target: "≤ 30 s, ≤ 1 GB", met: sample.wallS <= 30 && sample.rssMb <= 1024 };
  if (source === "wandb" && runs === 1_000) return { source, runs, sample, target: "≤ 10 s", met: sample.wallS <= 10 };
  return { source, runs, sample, target: "—", met: true };
}

async function importOnce(source: ImportRow["source"], input: string, dir: string): Promise<Sample> {
  const registry = join(dir, `registry-${source}`);
  mkdirSync(registry);
  // MLflow runs go to the model their experiment names; W&B runs to the model named here.
  const model = source === "wandb" ? ["--model", "bench"] : [];
  const sample = await measure(["cli", "import", source, input, "--project", "bench", ...model, "--registry", registry, "--format", "json"]);
  if (sample.code !== 0) throw new Error(`import ${source} of ${input} failed with exit code ${sample.code}:\n${sample.stdout.slice(0, 2000)}`);
  return sample;
}

export async function benchImport(mlflowSizes: number[], wandbSizes: number[]): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for (const runs of mlflowSizes) {
    const dir = mkdtempSync(join(tmpdir(), `modelreg-bench-import-${runs}-`));
    try {
      process.stderr.write(`[import mlflow ${runs}] generating mlflow.db…\n`);
      const db = join(dir, "mlflow.db");
      generateMlflowDb(db, runs);
      process.stderr.write(`[import mlflow ${runs}] importing…\n`);
      rows.push(judged("mlflow", runs, await importOnce("mlflow", db, dir)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const runs of wandbSizes) {
    const dir = mkdtempSync(join(tmpdir(), `modelreg-bench-wandb-${runs}-`));
    try {
      process.stderr.write(`[import wandb ${runs}] generating run directories…\n`);
      generateWandbDirs(join(dir, "wandb"), runs);
      process.stderr.write(`[import wandb ${runs}] importing…\n`);
      rows.push(judged("wandb", runs, await importOnce("wandb", join(dir, "wandb"), dir)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

/** Milliseconds per run at each size, so linear growth (a flat number) is visible. */
function perRun(rows: ImportRow[]): string {
  const of = (source: ImportRow["source"]) =>
    rows
      .filter((r) => r.source === source)
      .map((r) => `${r.runs.toLocaleString("en")}: ${((r.sample.wallS * 1000) / r.runs).toFixed(1)} ms`)
      .join(", ");
  return (["mlflow", "wandb"] as const)
    .filter((source) => rows.some((r) => r.source === source))
    .map((source) => `${source}: ${of(source)}`)
    .join("; ");
}

export function importReport(rows: ImportRow[]): string {
  const lines = [
    `\n## import — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end (a shared machine stretches wall time)\n`,
    `Wall-clock time and peak RSS of \`modelreg import mlflow mlflow.db\` (a generated store in MLflow's real schema, Alembic bda7b8c39065: runs with ${PARAMS} params and ${METRICS} metrics × ${STEPS} steps) and \`modelreg import wandb\` (generated run directories with ${PARAMS} config keys and ${METRICS} summary metrics), into an empty registry, one run per size.\n`,
    "| source | runs | time (s) | peak RSS (MB) | target | met |",
    "|---|---:|---:|---:|---|:-:|",
    ...rows.map(
      (r) =>
        `| ${r.source} | ${r.runs.toLocaleString("en")} | ${r.sample.wallS.toFixed(1)} | ${r.sample.rssMb.toFixed(0)} | ${r.target} | ${r.target === "—" ? "—" : r.met ? "✔" : "✖"} |`,
    ),
    "",
    `Time per run — ${perRun(rows)}.\n`,
  ];
  return lines.join("\n");
}
