// Cheap stand-ins for the props of the pages and files that are many (issue
// #15). An experiment page, a leaderboard page, an API record and a model's
// analysis file are made from records, and the loader knows each record
// file's version token (its git blob id, or its `lstat` when it is not a
// clean tracked file). A hash of those tokens and of the little that is not
// in a record (git history, the repository URL) stands for everything the
// page shows, so a build in which nothing changed computes no props at all.
// Without the record cache there are no tokens; then the props are hashed.
//
// What a page shows must be named here too: a new input of experiment.ts or
// leaderboard.ts that does not come from these records joins `modelInputs` or
// the page's own list below (the incremental build's byte-identity test
// catches a page that goes stale).
import { createHash } from "node:crypto";
import type { ExperimentRecord } from "../../registry/loader.ts";
import type { ModelView, SiteData } from "../view.ts";

const tokenOf = (site: SiteData, file: string): string | undefined => site.versions?.get(file);

const modelMemo = new WeakMap<ModelView, string | null>();
const runsMemo = new WeakMap<ModelView, string | null>();

/** The model's record, its project's, its alias targets', its primary metric, its history and the site's repository settings; undefined without tokens. */
export function modelInputs(site: SiteData, m: ModelView): string | undefined {
  const known = modelMemo.get(m);
  if (known !== undefined) return known ?? undefined;
  const files = [m.record.file, m.project.file, ...[...m.aliases.values()].map((r) => r.file)];
  const tokens = files.map((f) => tokenOf(site, f));
  let hash: string | null = null;
  if (tokens.every((t) => t !== undefined)) {
    const { registryPath, repoUrl, branch } = site.meta;
    const aliases = [...m.aliases].map(([alias, run]) => [alias, run.id]);
    hash = createHash("sha256")
      // The primary metric may be inferred from the runs, and aliases resolved through their versions: both as resolved.
      .update(JSON.stringify([files, tokens, aliases, m.primary ?? null, m.timeline ?? null, site.history, registryPath, repoUrl ?? null, branch]))
      .digest("base64url");
  }
  modelMemo.set(m, hash);
  return hash ?? undefined;
}

/** A hash of the files and their tokens, in the order given; undefined when one has no token. */
function tokensHash(site: SiteData, files: Iterable<string>): string | undefined {
  const h = createHash("sha256");
  for (const f of files) {
    const token = tokenOf(site, f);
    if (token === undefined) return undefined;
    h.update(f).update("\u0000").update(token).update("\u0000");
  }
  return h.digest("base64url");
}

/** Every run of the model, in the model's order, by file and token; undefined without tokens. */
export function runsInputs(site: SiteData, m: ModelView): string | undefined {
  const known = runsMemo.get(m);
  if (known !== undefined) return known ?? undefined;
  const hash = tokensHash(
    site,
    m.experiments.map((e) => e.file),
  );
  runsMemo.set(m, hash ?? null);
  return hash;
}

/** An experiment page: its record, its model's inputs, the aliases on it and its events from git. */
export function experimentInputs(site: SiteData, m: ModelView, e: ExperimentRecord): string | undefined {
  const model = modelInputs(site, m);
  const token = tokenOf(site, e.file);
  if (model === undefined || token === undefined) return undefined;
  return JSON.stringify([model, e.file, token, site.aliasesOf.get(e.id) ?? [], site.recordHistory.get(e.id) ?? []]);
}

/** A leaderboard page: every run of its model (ranks, columns, groups and the chart depend on all of them), and which page. */
export function leaderboardInputs(site: SiteData, m: ModelView, group: number, page: number): string | undefined {
  const model = modelInputs(site, m);
  const runs = runsInputs(site, m);
  if (model === undefined || runs === undefined) return undefined;
  return JSON.stringify([model, runs, group, page]);
}

/** A record's API file: the record's file alone. */
export function recordInputs(site: SiteData, file: string): string | undefined {
  const token = tokenOf(site, file);
  return token === undefined ? undefined : `${file}\u0000${token}`;
}

/** Every record of the registry, by file and token (the search index is made from all of them); undefined without tokens. */
export function registryInputs(site: SiteData): string | undefined {
  const files = [...site.projects.map((p) => p.record.file), ...site.models.map((m) => m.record.file), ...[...site.experiments.values()].map((e) => e.file)];
  return tokensHash(site, files.sort());
}
