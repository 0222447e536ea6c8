// Start-up (issue #14): whole-process wall time of short commands on the
// sample registry, each beside `node -e 0` in the same run. The cases take
// turns, round by round, so a busy moment of a shared machine falls on all of
// them alike; each row is the median of its rounds.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BIN } from "./sample.ts";

const SAMPLE = fileURLToPath(new URL("../../registry/", import.meta.url));
const ROUNDS = 7;

interface Case {
  label: string;
  args: string[];
  /** Seconds; undefined for the baseline. */
  target?: number;
  /** Run once before timing, so the caches are filled (a warm run). */
  warm?: boolean;
}

export interface StartupRow {
  label: string;
  medianS: number;
  target?: number;
}

function wallS(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
  const s = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${r.status}: ${r.stderr}`);
  return s;
}

export function benchStartup(): StartupRow[] {
  const cache = mkdtempSync(join(tmpdir(), "modelreg-bench-startup-"));
  const env = { ...process.env, MODELREG_CACHE_DIR: cache, NO_COLOR: "1" };
  const cli = (...args: string[]) => [BIN, ...args];
  const cases: Case[] = [
    { label: "`node -e 0`", args: ["-e", "0"] },
    { label: "`modelreg --version`", args: cli("--version"), target: 0.15 },
    {
      label: "`modelreg show animal-image-classification/resnet50@production`",
      args: cli("show", "animal-image-classification/resnet50@production", "--registry", SAMPLE),
      target: 0.25,
    },
    { label: "`modelreg validate`, warm", args: cli("validate", "--registry", SAMPLE), target: 0.35, warm: true },
    {
      label: "`modelreg list experiments --where 'metrics.accuracy > 0.9' --sort metrics.accuracy desc`, warm",
      args: cli("list", "experiments", "--registry", SAMPLE, "--where", "metrics.accuracy > 0.9", "--sort", "metrics.accuracy", "desc"),
      target: 0.35,
      warm: true,
    },
  ];
  try {
    for (const c of cases) if (c.warm) wallS(c.args, env);
    const times = cases.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round++) for (const [i, c] of cases.entries()) times[i].push(wallS(c.args, env));
    return cases.map((c, i) => ({ label: c.label, target: c.target, medianS: times[i].sort((a, b) => a - b)[ROUNDS >> 1] }));
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

export function startupReport(rows: StartupRow[]): string {
  const node = rows[0].medianS;
  const lines = [
    `\n## start-up — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}\n`,
    `Whole-process wall time (spawn to exit), median of ${ROUNDS} runs taken in turns with \`node -e 0\`; the sample registry (\`registry/\`, 83 files); warm = the validation and record caches filled by one run before.\n`,
    "| command | median (s) | × `node -e 0` | target | met |",
    "|---|---:|---:|---:|:-:|",
  ];
  for (const r of rows) {
    const target = r.target === undefined ? "—" : `≤ ${r.target.toFixed(2)} s`;
    const met = r.target === undefined ? "" : r.medianS <= r.target ? "✔" : "✖";
    lines.push(`| ${r.label} | ${r.medianS.toFixed(3)} | ${(r.medianS / node).toFixed(1)} | ${target} | ${met} |`);
  }
  return `${lines.join("\n")}\n`;
}
