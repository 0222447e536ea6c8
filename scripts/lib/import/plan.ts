// Turns an importer's plan into registry files (issue #9): what an earlier
// import brought in is skipped (found by `source`), every record is checked
// exactly as `modelreg validate` will check it and staged, and then all of
// them are linked into place under the registry lock — or, on any failure or
// kill, none (_staging.ts).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../core/errors.ts";
import { SLUG_PATTERN } from "../core/ids.ts";
import { filePathFor, slugify } from "../core/layout.ts";
import { assertRegistryDir } from "../registry/listing.ts";
import { experimentsWithVersion } from "../registry/refs.ts";
import type { Kind } from "../schema/types.ts";
import { assertProjectNameFree } from "../write/add.ts";
import { loadValidators } from "../write/edit-check.ts";
import { withLock } from "../write/lock.ts";
import { mapAt, openForEdit, render, setScalar, valueAt } from "../yaml/edit.ts";
import { type Imported, importedBySource } from "./_imported.ts";
import { errorsIn, invalidRecords, type Pending, sourceProblems, stage, writeAll } from "./_plan-write.ts";
import { sweepStaging } from "./_staging.ts";
import { type ImportPlan, isoSeconds, type PlannedExperiment, type Skip } from "./types.ts";

export interface ImportOptions {
  registry: string;
  dryRun?: boolean;
  keepGoing?: boolean;
  /** Display name for a project the import creates (default: its slug). */
  projectName?: string;
}

interface Written {
  kind: Kind;
  /** `project`, `project/model` or the experiment id. */
  id: string;
  /** Registry-relative path. */
  file: string;
  label: string;
  action: "created" | "updated";
}

export interface ImportResult {
  system: ImportPlan["system"];
  project: string;
  written: Written[];
  skipped: Skip[];
  notes: string[];
  dryRun: boolean;
}

export async function applyPlan(plan: ImportPlan, o: ImportOptions): Promise<ImportResult> {
  assertRegistryDir(o.registry);
  if (!SLUG_PATTERN.test(plan.project)) {
    throw new UsageError(
      `"${plan.project}" is not a valid project slug`,
      "E_BAD_SLUG",
      `Use "${slugify(plan.project)}": project ids are lower-case letters, digits and hyphens (at most 63); the display name goes in --project-name.`,
    );
  }
  const skipped = [...plan.skipped];
  if (plan.problems.length > 0 && !o.keepGoing) throw sourceProblems(plan.problems);
  for (const p of plan.problems) skipped.push({ what: p.file, why: `${p.message} (skipped: --keep-going)` });
  loadValidators();
  return withLock(o.registry, () => {
    if (!o.dryRun) sweepStaging(o.registry);
    let pending: Pending[];
    try {
      pending = prepare(plan, o, skipped);
    } catch (err) {
      if (!o.dryRun) sweepStaging(o.registry);
      throw err;
    }
    if (!o.dryRun) writeAll(o.registry, pending);
    const written = pending.map(({ kind, id, ref, label, action }) => ({ kind, id, file: ref.file, label, action }));
    return { system: plan.system, project: plan.project, written, skipped, notes: plan.notes, dryRun: o.dryRun === true };
  });
}

/** The experiments not imported before, each once; their version labels free in their model. */
function freshExperiments(plan: ImportPlan, registry: string, imported: Map<string, Imported>, skipped: Skip[]): PlannedExperiment[] {
  const fresh: PlannedExperiment[] = [];
  const seen = new Set<string>();
  for (const e of plan.experiments) {
    const had = imported.get(e.record.source.id);
    if (had) skipped.push({ what: e.label, why: `already imported as ${had.id} (${had.project}/${had.model})` });
    else if (seen.has(e.record.source.id)) skipped.push({ what: e.label, why: "appears twice in the source; imported once" });
    else {
      seen.add(e.record.source.id);
      fresh.push(e);
    }
  }
  for (const e of fresh) {
    const v = e.record.version;
    if (v !== undefined && experimentsWithVersion(registry, plan.project, e.model, v).length > 0) {
      skipped.push({
        what: `version ${v} for ${e.label}`,
        why: `${plan.project}/${e.model} already has an experiment labelled ${v}; the run is imported without a version`,
      });
      delete e.record.version;
    }
  }
  return fresh;
}

function prepare(plan: ImportPlan, o: ImportOptions, skipped: Skip[]): Pending[] {
  const { project } = plan;
  const imported = importedBySource(o.registry, project, plan.system);
  const experiments: Pending[] = [];
  const failed: Pending[] = [];
  // Aliases name a version label or an experiment id of their own model.
  const target = new Map<string, { model: string; value: string }>();
  for (const [sourceId, at] of imported) target.set(sourceId, { model: at.model, value: at.version ?? at.id });
  for (const e of freshExperiments(plan, o.registry, imported, skipped)) {
    const id = e.record.id;
    const p: Pending = {
      kind: "experiment",
      id,
      label: e.label,
      action: "created",
      ref: { kind: "experiment", project, model: e.model, id, file: filePathFor({ kind: "experiment", project, model: e.model, id }) },
      record: e.record,
    };
    const errors = errorsIn(p);
    if (errors.length === 0) {
      if (!o.dryRun) stage(o.registry, p);
      experiments.push(p);
      target.set(e.record.source.id, { model: e.model, value: e.record.version ?? id });
    } else if (o.keepGoing)
      skipped.push({ what: e.label, why: `would not pass \`modelreg validate\`: ${errors.map((d) => `${d.path || "(file)"}: ${d.message}`).join("; ")}` });
    else failed.push(p);
  }
  if (failed.length > 0) throw invalidRecords(failed);

  const parents: Pending[] = [];
  for (const m of plan.models) {
    const ref = { kind: "model" as const, project, model: m.slug, file: filePathFor({ kind: "model", project, model: m.slug }) };
    const aliases: Record<string, string> = {};
    for (const [alias, sourceId] of Object.entries(m.aliases)) {
      const t = target.get(sourceId);
      if (!t) skipped.push({ what: `alias ${alias} of ${project}/${m.slug}`, why: "the run it points at was not imported" });
      else if (t.model !== m.slug) skipped.push({ what: `alias ${alias} of ${project}/${m.slug}`, why: `the run it points at went to ${project}/${t.model}` });
      else aliases[alias] = t.value;
    }
    const abs = join(o.registry, ref.file);
    if (existsSync(abs)) {
      const update = aliasUpdate(abs, ref, aliases, `${project}/${m.slug}`, skipped);
      if (update) parents.push(update);
    } else if (experiments.some((p) => p.ref.model === m.slug)) {
      const record = Object.keys(aliases).length > 0 ? { ...m.record, aliases } : m.record;
      parents.push({ kind: "model", id: `${project}/${m.slug}`, label: m.record.name, action: "created", ref, record });
    }
  }
  const projectFile = filePathFor({ kind: "project", project });
  if (experiments.length > 0 && !existsSync(join(o.registry, projectFile))) {
    const name = o.projectName ?? project;
    assertProjectNameFree(o.registry, name);
    parents.unshift({
      kind: "project",
      id: project,
      label: name,
      action: "created",
      ref: { kind: "project", project, file: projectFile },
      record: { name, created: isoSeconds(Date.now()) },
    });
  }
  const bad = parents.filter((p) => errorsIn(p).length > 0);
  if (bad.length > 0) throw invalidRecords(bad);
  // Parents first, so a reader never sees an experiment without its model.
  return [...parents.filter((p) => p.action === "created"), ...experiments, ...parents.filter((p) => p.action === "updated")];
}

/** Adds the aliases an existing model.yaml lacks; one it holds with another target is left alone and reported. */
function aliasUpdate(abs: string, ref: Pending["ref"], aliases: Record<string, string>, name: string, skipped: Skip[]): Pending | undefined {
  const edit = openForEdit(readFileSync(abs), abs);
  let changed = false;
  for (const [alias, value] of Object.entries(aliases)) {
    const map = mapAt(edit, "aliases", true);
    const now = valueAt(map, alias);
    if (now === value) continue;
    if (now !== undefined) {
      skipped.push({
        what: `alias ${alias} of ${name}`,
        why: `it already points to ${String(now)}; move it with \`modelreg promote ${name}@${value} --alias ${alias}\``,
      });
      continue;
    }
    setScalar(edit, map, alias, value);
    changed = true;
  }
  if (!changed) return undefined;
  return { kind: "model", id: name, label: "aliases", action: "updated", ref, text: render(edit).text };
}
