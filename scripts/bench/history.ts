// `npm run bench -- --only history` (issue #16): the history commands and the
// site build's history pass on a generated history (history-repo.ts,
// history-plan.ts) of N experiments, N/5 commits and N/200 alias changes on
// one model, so that 100k gives the issue's 100k experiments, 20k commits and
// 500 alias changes. Two or more sizes show how the cost grows with the
// commits each case reads: those touching the model's model.yaml for
// `history` and `resolve --at`, those touching the registry for the site pass.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type GeneratedHistory, generateHistory, type HistoryScale } from "./history-repo.ts";
import { measureNode, median3, type Sample } from "./sample.ts";

const CASE = fileURLToPath(new URL("./history-case.ts", import.meta.url));

export interface HistoryRow {
  scale: HistoryScale;
  history: Omit<GeneratedHistory, "registry">;
  /** The 1-minute load average when the size's generation started and when its last case ended. */
  load: [number, number];
  /** Commits the case reads: those touching the model's model.yaml, or (the site pass) the registry. */
  commitsRead: number;
  case: string;
  /** Wall time of the whole command (median of three); none for the site pass, which is part of a build. */
  wall?: Sample;
  /** The same work timed inside its process (median of three), without start-up. */
  workS: number;
  rssMb: number;
  target?: number;
}

const scaleFor = (experiments: number): HistoryScale => ({
  experiments,
  commits: Math.round(experiments / 5),
  aliasChanges: Math.max(1, Math.round(experiments / 200)),
});

export async function benchHistory(experiments: number): Promise<HistoryRow[]> {
  const scale = scaleFor(experiments);
  const dir = mkdtempSync(join(tmpdir(), `modelreg-bench-history-${experiments}-`));
  try {
    process.stderr.write(`[history ${experiments}] generating ${scale.commits} commits…\n`);
    const loadBefore = loadavg()[0];
    const { registry, ...h } = await generateHistory(dir, scale);
    const s = h.seconds;
    process.stderr.write(`[history ${experiments}] files ${s.files.toFixed(0)} s, fast-import ${s.import.toFixed(0)} s, repack ${s.repack.toFixed(0)} s\n`);
    const cacheDir = join(dir, ".cache");
    const at100k = experiments >= 100_000;
    const work = async (args: string[]) => {
      const runs: Array<{ s: number; rssMb: number }> = [];
      for (let i = 0; i < 3; i++) {
        const sample = await measureNode(["--import", "tsx", CASE, ...args]);
        if (sample.code !== 0) throw new Error(`history case ${args[0]} failed (exit ${sample.code})`);
        runs.push({ s: JSON.parse(sample.stdout.trim().split("\n").pop() ?? "{}").ms / 1000, rssMb: sample.rssMb });
      }
      return runs.sort((x, y) => x.s - y.s)[1];
    };
    process.stderr.write(`[history ${experiments}] history, resolve --at, site pass…\n`);
    const ref = `${h.model}@production`;
    const history = await median3(["cli", "history", h.model, "--registry", registry, "--json"]);
    const resolveAt = await median3(["cli", "resolve", ref, "--at", h.midDate, "--registry", registry, "--json"]);
    const cases: Array<{ name: string; wall?: Sample; work: { s: number; rssMb: number }; commitsRead: number; target: number }> = [
      { name: `modelreg history ${h.model} --json`, wall: history, work: await work(["model", registry, h.model]), commitsRead: h.modelCommits, target: 1 },
      {
        name: "modelreg resolve …@production --at <date> --json",
        wall: resolveAt,
        work: await work(["at", registry, ref, h.midDate]),
        commitsRead: h.modelCommits,
        target: 1,
      },
    ];
    // A first pass fills the record cache, as the build before it would have.
    await measureNode(["--import", "tsx", CASE, "pass", registry, cacheDir]);
    const pass = await work(["pass", registry, cacheDir]);
    cases.push({ name: "site build: history pass (one git log, blobs, timelines)", work: pass, commitsRead: h.registryCommits, target: 10 });
    const load: [number, number] = [loadBefore, loadavg()[0]];
    return cases.map((c) => {
      if (c.wall && c.wall.code !== 0) throw new Error(`${c.name} failed (exit ${c.wall.code}): ${c.wall.stdout}`);
      const rssMb = c.wall?.rssMb ?? c.work.rssMb;
      return {
        scale,
        history: h,
        load,
        commitsRead: c.commitsRead,
        case: c.name,
        wall: c.wall,
        workS: c.work.s,
        rssMb,
        ...(at100k ? { target: c.target } : {}),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What one size's history holds, and what making it cost. */
function describeSize(r: HistoryRow): string {
  const { mix, seconds: s } = r.history;
  const n = (x: number) => x.toLocaleString("en");
  return (
    `- ${n(r.scale.experiments)} experiments, ${n(r.scale.commits)} commits: 1 with the projects and models, ${n(mix.sweep)} sweeps ` +
    `(${(r.scale.experiments / mix.sweep).toFixed(0)} runs of one model each, on average), ${n(mix.update)} updates of a run, ` +
    `${n(mix.promote)} pull requests on ${r.history.model} (${n(2 * mix.promote)} commits: side + merge), ${n(mix.code)} touching only code ` +
    `(${((100 * mix.code) / r.scale.commits).toFixed(0)}%). Generated in ${(s.files + s.import + s.repack).toFixed(0)} s ` +
    `(files ${s.files.toFixed(0)} s, fast-import ${s.import.toFixed(0)} s, repack ${s.repack.toFixed(0)} s); ` +
    `load average ${r.load[0].toFixed(1)} before, ${r.load[1].toFixed(1)} after.`
  );
}

export function historyReport(rows: HistoryRow[]): string {
  const lines = [
    `\n## history — ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores\n`,
    "A generated history per size (scripts/bench/history-plan.ts): N experiments, N/5 commits, N/200 production alias changes on one model. " +
      "Next to code, as a registry in a project's repository would be: a quarter of the commits are sweeps (one model's runs, in the order they were made, each committed at about the time of its last run), " +
      "a twentieth update a run (a metric added), each alias change is a merged pull request (a side commit and its merge commit; production moves to the model's newest run, or back to the run before when no sweep came since), " +
      "and the rest touch only code beside the registry. The repository is repacked by git after fast-import, as a clone would be. " +
      "*command* = wall time of the whole CLI process, Node start-up included; *work* = the same computation timed inside its process; both medians of three. " +
      "*commits read* = main-line commits that touch the model's model.yaml (history, resolve --at) or the registry (the site pass). " +
      "The site pass runs after the registry is loaded, as in the build. The target is met when the command (for the pass: the work) is within it.\n",
    ...[...new Map(rows.map((r) => [r.scale.experiments, r])).values()].map(describeSize),
    "",
    "| experiments | commits | case | commits read | command (s) | work (s) | work per commit read (ms) | peak RSS (MB) | target | met |",
    "|---:|---:|---|---:|---:|---:|---:|---:|---|:-:|",
  ];
  for (const r of rows) {
    const seconds = r.wall?.wallS ?? r.workS;
    const met = r.target === undefined ? "—" : seconds <= r.target ? "✔" : "✖";
    lines.push(
      `| ${r.scale.experiments.toLocaleString("en")} | ${r.scale.commits.toLocaleString("en")} | ${r.case} | ${r.commitsRead.toLocaleString("en")} | ${r.wall ? r.wall.wallS.toFixed(2) : "—"} | ${r.workS.toFixed(2)} | ${((r.workS * 1000) / r.commitsRead).toFixed(2)} | ${r.rssMb.toFixed(0)} | ${r.target === undefined ? "—" : `≤ ${r.target} s`} | ${met} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
