// Which projects and models a synthetic registry has, which model each
// experiment belongs to and which runs are versions (generate.ts).
import { DAY_MS, FAMILIES, type Family, PROJECTS, type ProjectEntry, Rng, START_MS, streamSeed } from "./_data.ts";

/** About 1 run in 20 is a released version. */
const VERSION_RATE = 0.05;

export interface ProjectPlan {
  index: number;
  slug: string;
  entry: ProjectEntry;
  createdMs: number;
}
export interface ModelPlan {
  index: number;
  slug: string;
  name: string;
  framework: string;
  family: Family;
  project: ProjectPlan;
  createdMs: number;
  /** Version labels in the order the experiments carrying them were created. */
  versions: string[];
}

/** What to plan: how many experiments, projects and models, and the seed every random choice derives from. */
export interface PlanOptions {
  experiments: number;
  /** Projects (default 4). */
  projects?: number;
  /** Models per project (default 3). */
  models?: number;
  /** Default 1. */
  seed?: number;
}

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
export function planRegistry(opts: PlanOptions): Plan {
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
        index: models.length,
        slug: suffixed(slug, m, kinds.length),
        name,
        framework,
        family,
        project,
        createdMs: createdMs + Math.floor(((m + 1) * DAY_MS) / (modelsPer + 1) / 1000) * 1000,
        versions: [],
      });
    }
  }
  // A seeded skew: some models get up to ten times more runs than others, as in real teams.
  let total = 0;
  const cumulative = models.map(() => (total += 0.3 + 3 * rng.next() ** 2));
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
