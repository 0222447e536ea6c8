// Generated from schemas/*.json by `npm run gen:types` (scripts/gen-types.ts). Do not edit.
/**
 * The record of each kind, by kind.
 */
export interface KindRecords {
  project: ModelregProject;
  model: ModelregModel;
  experiment: ModelregExperiment;
}
/**
 * registry/<project>/project.yaml: one machine-learning project. The directory name is the project's id (a slug).
 */
export interface ModelregProject {
  /**
   * The project's display name; any Unicode. Unique across the registry.
   */
  name: string;
  /**
   * Free text for people. Markdown is allowed and rendered sanitised on the site.
   */
  description?: string;
  /**
   * When the project was created (RFC 3339).
   */
  created: string;
  /**
   * People or teams responsible for the project: GitHub handles, team names or e-mail addresses.
   */
  owners?: string[];
  tags?: Tags;
}
/**
 * Free-form labels: key → short text, as MLflow tags.
 */
export interface Tags {
  /**
   * A tag value; numbers and booleans are kept as they are written.
   */
  [k: string]: string | number | boolean;
}
/**
 * registry/<project>/models/<model>/model.yaml: one model of a project; its experiments live beside it. The directory name is the model's id (a slug).
 */
export interface ModelregModel {
  /**
   * The model's display name; any Unicode.
   */
  name: string;
  /**
   * Free text for people. Markdown is allowed and rendered sanitised on the site.
   */
  description?: string;
  /**
   * When the model was created (RFC 3339).
   */
  created: string;
  /**
   * What the model does, in Hugging Face task words where one fits.
   */
  task?: string;
  /**
   * The metric that ranks this model's experiments on leaderboards and in reports.
   */
  primary_metric?: {
    /**
     * A key of the experiments' `evaluations`.
     */
    name: string;
    /**
     * Whether higher (`maximize`) or lower (`minimize`) values of a metric are better.
     */
    goal: "maximize" | "minimize";
  };
  /**
   * Named pointers to experiments, moved by `modelreg promote`: alias → a version label or an experiment id of this model.
   */
  aliases?: {
    /**
     * A `version` of one of this model's experiments, or an experiment id.
     */
    [k: string]: string;
  };
  tags?: Tags;
}
/**
 * registry/<project>/models/<model>/experiments/<id>.yaml: one training run — its parameters, the exact data, the code, the results and where the artifacts went.
 */
export interface ModelregExperiment {
  /**
   * The experiment's id, a lower-case ULID; must equal the file name without `.yaml`.
   */
  id: string;
  /**
   * An optional human label for a released model (the seed's model_version_id), unique within its model. Always quote numbers-like versions: `version: "1.10"`.
   */
  version?: string;
  /**
   * When the run started (RFC 3339).
   */
  created: string;
  /**
   * Free text for people. Markdown is allowed and rendered sanitised on the site.
   */
  description?: string;
  /**
   * The run's state, as in MLflow. Absent means finished.
   */
  status?: "scheduled" | "running" | "finished" | "failed" | "killed";
  /**
   * Every hyper-parameter and setting of the run, nested as the training config is (Hydra, DVC params.yaml, argparse).
   */
  parameters?: {
    [k: string]: unknown;
  };
  /**
   * The exact data the run used. The training data must not also be the validation or test data (same uri or same fingerprint).
   */
  datasets?: {
    training?: Dataset;
    validation?: Dataset1;
    test?: Dataset2;
  };
  /**
   * Final metric values: metric name → a finite number. Nested metric files are flattened to dotted names (`test.f1`).
   */
  evaluations?: {
    /**
     * A finite number; NaN and infinities are refused.
     */
    [k: string]: number;
  };
  /**
   * Metric curves over training: metric name → points in step order.
   */
  history?: {
    /**
     * The points of one curve.
     *
     * @maxItems 100000
     */
    [k: string]: {
      /**
       * The step or epoch number.
       */
      step: number;
      /**
       * The metric's value at that step.
       */
      value: number;
      /**
       * Milliseconds since the Unix epoch, when known.
       */
      timestamp?: number;
    }[];
  };
  /**
   * What the run produced: artifact name → where it is stored.
   */
  artifacts?: {
    /**
     * Where a thing lives: a URL (s3://, gs://, https://, hf://, file://) or a path relative to the repository. Never include credentials; they are refused.
     */
    [k: string]: string;
  };
  /**
   * The code that ran: enough to check it out again.
   */
  code?: {
    /**
     * Where a thing lives: a URL (s3://, gs://, https://, hf://, file://) or a path relative to the repository. Never include credentials; they are refused.
     */
    repo?: string;
    /**
     * The commit id (full SHA preferred).
     */
    commit?: string;
    /**
     * The branch name at the time of the run.
     */
    branch?: string;
    /**
     * True when the working tree had uncommitted changes: the commit alone does not reproduce the run.
     */
    dirty?: boolean;
    /**
     * The entry point inside the repository.
     */
    path?: string;
  };
  /**
   * What else is needed to reproduce the run: container image digest, lockfile hash, hardware, library versions.
   */
  environment?: {
    [k: string]: unknown;
  };
  /**
   * Where an imported record came from; importers use it to stay idempotent.
   */
  source?: {
    /**
     * The tool an imported record came from.
     */
    system: "mlflow" | "dvc" | "huggingface" | "wandb";
    /**
     * The record's id in that tool (an MLflow run id, a DVC commit, a model card path).
     */
    id: string;
    /**
     * Where a thing lives: a URL (s3://, gs://, https://, hf://, file://) or a path relative to the repository. Never include credentials; they are refused.
     */
    uri?: string;
  };
  tags?: Tags;
}
/**
 * The data the model was fitted on.
 */
export interface Dataset {
  /**
   * Where a thing lives: a URL (s3://, gs://, https://, hf://, file://) or a path relative to the repository. Never include credentials; they are refused.
   */
  uri: string;
  /**
   * SHA-256 of the file, or of the sorted tree for a directory; `modelreg add` computes it.
   */
  sha256?: string;
  /**
   * MD5 as DVC records it, when that is what is known.
   */
  md5?: string;
  /**
   * The number of examples.
   */
  rows?: number;
  /**
   * A dataset name, e.g. on the Hugging Face Hub.
   */
  name?: string;
  /**
   * A dataset version or revision.
   */
  revision?: string;
}
/**
 * The data used for model selection and early stopping.
 */
export interface Dataset1 {
  /**
   * Where a thing lives: a URL (s3://, gs://, https://, hf://, file://) or a path relative to the repository. Never include credentials; they are refused.
   */
  uri: string;
  /**
   * SHA-256 of the file, or of the sorted tree for a directory; `modelreg add` computes it.
   */
  sha256?: string;
  /**
   * MD5 as DVC records it, when that is what is known.
   */
  md5?: string;
  /**
   * The number of examples.
   */
  rows?: number;
  /**
   * A dataset name, e.g. on the Hugging Face Hub.
   */
  name?: string;
  /**
   * A dataset version or revision.
   */
  revision?: string;
}
/**
 * The held-out data the evaluations were measured on. Leaderboards rank only runs with the same test fingerprint together.
 */
export interface Dataset2 {
  /**
   * Where a thing lives: a URL (s3://, gs://, https://, hf://, file://) or a path relative to the repository. Never include credentials; they are refused.
   */
  uri: string;
  /**
   * SHA-256 of the file, or of the sorted tree for a directory; `modelreg add` computes it.
   */
  sha256?: string;
  /**
   * MD5 as DVC records it, when that is what is known.
   */
  md5?: string;
  /**
   * The number of examples.
   */
  rows?: number;
  /**
   * A dataset name, e.g. on the Hugging Face Hub.
   */
  name?: string;
  /**
   * A dataset version or revision.
   */
  revision?: string;
}
