// Builds the records of the synthetic registry (generate.ts). Each builder takes
// its own seeded stream, so a record is the same whichever order or process builds it.
import { createHash } from "node:crypto";
import { makeUlid } from "../core/ids.ts";
import { ACTIVATIONS, BRANCHES, GPUS, METRIC_SETS, OPTIMIZERS, PEOPLE, Rng, round, SCHEDULERS, START_MS, STEP_MS, streamSeed } from "./_data.ts";
import type { ModelPlan, ProjectPlan } from "./_plan.ts";

/** RFC 3339 in the team's own offset, whole seconds: `2025-01-06T17:00:00+09:00`. */
function timestamp(ms: number, offset: number): string {
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

export function projectRecord(seed: number, p: ProjectPlan): Record<string, unknown> {
  const rng = new Rng(streamSeed(seed, 1, p.index));
  const owners = rng.shuffle(PEOPLE).slice(0, rng.int(1, 3));
  return {
    name: p.slug === p.entry.slug ? p.entry.name : `${p.entry.name} (${p.slug})`,
    description: p.entry.description,
    created: timestamp(p.createdMs, p.entry.offset),
    owners: [...owners, `@${p.entry.org}`],
    tags: { domain: p.entry.family, team: p.entry.org.replace(/^acme-/, "") },
  };
}

export function modelRecord(m: ModelPlan): Record<string, unknown> {
  const { versions } = m;
  const aliases =
    versions.length === 0
      ? undefined
      : versions.length === 1
        ? { production: versions[0] }
        : { production: versions[versions.length - 2], staging: versions[versions.length - 1] };
  return {
    name: m.name,
    description: `${m.name} (${m.framework}) for the ${m.project.entry.name} project.`,
    created: timestamp(m.createdMs, m.project.entry.offset),
    task: m.family.task,
    primary_metric: m.family.primary,
    ...(aliases && { aliases }),
    tags: { framework: m.framework },
  };
}

/** What all runs of one model share: data snapshots, commits, images, the base config. */
export interface ModelContext {
  training: Dataset[];
  validation: Dataset[];
  test: Dataset[];
  commits: string[];
  images: string[];
  optimizer: string;
  scheduler: string;
  depth: number;
  width: number;
  /** The learning rate at which this model does best, and how good it gets. */
  bestLr: number;
  quality: number;
}
interface Dataset {
  uri: string;
  sha256: string;
  rows: number;
}

export function modelContext(seed: number, m: ModelPlan): ModelContext {
  const rng = new Rng(streamSeed(seed, 2, m.index));
  const base = `s3://acme-ml-data/${m.project.slug}/${m.slug}`;
  // The fingerprint is a hash of the uri, so different uris never share a sha256:
  // training can never leak into validation or test (the no-train-test-overlap rule).
  const snapshots = (role: string, count: number, rows: number): Dataset[] =>
    Array.from({ length: count }, (_, k) => {
      const uri = `${base}/${role}-2025-${String(k * 3 + 1).padStart(2, "0")}.parquet`;
      return { uri, sha256: createHash("sha256").update(`${seed}:${uri}`).digest("hex"), rows: Math.round(rows * (1 + k * 0.12)) };
    });
  const trainRows = rng.int(20, 900) * 1000;
  return {
    training: snapshots("train", 3, trainRows),
    validation: snapshots("val", 2, trainRows / 8),
    // Two test snapshots: leaderboards group runs by the test fingerprint.
    test: snapshots("test", 2, trainRows / 8),
    commits: Array.from({ length: 8 }, () => rng.hex(40)),
    images: Array.from({ length: 2 }, () => rng.hex(64)),
    optimizer: rng.pick(OPTIMIZERS),
    scheduler: rng.pick(SCHEDULERS),
    depth: rng.pick([12, 18, 24, 34, 50]),
    width: rng.pick([128, 256, 384, 512, 768]),
    bestLr: rng.logUniform(1e-4, 3e-3),
    quality: rng.float(0.2, 0.6),
  };
}

export interface ExperimentPlan {
  index: number;
  model: ModelPlan;
  context: ModelContext;
  version?: string;
  seed: number;
}

export function experimentRecord({ index, model, context: ctx, version, seed }: ExperimentPlan): Record<string, unknown> {
  const rng = new Rng(streamSeed(seed, 3, index));
  const timeMs = START_MS + index * STEP_MS + rng.int(0, STEP_MS / 1000 - 1) * 1000;
  const id = makeUlid(timeMs, rng.bytes(10));
  const { project, family } = model;
  const r = rng.next();
  const status = version || r >= 0.06 ? "finished" : r < 0.03 ? "failed" : r < 0.05 ? "killed" : "running";
  const optimizer = rng.chance(0.8) ? ctx.optimizer : rng.pick(OPTIMIZERS);
  const lr = rng.logUniform(1e-5, 1e-2);
  const epochs = rng.pick([10, 20, 30, 50, 100]);
  const parameters = {
    optimizer:
      optimizer === "sgd"
        ? { name: optimizer, lr, momentum: 0.9, nesterov: rng.chance(0.5), weight_decay: rng.pick([0, 1e-4, 5e-4]) }
        : { name: optimizer, lr, betas: [0.9, rng.pick([0.98, 0.999])], weight_decay: rng.pick([0, 0.01, 0.05]), eps: 1e-8 },
    scheduler: { name: rng.chance(0.9) ? ctx.scheduler : rng.pick(SCHEDULERS), warmup_steps: rng.pick([0, 500, 1000, 2000]), min_lr: 1e-6 },
    model: {
      arch: model.slug,
      depth: ctx.depth,
      width: rng.chance(0.8) ? ctx.width : ctx.width * 2,
      dropout: rng.float(0, 0.5, 2),
      activation: rng.pick(ACTIVATIONS),
      pretrained: rng.chance(0.7),
      norm: rng.pick(["batchnorm", "layernorm"]),
    },
    data: {
      augment: { flip: rng.chance(0.6), crop: rng.pick([192, 224, 256]), mixup: rng.float(0, 0.4, 2), randaugment_n: rng.int(0, 3) },
      num_workers: rng.pick([4, 8, 16]),
      shuffle: true,
    },
    epochs,
    batch_size: rng.pick([32, 64, 128, 256]),
    seed: rng.int(0, 99_999),
    precision: rng.pick(["fp32", "bf16", "fp16"]),
    grad_clip: rng.pick([0.5, 1, 5]),
    label_smoothing: rng.pick([0, 0.05, 0.1]),
    ema: rng.chance(0.3),
    accumulate_grad_batches: rng.pick([1, 1, 2, 4]),
    compile: rng.chance(0.4),
  };
  // Runs near the model's best learning rate score better, so leaderboards and charts show a trend.
  const lrMiss = Math.min(1, Math.abs(Math.log10(lr / ctx.bestLr)) / 2);
  const q = Math.min(0.999, Math.max(0, ctx.quality + 0.35 * (1 - lrMiss) + rng.float(-0.05, 0.05)));
  const metrics = Object.entries(METRIC_SETS[family.metrics] as Record<string, (q: number, r: Rng) => number>);
  const evaluations = Object.fromEntries(
    (status === "finished" ? metrics : metrics.filter(([name]) => name === "val.loss")).map(([name, f]) => [name, f(q, rng)]),
  );
  const history = status === "finished" && rng.chance(0.1) ? curves(rng, evaluations, timeMs) : undefined;
  const artifactBase = `s3://acme-ml-models/${project.slug}/${model.slug}/${id}`;
  const artifacts =
    status === "finished"
      ? {
          model: `${artifactBase}/model.${model.framework === "pytorch" ? "pt" : "bin"}`,
          onnx: `${artifactBase}/model.onnx`,
          logs: `${artifactBase}/train.log`,
        }
      : { logs: `${artifactBase}/train.log` };
  return {
    id,
    ...(version && { version }),
    created: timestamp(timeMs, project.entry.offset),
    description: `${model.name}: ${optimizer}, ${parameters.scheduler.name} schedule, ${epochs} epochs, lr ${lr}.${rng.pick(NOTES)}`,
    ...(status !== "finished" || rng.chance(0.5) ? { status } : {}),
    parameters,
    datasets: {
      training: rng.pick(ctx.training),
      validation: rng.pick(ctx.validation),
      test: ctx.test[rng.chance(0.75) ? 0 : 1],
    },
    evaluations,
    ...(history && { history }),
    artifacts,
    code: {
      repo: `https://github.com/${project.entry.org}/${project.slug}.git`,
      commit: rng.pick(ctx.commits),
      branch: rng.pick(BRANCHES),
      dirty: rng.chance(0.08),
      path: `src/${model.slug}/train.py`,
    },
    environment: {
      image: `ghcr.io/${project.entry.org}/train@sha256:${rng.pick(ctx.images)}`,
      python: rng.pick(["3.10.14", "3.11.9", "3.12.4"]),
      [model.framework]: rng.pick(["2.2.2", "2.3.1", "2.4.0"]),
      cuda: "12.1",
      gpu: rng.pick(GPUS),
      gpus: rng.pick([1, 2, 4, 8]),
    },
    tags: {
      owner: rng.pick(PEOPLE),
      sweep: `sweep-${Math.floor(index / 50)}`,
      ...(rng.chance(0.3) && { ticket: `ML-${rng.int(100, 9999)}` }),
      ...(rng.chance(0.2) && { reviewed: rng.chance(0.5) }),
    },
  };
}

/** Descriptions end with a note now and then, in the languages the teams write in. */
const NOTES = [
  "",
  "",
  "",
  "",
  " Rerun with a fresh seed.",
  " Baseline for the Q3 review — do not delete.",
  " Données nettoyées (v2).",
  " 학습률 탐색.",
  " 再現実験。",
];

/** Two training curves of ~20 epochs that end near the final evaluations. */
function curves(rng: Rng, evaluations: Record<string, number>, timeMs: number): Record<string, Array<Record<string, number>>> {
  const points = rng.int(18, 22);
  const epochMs = rng.int(60, 600) * 1000;
  const curve = (final: number, start: number, withTime: boolean) =>
    Array.from({ length: points }, (_, k) => ({
      step: k + 1,
      value: round(final + (start - final) * Math.exp(-0.25 * k) + (rng.next() - 0.5) * 0.01, 4),
      ...(withTime && { timestamp: timeMs + (k + 1) * epochMs }),
    }));
  const loss = evaluations.loss ?? 0.3;
  const valLoss = evaluations["val.loss"] ?? 0.35;
  return { loss: curve(loss, loss + 1.5, true), "val.loss": curve(valLoss, valLoss + 1.2, false) };
}
