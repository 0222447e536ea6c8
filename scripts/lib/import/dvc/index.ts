// `modelreg import dvc REPO_DIR [--model SLUG] [--exp-show FILE]` (issue #9;
// without --model the model is named after the directory, issue #18).
// Without --exp-show the project's files as they are make one experiment,
// identified by the git commit (when the checkout is clean) or else by a
// digest of params, lock and metrics. With --exp-show every commit baseline
// and experiment in that output is one experiment, identified by its rev.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { UsageError } from "../../core/errors.ts";
import { makeUlid, newExperimentId, SLUG_PATTERN } from "../../core/ids.ts";
import { slugify } from "../../core/layout.ts";
import { captureProvenance } from "../../git/provenance.ts";
import { readSourceData } from "../_source-file.ts";
import { applyPlan, type ImportOptions, type ImportResult } from "../plan.ts";
import { emptyPlan, type ImportPlan, isoSeconds } from "../types.ts";
import { expShowRows } from "./exp-show.ts";
import { dvcExperiment } from "./map.ts";
import { readDvcProject } from "./project.ts";

export interface DvcImportOptions extends ImportOptions {
  repo: string;
  project: string;
  /** Default: the slug of the directory's name. */
  model?: string;
  expShow?: string;
}

function digest(dir: string, files: string[]): string {
  const h = createHash("sha256");
  for (const f of files)
    if (existsSync(join(dir, f)))
      h.update(`${f}\0`)
        .update(readFileSync(join(dir, f)))
        .update("\0");
  return `sha256:${h.digest("hex")}`;
}

type Resolved = DvcImportOptions & { model: string };

async function planFiles(o: Resolved, plan: ImportPlan): Promise<void> {
  const project = readDvcProject(o.repo);
  plan.problems.push(...project.problems);
  const { code, notes } = await captureProvenance(o.repo);
  // The repository is the DVC project here; there is no --code-dir to point elsewhere.
  plan.notes.push(...notes.map((n) => n.replace(/; pass --code-dir.*$/, "")));
  const commit = code?.dirty === false ? code.commit : undefined;
  const sourceId = commit ?? digest(o.repo, ["params.yaml", "dvc.yaml", "dvc.lock", ...project.metrics.keys()]);
  if (commit === undefined && code?.commit)
    plan.notes.push(`${o.repo} has uncommitted changes, so the run is identified by a digest of its files rather than commit ${code.commit.slice(0, 10)}`);
  const label = `DVC project ${o.repo}${code?.commit ? ` at ${code.commit.slice(0, 10)}` : ""}`;
  plan.experiments.push(dvcExperiment(project, { label, model: o.model, sourceId, id: newExperimentId(), created: isoSeconds(Date.now()), code }, plan));
}

function planExpShow(o: Resolved, file: string, plan: ImportPlan): void {
  const rows = expShowRows(readSourceData(file, "`dvc exp show --json` output", plan.problems));
  if (!rows) {
    if (plan.problems.length === 0)
      plan.problems.push({
        file,
        message: "this is not `dvc exp show --json` output (a list of commits, or a map of commit → experiments)",
        hint: "Write it with `dvc exp show --json > exp.json` and pass that file.",
      });
    return;
  }
  for (const r of rows) {
    const label = `DVC ${r.baseline ? "experiment" : "commit"} ${r.name ? `${r.name} ` : ""}(${r.rev.slice(0, 10)})`;
    if (r.rev === "workspace" || !r.rev) {
      plan.skipped.push({
        what: `the workspace row of ${file}`,
        why: "it is not a commit or an experiment; import the project's files without --exp-show to record it",
      });
      continue;
    }
    const ms = r.timestamp ? Date.parse(r.timestamp) : NaN;
    const tags: Record<string, string> = {};
    if (r.name) tags["dvc.name"] = r.name;
    if (r.baseline) tags["dvc.baseline"] = r.baseline;
    const code = /^[0-9a-f]{40}$/.test(r.baseline ?? r.rev) ? { commit: r.baseline ?? r.rev } : undefined;
    const id = Number.isFinite(ms) ? makeUlid(ms) : newExperimentId();
    plan.experiments.push(
      dvcExperiment(r.state, { label, model: o.model, sourceId: r.rev, id, created: isoSeconds(Number.isFinite(ms) ? ms : Date.now()), code, tags }, plan),
    );
  }
}

export async function importDvc(o: DvcImportOptions): Promise<ImportResult> {
  if (!existsSync(o.repo) || !statSync(o.repo).isDirectory()) {
    throw new UsageError(`${o.repo} is not a directory`, "E_NO_INPUT", "Name the DVC project: the directory that holds dvc.yaml (and params.yaml, dvc.lock).");
  }
  if (!o.expShow && !["dvc.yaml", "dvc.lock", "params.yaml"].some((f) => existsSync(join(o.repo, f)))) {
    throw new UsageError(
      `${o.repo} is not a DVC project: it has no dvc.yaml, dvc.lock or params.yaml`,
      "E_NOT_DVC",
      "Name the directory that holds dvc.yaml, or pass `dvc exp show --json` output with --exp-show FILE.",
    );
  }
  if (o.expShow && !existsSync(o.expShow)) {
    throw new UsageError(`cannot read --exp-show ${o.expShow}: there is no such file`, "E_NO_INPUT", "Write it first: `dvc exp show --json > exp.json`.");
  }
  const plan = emptyPlan("dvc", o.project);
  const folder = basename(resolve(o.repo));
  const model = o.model ?? slugify(folder);
  if (o.model === undefined) plan.notes.push(`the run goes to model ${model}, named after the directory ${folder}; pass --model to choose another`);
  else if (!SLUG_PATTERN.test(model))
    throw new UsageError(`--model "${model}" is not a valid model slug`, "E_BAD_SLUG", `Use "${slugify(model)}": lower-case letters, digits and hyphens.`);
  plan.models.push({ slug: model, record: { name: o.model ?? folder, created: isoSeconds(Date.now()) }, aliases: {} });
  if (o.expShow) planExpShow({ ...o, model }, o.expShow, plan);
  else await planFiles({ ...o, model }, plan);
  return applyPlan(plan, o);
}
