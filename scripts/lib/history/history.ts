// scripts/lib/history — reading registry history from git (issue #16): who
// changed which alias when, in which pull request; how an experiment record
// changed; what an alias named at a date or commit. Each question is one
// `git log` over the files it concerns (git-log.ts) plus one
// `git cat-file --batch` for the old versions (git/git-blobs.ts, parsed by registry/peek.ts), never a git process
// per model or per file.
// May import: core, schema, yaml, registry, git. Imported by commands and site.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DataError } from "../core/errors.ts";
import { parseRef } from "../core/ref.ts";
import { readBlobs } from "../git/git-blobs.ts";
import { experimentFromRef, type ResolvedExperiment } from "../registry/experiment-ref.ts";
import { assertRegistryDir } from "../registry/listing.ts";
import { peekBlob } from "../registry/peek.ts";
import { assertModelExists, type ExperimentLocation, listExperiments } from "../registry/refs.ts";
import { type AliasChange, aliasTimelines, modelBlobIds } from "./aliases.ts";
import { changeAt, cutAt, type Moment, parseMoment } from "./at.ts";
import { type RegistryLog, readLog, renamedFrom } from "./git-log.ts";
import { blobIdsOf, changesByFile, type RecordEvent, recordEvents } from "./records.ts";

export type { AliasChange } from "./aliases.ts";
export type { CommitInfo } from "./git-log.ts";
export type { FieldChange, RecordEvent } from "./records.ts";

/**
 * The log of some files and of every path they had before a rename. Literal
 * paths let git skip every unchanged directory (a glob makes it read every
 * experiments/ directory a commit touches, which at 100k experiments is the
 * whole cost); a file born in a rename adds its old path and the log runs
 * once more, so a moved model costs one more pass, never one per file.
 */
async function followLog(registry: string, paths: string[], pattern: string): Promise<RegistryLog> {
  const asked = new Set(paths);
  for (;;) {
    const log = await readLog(
      registry,
      [...asked].map((p) => `:(literal)${p}`),
    );
    const born = log.commits.filter((c) => c.changes.some((f) => f.status === "added" && !f.from)).map((c) => c.commit);
    const older = (await renamedFrom(registry, born, pattern)).filter((p) => !asked.has(p));
    if (older.length === 0) return log;
    for (const p of older) asked.add(p);
  }
}

const MODEL_FILES = ":(glob)*/models/*/model.yaml";

/** Every alias change of one model, oldest first (a renamed model's changes under its old name included). */
export async function modelHistory(registry: string, project: string, model: string): Promise<AliasChange[]> {
  assertRegistryDir(registry);
  assertModelExists(registry, project, model);
  const log = await followLog(registry, [`${project}/models/${model}/model.yaml`], MODEL_FILES);
  const blobs = await readBlobs(registry, modelBlobIds(log.commits));
  return aliasTimelines(log.commits, blobs).get(`${project}/${model}`) ?? [];
}

/** One experiment's life, oldest first: creation, each change (old → new), moves. */
export async function experimentHistory(registry: string, at: ExperimentLocation): Promise<RecordEvent[]> {
  const log = await followLog(registry, [at.file], `:(glob)*/models/*/experiments/${at.id}.yaml`);
  const entries = changesByFile(log.commits, (f) => f === at.file).get(at.file) ?? [];
  return recordEvents(entries, await readBlobs(registry, blobIdsOf(entries)));
}

/** What an alias value (a version or an experiment id) names in the registry now. */
export interface Target {
  value: string;
  id?: string;
  version?: string;
}

const VERSION_LINE = /^version:[ \t]*["']?([0-9A-Za-z][0-9A-Za-z._+-]*)/m;

/**
 * The experiment each value names now, reading the model's experiment files
 * once (versions are immutable labels, so today's files answer for the past).
 * A value no experiment carries any more has neither id nor version.
 */
export function describeTargets(registry: string, project: string, model: string, values: Iterable<string>): Map<string, Target> {
  const files = listExperiments(registry, { project, model });
  const out = new Map<string, Target>();
  const wanted = new Set(values);
  for (const value of wanted) {
    const byId = files.filter((f) => f.id.startsWith(value.toLowerCase()));
    if (byId.length === 1) {
      const bytes = readFileSync(join(registry, byId[0].file));
      const version = VERSION_LINE.test(bytes.toString("utf8")) ? peekBlob(bytes)?.version : undefined;
      out.set(value, { value, id: byId[0].id, ...(typeof version === "string" ? { version } : {}) });
      wanted.delete(value);
    } else out.set(value, { value });
  }
  if (wanted.size === 0) return out;
  for (const f of files) {
    const bytes = readFileSync(join(registry, f.file));
    const line = VERSION_LINE.exec(bytes.toString("utf8"));
    if (!line || !wanted.has(line[1])) continue;
    // The line is only a hint; the YAML module has the last word.
    if (peekBlob(bytes)?.version === line[1]) out.set(line[1], { value: line[1], id: f.id, version: line[1] });
  }
  return out;
}

export interface ExperimentAt extends ResolvedExperiment {
  /** The alias change that gave the alias its value at the moment. */
  setBy: AliasChange;
  moment: Moment;
}

/** Resolves `project/model@alias` as the alias was at `at` (a date or a commit). */
export async function experimentAt(registry: string, ref: string, at: string): Promise<ExperimentAt> {
  assertRegistryDir(registry);
  const r = parseRef(ref);
  if (r.kind !== "experiment") {
    throw new DataError(
      `--at reads what an alias named, and "${ref}" names no alias`,
      "E_AT_NEEDS_ALIAS",
      "Write `project/model@alias --at DATE`, e.g. `resolve vision/resnet@production --at 2026-03-12`.",
    );
  }
  assertModelExists(registry, r.project, r.model);
  const log = await followLog(registry, [`${r.project}/models/${r.model}/model.yaml`], MODEL_FILES);
  const changes = aliasTimelines(log.commits, await readBlobs(registry, modelBlobIds(log.commits))).get(`${r.project}/${r.model}`) ?? [];
  const name = `${r.project}/${r.model}`;
  if (!changes.some((c) => c.alias === r.selector)) {
    throw new DataError(
      `"${r.selector}" was never an alias of ${name} in this branch's history, so --at does not change what it names`,
      "E_NOT_AN_ALIAS",
      `Drop --at (versions and experiment ids never move), or name an alias: ${[...new Set(changes.map((c) => c.alias))].join(", ") || "(none set yet)"}.`,
    );
  }
  const moment = await parseMoment(registry, at);
  const setBy = changeAt(changes, r.selector, await cutAt(registry, log.commits, moment));
  if (!setBy?.to) {
    const first = changes.find((c) => c.alias === r.selector && c.to);
    throw new DataError(
      setBy
        ? `${name}@${r.selector} was not set at ${at}: it was removed on ${setBy.date} in commit ${setBy.commit.slice(0, 10)}`
        : `${name}@${r.selector} was not set yet at ${at}`,
      "E_ALIAS_UNSET",
      first ? `It was first set on ${first.date} (commit ${first.commit.slice(0, 10)}); \`modelreg history ${name}\` lists every change.` : "",
    );
  }
  let found: ResolvedExperiment;
  try {
    found = experimentFromRef(registry, { kind: "experiment", project: r.project, model: r.model, selector: setBy.to });
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    throw new DataError(
      `at ${at}, ${name}@${r.selector} named "${setBy.to}" (set in commit ${setBy.commit.slice(0, 10)} on ${setBy.date}), which this registry no longer resolves: ${err.message}`,
      err.code,
      err.hint,
    );
  }
  return { ...found, via: "alias", alias: r.selector, setBy, moment };
}

/** The `set by` facts of a `--at` resolution, for text and JSON. */
export function setByOf(e: ExperimentAt) {
  const c = e.setBy;
  return {
    at: e.moment.text,
    commit: c.commit,
    date: c.date,
    author: c.author,
    email: c.email,
    mergedBy: c.mergedBy ?? null,
    pr: c.pr ?? null,
    subject: c.subject,
  };
}

export function setByLine(e: ExperimentAt): string {
  const s = setByOf(e);
  return `set by   ${s.commit.slice(0, 10)} on ${s.date} by ${s.author}${s.pr !== null ? ` (PR #${s.pr})` : ""}: ${s.subject}`;
}

export interface RegistryHistory {
  /** Model key (`project/model`) → its alias changes, oldest first. */
  models: Map<string, AliasChange[]>;
  /** Experiment id → its record events, oldest first. */
  experiments: Map<string, RecordEvent[]>;
}

const EXPERIMENT_FILE = /\/models\/[^/]+\/experiments\/([^/]+)\.yaml$/;

/**
 * The whole registry's history for the site, in one log and one blob read:
 * every model.yaml version, and the versions of experiment files changed after
 * they were made (a file added once and never changed reads no blob).
 */
export async function registryHistory(registry: string): Promise<RegistryHistory> {
  const log = await readLog(registry);
  const byFile = changesByFile(log.commits, (f) => EXPERIMENT_FILE.test(f));
  const changed = [...byFile.values()].filter((entries) => entries.length > 1);
  const blobs = await readBlobs(registry, [...modelBlobIds(log.commits), ...changed.flatMap(blobIdsOf)]);
  const experiments = new Map<string, RecordEvent[]>();
  for (const [file, entries] of byFile) {
    const id = EXPERIMENT_FILE.exec(file)?.[1];
    if (id) experiments.set(id, recordEvents(entries, entries.length > 1 ? blobs : new Map()));
  }
  return { models: aliasTimelines(log.commits, blobs), experiments };
}
