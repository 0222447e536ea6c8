// A deterministic synthetic registry for tests and benchmarks (BRIEF.md "Scale
// we design for"): the same options always give byte-identical files.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { UsageError } from "./errors.ts";
import { stringifyRecord } from "./yaml.ts";
import { FAMILIES, PROJECTS, Rng, streamSeed } from "./_generate-data.ts";
import {
  DAY_MS, START_MS, experimentRecord, modelContext, modelRecord, projectRecord,
  type ModelContext, type ModelPlan, type ProjectPlan,
} from "./_generate-records.ts";

export interface GenerateOptions {
  out: string;
  experiments: number;
  /** Projects (default 4). */
  projects?: number;
  /** Models per project (default 3). */
  models?: number;
  seed?: number;
}

export interface GenerateSummary { projects: number; models: number; experiments: number; files: number }

/** The schemas folder sits beside the output folder (`<out>/../schemas`). */
const SCHEMA = {
  project: "../../schemas/project.schema.json",
  model: "../../../../schemas/model.schema.json",
  experiment: "../../../../../schemas/experiment.schema.json",
};
/** Below this many experiments a worker's start-up costs more than it saves. */
const PARALLEL_FROM = 2000;
/** About 1 run in 20 is a released version. */
const VERSION_RATE = 0.05;

export interface Plan {
  seed: number;
  projects: ProjectPlan[];
  models: ModelPlan[];
  /** Experiment index → model index. */
  modelOf: Uint32Array;
  versionOf: Map<number, string>;
}

/**
 * Decides which project and model each experiment belongs to and which runs
 * are versions. Cheap (no records are built), so it can be repeated anywhere.
 */
export function planRegistry(opts: GenerateOptions): Plan {
  const { experiments, seed = 1 } = opts;
  const rng = new Rng(streamSeed(seed, 0));
  // Tiny registries get fewer projects and models so that every model has a run.
  const projectCount = Math.min(opts.projects ?? 4, experiments);
  const modelsPer = Math.max(1, Math.min(opts.models ?? 3, Math.floor(experiments / projectCount)));
  const entries = rng.shuffle(PROJECTS);
  const projects: ProjectPlan[] = [];
  const models: ModelPlan[] = [];
  for (let p = 0; p < projectCount; p++) {
    const entry = entries[p % entries.length];
    // Projects a day apart, their models spread over that day, all before the first run.
    const createdMs = START_MS - (projectCount - p) * DAY_MS;
    const project = { index: p, slug: suffixed(entry.slug, p, entries.length), entry, createdMs };
    projects.push(project);
    const family = FAMILIES[entry.family];
    const kinds = rng.shuffle(family.models);
    for (let m = 0; m < modelsPer; m++) {
      const [slug, name, framework] = kinds[m % kinds.length];
      models.push({
        index: models.length, slug: suffixed(slug, m, kinds.length), name, framework, family, project,
        createdMs: createdMs + Math.floor(((m + 1) * DAY_MS) / (modelsPer + 1) / 1000) * 1000, versions: [],
      });
    }
  }
  // A seeded skew: some models get several times more runs than others, as in real teams.
  const weights = models.map(() => 0.3 + 3 * rng.next() ** 2);
  const cumulative = weights.map(((sum) => (w: number) => (sum += w))(0));
  const total = cumulative[cumulative.length - 1];
  const styles = models.map(() => rng.pick(["semver", "semver", "semver", "v", "calver"] as const));
  const modelOf = new Uint32Array(experiments);
  const versionOf = new Map<number, string>();
  for (let i = 0; i < experiments; i++) {
    const m = i < models.length ? i : bisect(cumulative, rng.next() * total);
    modelOf[i] = m;
    if (rng.chance(VERSION_RATE)) {
      const { versions } = models[m];
      const label = versionLabel(styles[m], versions.length);
      versions.push(label);
      versionOf.set(i, label);
    }
  }
  return { seed, projects, models, modelOf, versionOf };
}

/** Version labels are unique within a model because they come from its own counter. */
function versionLabel(style: "semver" | "v" | "calver", k: number): string {
  if (style === "v") return `v${k + 1}`;
  // Calendar versions like "2025.10" look like numbers: they exercise quoting.
  if (style === "calver") return `2025.${k + 1}`;
  return `${1 + Math.floor(k / 5)}.${k % 5}.0`;
}

function suffixed(slug: string, index: number, period: number): string {
  return index < period ? slug : `${slug}-${Math.floor(index / period) + 1}`;
}

/** The first index whose cumulative weight exceeds x. */
function bisect(cumulative: readonly number[], x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function modelDir(out: string, m: ModelPlan): string {
  return join(out, m.project.slug, "models", m.slug);
}

/** Writes experiments [from, to) of a plan; directories must exist. Returns how many it wrote. */
export function writeExperiments(out: string, plan: Plan, from: number, to: number): number {
  const contexts = new Map<number, ModelContext>();
  for (let i = from; i < to; i++) {
    const model = plan.models[plan.modelOf[i]];
    let context = contexts.get(model.index);
    if (!context) contexts.set(model.index, (context = modelContext(plan.seed, model)));
    const record = experimentRecord({ index: i, model, context, version: plan.versionOf.get(i), seed: plan.seed });
    // "wx": fail rather than overwrite, even if something appears in `out` meanwhile.
    writeFileSync(join(modelDir(out, model), "experiments", `${record.id}.yaml`), stringifyRecord(record, SCHEMA.experiment), { flag: "wx" });
  }
  return to - from;
}

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
  const threads = n < PARALLEL_FROM ? 1 : Math.max(1, Math.min(availableParallelism(), 8));
  const size = Math.ceil(n / threads);
  const workers = Array.from({ length: threads - 1 }, (_, t) => runWorker(opts, (t + 1) * size, Math.min(n, (t + 2) * size)));
  // The main thread writes the first slice itself while the workers run.
  writeExperiments(opts.out, plan, 0, Math.min(n, size));
  await Promise.all(workers);
}

function runWorker(opts: GenerateOptions, from: number, to: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./_generate-worker.ts", import.meta.url), { workerData: { opts, from, to } });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => code === 0 || reject(new Error(`a generate worker exited with code ${code}`)));
  });
}

function checkOptions(opts: GenerateOptions): void {
  const counts = { experiments: opts.experiments, projects: opts.projects ?? 1, models: opts.models ?? 1 };
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 1) {
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
