// `npm run bench -- --only history` (issue #16): the history commands and the
// site build's history pass on a generated history (history-repo.ts) of N
// experiments, N/5 commits and N/200 alias changes on one model, so that
// 100k gives the issue's 100k experiments, 20k commits and 500 alias changes.
// Two or more sizes show how the cost grows with the commits that touch model files.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateHistory, type HistoryScale } from "./history-repo.ts";
import { measureNode, median3, type Sample } from "./sample.ts";

const CASE = fileURLToPath(new URL("./history-case.ts", import.meta.url));

export interface HistoryRow {
  scale: HistoryScale;
  modelCommits: number;
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
    const h = await generateHistory(dir, scale);
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
    const row = (name: string, wall: Sample | undefined, w: { s: number; rssMb: number }, target: number): HistoryRow => {
      if (wall && wall.code !== 0) throw new Error(`${name} failed (exit ${wall.code}): ${wall.stdout}`);
      return { scale, modelCommits: h.modelCommits, case: name, wall, workS: w.s, rssMb: wall?.rssMb ?? w.rssMb, ...(at100k ? { target } : {}) };
    };
    process.stderr.write(`[history ${experiments}] history, resolve --at, site pass…\n`);
    const ref = `${h.model}@production`;
    const history = await median3(["cli", "history", h.model, "--registry", h.registry, "--json"]);
    const resolveAt = await median3(["cli", "resolve", ref, "--at", h.midDate, "--registry", h.registry, "--json"]);
    // A first pass fills the record cache, as the build before it would have.
    await measureNode(["--import", "tsx", CASE, "pass", h.registry, cacheDir]);
    return [
      row(`modelreg history ${h.model} --json`, history, await work(["model", h.registry, h.model]), 1),
      row("modelreg resolve …@production --at <date> --json", resolveAt, await work(["at", h.registry, ref, h.midDate]), 1),
      row("site build: history pass (one git log, blobs, timelines)", undefined, await work(["pass", h.registry, cacheDir]), 10),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function historyReport(rows: HistoryRow[]): string {
  const lines = [
    `\n## history — ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores\n`,
    "A generated history per size: N experiments over N/5 commits (a twentieth of them update an experiment), N/200 production alias changes on one model, each a merged pull request (side commit + merge commit). *command* = wall time of the whole CLI process, Node and tsx start-up included; *work* = the same computation timed inside its process; both medians of three. The site pass runs after the registry is loaded, as in the build. The target is met when the command (for the pass: the work) is within it.\n",
    "| experiments | commits | commits touching model.yaml | case | command (s) | work (s) | work per model commit (ms) | peak RSS (MB) | target | met |",
    "|---:|---:|---:|---|---:|---:|---:|---:|---|:-:|",
  ];
  for (const r of rows) {
    const seconds = r.wall?.wallS ?? r.workS;
    const met = r.target === undefined ? "—" : seconds <= r.target ? "✔" : "✖";
    lines.push(
      `| ${r.scale.experiments.toLocaleString("en")} | ${r.scale.commits.toLocaleString("en")} | ${r.modelCommits} | ${r.case} | ${r.wall ? r.wall.wallS.toFixed(2) : "—"} | ${r.workS.toFixed(2)} | ${((r.workS * 1000) / r.modelCommits).toFixed(1)} | ${r.rssMb.toFixed(0)} | ${r.target === undefined ? "—" : `≤ ${r.target} s`} | ${met} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
