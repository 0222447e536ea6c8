// What each commit of the generated history (history-repo.ts, issue #16) does,
// decided before anything is written. A registry kept next to code: most
// commits touch only code; runs arrive in sweeps, each one model's runs
// committed together at about the time the last of them was made; a few commits
// update an existing run; the production alias of one model moves in merged
// pull requests.

export interface HistoryScale {
  experiments: number;
  /** Every commit, the pull requests' side commits included. */
  commits: number;
  /** Production alias changes on one model, each a merged pull request. */
  aliasChanges: number;
}

export interface Run {
  /** Registry-relative path of the experiment file. */
  path: string;
  /** `project/model`. */
  model: string;
  id: string;
}

export type Step = { kind: "base" } | { kind: "sweep"; runs: Run[] } | { kind: "update" } | { kind: "promote" } | { kind: "code" };

/** How many commits of each kind the history has; `promote` counts merges, each with one side commit besides. */
export type HistoryMix = Record<Step["kind"], number>;

/** A quarter of all commits record a sweep, a twentieth update a run. */
const SWEEP_SHARE = 1 / 4;
const UPDATE_SHARE = 1 / 20;

/** `count` keys spread evenly over (from, 1). */
const spread = (count: number, from: number) => Array.from({ length: count }, (_, k) => from + ((1 - from) * (k + 0.5)) / count);

/** One model's runs (oldest first) in `count` sweeps of about equal size. */
function sweepsOf(runs: Run[], count: number): Run[][] {
  return Array.from({ length: count }, (_, k) => runs.slice(Math.round((k * runs.length) / count), Math.round(((k + 1) * runs.length) / count)));
}

/**
 * The main line, oldest first. `runs` are sorted oldest first (by id, which
 * sorts by creation time); `target` is the model whose alias moves. Each
 * commit gets a key in [0, 1): a sweep the position of its last run in the
 * registry's timeline, the other kinds evenly spread (promotions after the
 * target's first sweep, updates after the first sweep), and the main line is
 * the commits in key order.
 */
export function planHistory(scale: HistoryScale, runs: Run[], target: string): { steps: Step[]; mix: HistoryMix } {
  const n = runs.length;
  const order = new Map(runs.map((r, i) => [r.id, i]));
  const byModel = new Map<string, Run[]>();
  for (const r of runs) {
    const list = byModel.get(r.model);
    if (list) list.push(r);
    else byModel.set(r.model, [r]);
  }
  const wanted = Math.round(scale.commits * SWEEP_SHARE);
  const keyed: Array<{ key: number; step: Step }> = [];
  for (const modelRuns of byModel.values()) {
    const count = Math.min(modelRuns.length, Math.max(1, Math.round((wanted * modelRuns.length) / n)));
    for (const sweep of sweepsOf(modelRuns, count)) keyed.push({ key: (order.get(sweep[sweep.length - 1].id) ?? 0) / n, step: { kind: "sweep", runs: sweep } });
  }
  const sweeps = keyed.length;
  const firstSweep = Math.min(...keyed.map((k) => k.key));
  const targetSweep = Math.min(...keyed.filter((k) => k.step.kind === "sweep" && k.step.runs[0].model === target).map((k) => k.key));
  const main = scale.commits - scale.aliasChanges;
  const updates = Math.round(scale.commits * UPDATE_SHARE);
  const code = main - 1 - sweeps - updates - scale.aliasChanges;
  if (code < 0) throw new Error(`${scale.commits} commits cannot hold ${sweeps} sweeps, ${updates} updates and ${scale.aliasChanges} pull requests`);
  // spread() keys lie strictly after `from`, so a promotion or an update never precedes the run it needs.
  for (const key of spread(scale.aliasChanges, targetSweep)) keyed.push({ key, step: { kind: "promote" } });
  for (const key of spread(updates, firstSweep)) keyed.push({ key, step: { kind: "update" } });
  for (const key of spread(code, 0)) keyed.push({ key, step: { kind: "code" } });
  keyed.sort((a, b) => a.key - b.key);
  return {
    steps: [{ kind: "base" }, ...keyed.map((k) => k.step)],
    mix: { base: 1, sweep: sweeps, update: updates, promote: scale.aliasChanges, code },
  };
}
