// The seeded randomness and word tables behind the synthetic registry
// (generate.ts). Everything here is deterministic: no Date.now(), no Math.random().
import type { Goal } from "../schema/types.ts";

/** Experiments start here, one every STEP_MS plus jitter, so ids and `created` sort by index. */
export const START_MS = Date.UTC(2025, 0, 6, 8, 0, 0);
export const STEP_MS = 4 * 60_000;
export const DAY_MS = 86_400_000;

/** mulberry32 (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c): tiny, fast, good enough for test data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** A number in [lo, hi) rounded to `digits` decimals, so the YAML stays short. */
  float(lo: number, hi: number, digits = 4): number {
    return round(lo + this.next() * (hi - lo), digits);
  }

  /** A log-uniform number in [lo, hi) with 3 significant digits, as learning rates are swept. */
  logUniform(lo: number, hi: number): number {
    return Number((lo * (hi / lo) ** this.next()).toPrecision(3));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  hex(length: number): string {
    let out = "";
    while (out.length < length)
      out += Math.floor(this.next() * 2 ** 32)
        .toString(16)
        .padStart(8, "0");
    return out.slice(0, length);
  }

  bytes(n: number): Uint8Array {
    return Uint8Array.from({ length: n }, () => Math.floor(this.next() * 256));
  }

  /** A seeded Fisher–Yates shuffle of a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

/**
 * A 32-bit seed for one stream (seed, kind, index). Each project, model and
 * experiment draws from its own stream, so a record does not depend on the
 * order in which records are built.
 */
export function streamSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0) ^ Math.floor(part / 2 ** 32), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

export function round(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}

/** Metric name → value from a run's quality q in [0, 1) (higher is better) and noise. */
type MetricSet = Record<string, (q: number, rng: Rng) => number>;

const noisy = (x: number, rng: Rng, spread: number, digits = 4) => round(x + (rng.next() - 0.5) * spread, digits);

export const METRIC_SETS = {
  classification: {
    accuracy: (q, r) => noisy(0.62 + 0.36 * q, r, 0.01),
    f1: (q, r) => noisy(0.55 + 0.4 * q, r, 0.02),
    precision: (q, r) => noisy(0.58 + 0.38 * q, r, 0.02),
    recall: (q, r) => noisy(0.54 + 0.42 * q, r, 0.02),
    auc: (q, r) => noisy(0.7 + 0.29 * q, r, 0.005),
    loss: (q, r) => noisy(1.1 - 0.95 * q, r, 0.04),
    "val.accuracy": (q, r) => noisy(0.63 + 0.35 * q, r, 0.015),
    "val.loss": (q, r) => noisy(1.05 - 0.9 * q, r, 0.05),
  },
  regression: {
    rmse: (q, r) => noisy(42 - 30 * q, r, 1.5, 3),
    mae: (q, r) => noisy(31 - 23 * q, r, 1.2, 3),
    mape: (q, r) => noisy(0.35 - 0.27 * q, r, 0.02),
    smape: (q, r) => noisy(0.31 - 0.24 * q, r, 0.02),
    r2: (q, r) => noisy(0.4 + 0.55 * q, r, 0.02),
    loss: (q, r) => noisy(0.9 - 0.7 * q, r, 0.04),
    "val.rmse": (q, r) => noisy(43 - 30 * q, r, 2, 3),
    "val.loss": (q, r) => noisy(0.95 - 0.7 * q, r, 0.05),
  },
  speech: {
    wer: (q, r) => noisy(0.32 - 0.26 * q, r, 0.01),
    cer: (q, r) => noisy(0.15 - 0.12 * q, r, 0.006),
    loss: (q, r) => noisy(1.4 - 1.1 * q, r, 0.05),
    "val.wer": (q, r) => noisy(0.33 - 0.26 * q, r, 0.012),
    "val.loss": (q, r) => noisy(1.45 - 1.1 * q, r, 0.06),
    rtf: (_q, r) => r.float(0.05, 0.6),
    latency_ms: (_q, r) => r.int(40, 900),
    throughput: (_q, r) => r.float(20, 400, 1),
  },
} satisfies Record<string, MetricSet>;

export interface Family {
  task: string;
  metrics: keyof typeof METRIC_SETS;
  primary: { name: string; goal: Goal };
  /** [slug, display name, framework] */
  models: ReadonlyArray<readonly [string, string, string]>;
}

const CNN: Family["models"] = [
  ["resnet50", "ResNet-50 fine-tune", "pytorch"],
  ["vit-b16", "ViT-B/16", "pytorch"],
  ["efficientnet-b0", "EfficientNet-B0", "tensorflow"],
  ["convnext-tiny", "ConvNeXt-T", "pytorch"],
  ["mobilenet-v3", "MobileNetV3 (edge)", "tensorflow"],
];
const TABULAR: Family["models"] = [
  ["xgboost", "XGBoost", "xgboost"],
  ["lightgbm", "LightGBM", "lightgbm"],
  ["catboost", "CatBoost", "catboost"],
  ["tabnet", "TabNet", "pytorch"],
  ["mlp-baseline", "MLP baseline", "pytorch"],
];

export const FAMILIES: Record<string, Family> = {
  image: { task: "image-classification", metrics: "classification", primary: { name: "accuracy", goal: "maximize" }, models: CNN },
  tabular: { task: "tabular-classification", metrics: "classification", primary: { name: "auc", goal: "maximize" }, models: TABULAR },
  regression: { task: "tabular-regression", metrics: "regression", primary: { name: "rmse", goal: "minimize" }, models: TABULAR },
  forecast: {
    task: "time-series-forecasting",
    metrics: "regression",
    primary: { name: "mape", goal: "minimize" },
    models: [
      ["tft", "Temporal Fusion Transformer", "pytorch"],
      ["deepar", "DeepAR", "mxnet"],
      ["nbeats", "N-BEATS", "pytorch"],
      ["lightgbm-lags", "LightGBM with lag features", "lightgbm"],
    ],
  },
  speech: {
    task: "automatic-speech-recognition",
    metrics: "speech",
    primary: { name: "wer", goal: "minimize" },
    models: [
      ["whisper-small", "Whisper small", "pytorch"],
      ["wav2vec2-base", "wav2vec 2.0 base", "pytorch"],
      ["conformer-ctc", "Conformer-CTC", "nemo"],
    ],
  },
  text: {
    task: "text-classification",
    metrics: "classification",
    primary: { name: "f1", goal: "maximize" },
    models: [
      ["bert-base", "BERT base", "pytorch"],
      ["distilbert", "DistilBERT", "pytorch"],
      ["roberta-large", "RoBERTa-large", "pytorch"],
      ["tfidf-logreg", "TF-IDF + logistic regression", "sklearn"],
    ],
  },
};

export interface ProjectEntry {
  slug: string;
  name: string;
  family: keyof typeof FAMILIES;
  description: string;
  /** UTC offset in minutes the team writes its timestamps in. */
  offset: number;
  org: string;
}

// Display names cover scripts the site must render (Hangul, kana, Cyrillic, accents, emoji).
export const PROJECTS: readonly ProjectEntry[] = [
  {
    slug: "animal-images",
    name: "동물 이미지 분류",
    family: "image",
    description: "Classify photos of animals into 10 species.",
    offset: 540,
    org: "acme-vision",
  },
  {
    slug: "churn-prediction",
    name: "Churn prediction",
    family: "tabular",
    description: "Which subscribers cancel in the next 30 days.",
    offset: 0,
    org: "acme-growth",
  },
  {
    slug: "demand-forecast",
    name: "Demand forecasting — EU",
    family: "forecast",
    description: "Daily demand per store and product, 28 days ahead.",
    offset: 60,
    org: "acme-supply",
  },
  {
    slug: "speech-ja",
    name: "音声認識（日本語）",
    family: "speech",
    description: "Japanese speech to text for call-centre recordings.",
    offset: 540,
    org: "acme-voice",
  },
  {
    slug: "ticket-routing",
    name: "Support-ticket routing",
    family: "text",
    description: "Route incoming tickets to the right queue.",
    offset: -300,
    org: "acme-support",
  },
  { slug: "house-prices", name: "Цены на жильё", family: "regression", description: "Sale price of flats from listing data.", offset: 180, org: "acme-realty" },
  {
    slug: "fraud-detection",
    name: "Détection de fraude",
    family: "tabular",
    description: "Flag card transactions for manual review.",
    offset: 60,
    org: "acme-risk",
  },
  {
    slug: "weld-defects",
    name: "Weld defect detection 🔍",
    family: "image",
    description: "Spot defective welds on the production line.",
    offset: -480,
    org: "acme-factory",
  },
];

export const PEOPLE = ["@jiwoo-park", "@amelia-chen", "@lucas-moreau", "@sofia-rossi", "@kenji-sato", "@olga-ivanova", "@noah-smith"];
export const OPTIMIZERS = ["adamw", "adamw", "adam", "sgd", "lion"] as const;
export const SCHEDULERS = ["cosine", "linear", "step", "onecycle"] as const;
export const ACTIVATIONS = ["relu", "gelu", "silu"] as const;
export const BRANCHES = ["main", "main", "main", "feature/augment-v2", "exp/lr-sweep", "fix/data-loader"] as const;
export const GPUS = ["A100-40GB", "A100-80GB", "H100-80GB", "L4", "T4"] as const;
