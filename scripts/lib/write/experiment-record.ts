// Builds an experiment record from what a training run hands `add experiment`
// (issue #4): parameter and metric files and flags, history CSVs, datasets
// (local ones fingerprinted), artifacts, tags and the code's provenance.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DataError, UsageError } from "../core/errors.ts";
import { captureProvenance } from "../git/provenance.ts";
import { fingerprint } from "../inputs/fingerprint.ts";
import { collectHistory } from "../inputs/history-csv.ts";
import { collectMetrics, collectPairs, collectParameters } from "../inputs/inputs.ts";
import type { Dataset, DatasetRole, ExperimentData } from "../schema/types.ts";

/** A dataset as given on the command line: `--train URI [--train-sha256 HEX]`. */
interface DatasetFlag {
  uri?: string;
  sha256?: string;
}

export interface ExperimentInputs {
  id: string;
  created: string;
  version?: string;
  description?: string;
  params?: readonly string[];
  param?: readonly string[];
  metrics?: readonly string[];
  metric?: readonly string[];
  history?: readonly string[];
  datasets?: Partial<Record<DatasetRole, DatasetFlag>>;
  artifact?: readonly string[];
  tag?: readonly string[];
  /** Where the training code is checked out; default: the current directory. */
  codeDir?: string;
  /** Where a progress bar for large datasets may go (only drawn on a terminal). */
  progressTo?: NodeJS.WriteStream;
}

/** The flag spelling of each role, for messages. */
const DATASET_FLAGS: Record<DatasetRole, string> = { training: "--train", validation: "--val", test: "--test" };

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The local path a dataset uri names, or null for a remote uri (s3://, gs://, hf://, https://…). */
function localPath(uri: string): string | null {
  if (/^file:\/\//i.test(uri)) return fileURLToPath(uri);
  return SCHEME.test(uri) ? null : uri;
}

async function dataset(role: DatasetRole, given: DatasetFlag, progressTo?: NodeJS.WriteStream): Promise<Dataset> {
  const flag = DATASET_FLAGS[role];
  if (!given.uri) {
    throw new UsageError(
      `${flag}-sha256 was given without ${flag}`,
      "E_BAD_FLAG",
      `Name the dataset too: \`${flag} s3://bucket/${role}.parquet ${flag}-sha256 <hex>\`.`,
    );
  }
  const declared = given.sha256?.toLowerCase();
  const path = localPath(given.uri);
  if (path === null || (!existsSync(path) && declared)) {
    // Remote data is not downloaded to be hashed; a fingerprint the caller knows is recorded as given.
    return declared ? { uri: given.uri, sha256: declared } : { uri: given.uri };
  }
  if (!existsSync(path)) {
    throw new UsageError(
      `${flag} ${given.uri}: there is no such local file or directory`,
      "E_NO_INPUT",
      `Give a path that exists here (it is fingerprinted), a remote URI with its scheme (s3://…, gs://…, hf://…), or add \`${flag}-sha256 <hex>\` to record a file that is not on this machine.`,
    );
  }
  const sha256 = await fingerprint(path, `${flag} ${given.uri}`, progressTo);
  if (declared && declared !== sha256) {
    throw new DataError(
      `${flag} ${given.uri} has sha256 ${sha256}, but ${flag}-sha256 says ${declared}`,
      "E_SHA_MISMATCH",
      "The local data is not the data you named: check which file the run used, or leave out the -sha256 flag to record what is here.",
    );
  }
  return { uri: given.uri, sha256 };
}

function nonEmpty<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

/** The record, keys in schema order; notes say what could not be recorded. */
export async function buildExperiment(input: ExperimentInputs): Promise<{ record: ExperimentData; notes: string[] }> {
  const parameters = collectParameters(input.params ?? [], input.param ?? []);
  const evaluations = collectMetrics(input.metrics ?? [], input.metric ?? []);
  const history = collectHistory(input.history ?? []);
  const artifacts = collectPairs("--artifact", input.artifact ?? [], "model=s3://bucket/run/model.pt");
  const tags = collectPairs("--tag", input.tag ?? [], "team=vision");
  const datasets: Partial<Record<DatasetRole, Dataset>> = {};
  for (const role of ["training", "validation", "test"] as const) {
    const given = input.datasets?.[role];
    if (given && (given.uri || given.sha256)) datasets[role] = await dataset(role, given, input.progressTo);
  }
  const { code, notes } = await captureProvenance(input.codeDir ?? process.cwd());

  const record: ExperimentData = {
    id: input.id,
    version: input.version,
    created: input.created,
    description: input.description,
    parameters: nonEmpty(parameters),
    datasets: nonEmpty(datasets),
    evaluations: nonEmpty(evaluations),
    history: nonEmpty(history),
    artifacts: nonEmpty(artifacts),
    code: code && nonEmpty(code),
    tags: nonEmpty(tags),
  };
  for (const key of Object.keys(record) as (keyof ExperimentData)[]) if (record[key] === undefined) delete record[key];
  return { record, notes };
}
