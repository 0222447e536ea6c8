// `modelreg add project|model|experiment` (issue #4), the seed's add_project,
// add_model and add_experiment: build the record, check it as `validate` will,
// write it atomically without ever overwriting (or commit it on a new branch).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DataError, UsageError } from "../core/errors.ts";
import { newExperimentId } from "../core/ids.ts";
import { filePathFor } from "../core/layout.ts";
import { parseModelRef, parseSlug } from "../core/ref.ts";
import { isGoal } from "../domain/metric-goals.ts";
import { versionTaken } from "../domain/versions.ts";
import { peekRecord } from "../registry/peek.ts";
import { assertModelExists, experimentsWithVersion } from "../registry/refs.ts";
import type { FileRef, Kind, ModelData, ProjectData } from "../schema/types.ts";
import { type WrittenRecord, writeRecord } from "./_write-record.ts";
import { buildExperiment, type ExperimentInputs } from "./experiment-record.ts";

interface AddCommon {
  registry: string;
  dryRun?: boolean;
  gitBranch?: string;
}

export interface AddResult extends WrittenRecord {
  kind: Kind;
  /** The slug path (`project`, `project/model`) or the experiment id. */
  id: string;
  /** What to type to name the record: the id's first 12 characters for an experiment. */
  short: string;
  /** Registry-relative path of the file. */
  file: string;
  record: Record<string, unknown>;
  /** One line saying what was added: the commit message, and a pull request title. */
  title: string;
  notes: string[];
}

/**
 * The ten time characters of a ULID are shared by every run started in the
 * same millisecond; two more add ten random bits, enough for a prefix that is
 * unique in practice (and `update`/`promote` list candidates when it is not).
 */
const SHORT_ID_LENGTH = 12;

/** RFC 3339 in UTC, to the second. */
function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

function assertRegistry(registry: string): void {
  if (!existsSync(registry) || !statSync(registry).isDirectory()) {
    throw new UsageError(
      `the registry directory ${registry} does not exist`,
      "E_NO_REGISTRY",
      `Run from the repository root, pass --registry DIR, or start a new registry with \`mkdir -p ${registry}\`.`,
    );
  }
}

function assertNew(registry: string, file: string, what: string, hint: string): void {
  if (existsSync(join(registry, file))) throw new DataError(`${what} already exists (${join(registry, file)})`, "E_EXISTS", hint);
}

type Added = Pick<AddResult, "kind" | "id" | "title"> & { ref: FileRef; record: object; notes?: string[] };

function result(a: Added, written: WrittenRecord): AddResult {
  const short = a.kind === "experiment" ? a.id.slice(0, SHORT_ID_LENGTH) : a.id;
  return { kind: a.kind, id: a.id, short, file: a.ref.file, record: a.record as Record<string, unknown>, title: a.title, notes: a.notes ?? [], ...written };
}

/** Project names are looked up like ids (rule project-names-unique); a registry has few projects. */
export function assertProjectNameFree(registry: string, name: string): void {
  for (const dir of readdirSync(registry)) {
    const file = join(registry, filePathFor({ kind: "project", project: dir }));
    if (!existsSync(file)) continue;
    if (peekRecord<ProjectData>(file)?.name === name) {
      throw new DataError(`the project name "${name}" is already used by ${file}`, "E_NAME_TAKEN", "Give each project its own display name (--name).");
    }
  }
}

export interface ProjectInput extends AddCommon {
  slug: string;
  name: string;
  description?: string;
  owners?: string[];
}

export async function addProject(o: ProjectInput): Promise<AddResult> {
  const project = parseSlug("project", o.slug);
  assertRegistry(o.registry);
  const ref: FileRef = { kind: "project", project, file: filePathFor({ kind: "project", project }) };
  assertNew(o.registry, ref.file, `the project "${project}"`, "Pick another slug, or edit project.yaml in a pull request.");
  const record: ProjectData = { name: o.name, description: o.description, created: now(), owners: o.owners?.length ? o.owners : undefined };
  if (record.description === undefined) delete record.description;
  if (record.owners === undefined) delete record.owners;
  const title = `Add project ${project}`;
  // Names are checked under a registry-wide lock so two parallel adds cannot both take one.
  const written = await writeRecord({
    registry: o.registry,
    ref,
    record: { ...record },
    dryRun: o.dryRun,
    gitBranch: o.gitBranch,
    commitMessage: title,
    parents: [],
    guard: () => assertProjectNameFree(o.registry, o.name),
    lockDir: o.registry,
  });
  return result({ kind: "project", id: project, ref, record, title }, written);
}

export interface ModelInput extends AddCommon {
  ref: string;
  name: string;
  task?: string;
  /** `name:maximize` or `name:minimize`. */
  primaryMetric?: string;
  description?: string;
}

function primaryMetric(text: string): ModelData["primary_metric"] {
  const at = text.lastIndexOf(":");
  const [name, goal] = [text.slice(0, at), text.slice(at + 1)];
  if (at <= 0 || !isGoal(goal)) {
    throw new UsageError(
      `--primary-metric "${text}" is not of the form name:maximize or name:minimize`,
      "E_BAD_FLAG",
      "Write e.g. `--primary-metric accuracy:maximize` or `--primary-metric rmse:minimize`.",
    );
  }
  return { name, goal };
}

export async function addModel(o: ModelInput): Promise<AddResult> {
  const { project, model } = parseModelRef(o.ref);
  const metric = o.primaryMetric === undefined ? undefined : primaryMetric(o.primaryMetric);
  assertRegistry(o.registry);
  assertModelExists(o.registry, project);
  const ref: FileRef = { kind: "model", project, model, file: filePathFor({ kind: "model", project, model }) };
  assertNew(o.registry, ref.file, `the model "${project}/${model}"`, "Pick another slug, or edit model.yaml in a pull request.");
  const record: Record<string, unknown> = { name: o.name, description: o.description, created: now(), task: o.task, primary_metric: metric };
  for (const k of Object.keys(record)) if (record[k] === undefined) delete record[k];
  const parents = [filePathFor({ kind: "project", project })];
  const title = `Add model ${project}/${model}`;
  const written = await writeRecord({ registry: o.registry, ref, record, dryRun: o.dryRun, gitBranch: o.gitBranch, commitMessage: title, parents });
  return result({ kind: "model", id: `${project}/${model}`, ref, record, title }, written);
}

export interface ExperimentInput extends AddCommon, Omit<ExperimentInputs, "id" | "created"> {
  ref: string;
}

export async function addExperiment(o: ExperimentInput): Promise<AddResult> {
  const { project, model } = parseModelRef(o.ref);
  assertRegistry(o.registry);
  assertModelExists(o.registry, project, model);
  const id = newExperimentId();
  const ref: FileRef = { kind: "experiment", project, model, id, file: filePathFor({ kind: "experiment", project, model, id }) };
  const { record, notes } = await buildExperiment({ ...o, id, created: now() });
  const { version } = o;
  // Versions are unique per model: the check and the write happen under one
  // lock on the model, so of two parallel runs asking for one version, one wins.
  const guard =
    version === undefined
      ? undefined
      : () => {
          const holders = experimentsWithVersion(o.registry, project, model, version).map((e) => e.id);
          if (holders.length > 0) {
            const taken = versionTaken({ model: `${project}/${model}`, version, holders });
            throw new DataError(taken.message, taken.code, taken.hint);
          }
        };
  const title = `Add experiment ${id}${version ? ` (version ${version})` : ""} to ${project}/${model}`;
  const written = await writeRecord({
    registry: o.registry,
    ref,
    record: { ...record },
    dryRun: o.dryRun,
    gitBranch: o.gitBranch,
    commitMessage: title,
    parents: [filePathFor({ kind: "project", project }), filePathFor({ kind: "model", project, model })],
    guard,
    lockDir: version === undefined ? undefined : join(o.registry, project, "models", model),
  });
  return result({ kind: "experiment", id, ref, record, title, notes }, written);
}
