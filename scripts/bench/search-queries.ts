// The fixed query list for search (issue #7): what people type into a model
// registry's search box, typos included. Used by the benchmark and by the test
// that compares our results with one naive fuse.js index over all documents.
// `{id:N}` stands for the first 6 characters of the N-th experiment's id.
const SEARCH_QUERIES: string[] = [
  // model names
  "resnet",
  "resnet-50",
  "efficientnet",
  "mobilenet",
  "convnext",
  "lightgbm",
  "xgboost",
  "catboost",
  "distilbert",
  "roberta",
  "whisper",
  "wav2vec",
  "tabnet",
  "deepar",
  "n-beats",
  "temporal fusion",
  "vit",
  "conformer",
  "bert base",
  "logistic regression",
  // typos
  "mobilnet",
  "resnte",
  "effcientnet",
  "lightgmb",
  "xgbost",
  "distilbrt",
  "whipser",
  "convnxt",
  "catbost",
  "robreta",
  // parameter values
  "adamw",
  "sgd",
  "lion",
  "cosine",
  "onecycle",
  "gelu",
  "relu",
  "silu",
  "bf16",
  "fp16",
  "layernorm",
  "batchnorm",
  // versions, branches, datasets, tasks, metrics
  "1.0.0",
  "1.2.0",
  "2.0",
  "lr-sweep",
  "augment-v2",
  "fraud-detection",
  "house-prices",
  "animal-images",
  "weld-defects",
  "s3://acme-ml-data",
  "train-2025",
  "image-classification",
  "time-series",
  "speech recognition",
  "accuracy",
  "wer",
  "val.loss",
  // several words
  "resnet adamw",
  "whisper bf16",
  "efficientnet cosine",
  // id prefixes
  "{id:0}",
  "{id:1}",
  "{id:2}",
];

/** The query list with `{id:N}` replaced from the given experiment ids. */
export function searchQueries(experimentIds: string[]): string[] {
  return SEARCH_QUERIES.map((q) => q.replace(/\{id:(\d+)\}/, (_, n) => experimentIds[(Number(n) * 7919) % experimentIds.length].slice(0, 6)));
}
