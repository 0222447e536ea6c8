// A deterministic synthetic registry for tests and benchmarks, at the scales the
// registry is designed for: the same options always give byte-identical files.
// generate/ may import core/, schema/, yaml/ and inputs/ (.dependency-cruiser.mjs).
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { startWorker } from "../core/_threads.ts";
import { UsageError } from "../core/errors.ts";
import { stringifyRecord } from "../yaml/yaml.ts";
import { type Plan, type PlanOptions, planRegistry } from "./_plan.ts";
import { modelRecord, projectRecord } from "./_records.ts";
import { modelDir, SCHEMA, type Slice, writeExperiments } from "./_write.ts";

export interface GenerateOptions extends PlanOptions {
  /** A new or empty directory. */
  out: string;
}

export interface GenerateSummary {
  projects: number;
  models: number;
  experiments: number;
  files: number;
}

/** Below this many experiments a worker's start-up (about half a second) costs more than it saves. */
const PARALLEL_FROM = 2000;

export async function generateRegistry(opts: GenerateOptions): Promise<GenerateSummary> {
  checkOptions(opts);
  refuseNonEmpty(opts.out);
  const plan = planRegistry(opts);
  for (const p of plan.projects) {
    mkdirSync(join(opts.out, p.slug), { recursive: true });
    writeFileSync(join(opts.out, p.slug, "project.yaml"), stringifyRecord(projectRecord(plan.seed, p), SCHEMA.project), { flag: "wx" });
  }
  for (const m of plan.models) {
    mkdirSync(join(modelDir(opts.out, m), "experiments"), { recursive: true });
    writeFileSync(join(modelDir(opts.out, m), "model.yaml"), stringifyRecord(modelRecord(m), SCHEMA.model), { flag: "wx" });
  }
  await writeInParallel(opts, plan);
  const files = plan.projects.length + plan.models.length + opts.experiments;
  return { projects: plan.projects.length, models: plan.models.length, experiments: opts.experiments, files };
}

/**
 * Serialising YAML is the bottleneck (~0.35 ms a record), so large registries are
 * written by one thread per core, each owning a contiguous slice. Every record
 * comes from its own seeded stream, so the files do not depend on the split.
 */
async function writeInParallel(opts: GenerateOptions, plan: Plan): Promise<void> {
  const n = opts.experiments;
  const threads = n < PARALLEL_FROM ? 1 : Math.min(availableParallelism(), 8);
  const size = Math.ceil(n / threads);
  const workers = Array.from({ length: threads - 1 }, (_, k) =>
    writeInWorker({ out: opts.out, plan: opts, from: (k + 1) * size, to: Math.min(n, (k + 2) * size) }),
  );
  // The main thread writes the first slice itself while the workers run; the async
  // wrapper turns a throw into a rejection so Promise.all also handles the workers'.
  const own = (async () => writeExperiments(opts.out, plan, 0, Math.min(n, size)))();
  await Promise.all([own, ...workers]);
}

function writeInWorker(slice: Slice): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(new URL("./_worker.ts", import.meta.url), { workerData: slice });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => code === 0 || reject(new Error(`writing experiments ${slice.from}–${slice.to} stopped with exit code ${code}`)));
  });
}

function checkOptions(opts: GenerateOptions): void {
  if (typeof opts.out !== "string" || opts.out === "") {
    throw new UsageError("no output directory was given", "E_NO_OUT", "Pass the path of a new or empty directory, e.g. --out /tmp/registry-1k.");
  }
  const counts = { experiments: opts.experiments, projects: opts.projects, models: opts.models };
  for (const [name, value] of Object.entries(counts)) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      throw new UsageError(`--${name} is ${value}; it must be a whole number of at least 1`, "E_BAD_COUNT", `Pass e.g. --${name} 10.`);
    }
  }
  if (opts.seed !== undefined && !Number.isSafeInteger(opts.seed)) {
    throw new UsageError(`--seed is ${opts.seed}; it must be a whole number`, "E_BAD_SEED", "Pass e.g. --seed 42, or leave it out for the default seed 1.");
  }
}

/** Generating never overwrites anything: the output folder must be new or empty. */
function refuseNonEmpty(out: string): void {
  let entries: string[];
  try {
    entries = readdirSync(out);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return;
    if (code === "ENOTDIR") throw new UsageError(`${out} is a file, not a directory`, "E_OUT_NOT_DIR", "Pass the path of a new or empty directory.");
    throw err;
  }
  if (entries.length > 0) {
    throw new UsageError(
      `${out} is not empty (it holds ${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""})`,
      "E_OUT_NOT_EMPTY",
      `Pass a new or empty directory, or delete ${out} first; generate never overwrites files.`,
    );
  }
}
