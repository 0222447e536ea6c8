// `npm run bench`: validation and listing at 1k, 10k and 100k synthetic experiments, each
// case beside the naive baseline measured in the same run (issue #3). Prints a
// Markdown table for docs/benchmarks.md; then the site build beside a bare Astro
// site (issue #6, site.ts). Options: --sizes 1000,10000 to choose sizes;
// --only validate, --only site (the site build, then search on the built site), --only startup
// (short commands on the sample registry, issue #14) or --only import (import mlflow from SQLite and
// import wandb, issue #18; --import-sizes and --wandb-sizes for their run counts), --only history
// (history.ts: history, resolve --at and the site's history pass on a generated git history, issue #16) or
// --only analysis (the sweep analysis panel, analysis.ts, issue #17) to run one part.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { generateRegistry } from "../lib/generate/generate.ts";
import { type AnalysisRow, analysisReport, benchAnalysis } from "./analysis.ts";
import { benchHistory, type HistoryRow, historyReport } from "./history.ts";
import { benchImport, importReport } from "./import.ts";
import { measure, median3, type Sample } from "./sample.ts";
import { benchSearch, type SearchRow, searchReport } from "./search.ts";
import { benchSite, type SiteResult, siteReport } from "./site.ts";
import { benchStartup, startupReport } from "./startup.ts";

function git(dir: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", ...args], { cwd: dir, stdio: "ignore" });
}

interface Row {
  size: number;
  case: string;
  ours: Sample;
  naive: Sample;
  target: string;
  met: boolean;
}

async function benchSize(size: number, parts: Set<string>): Promise<{ rows: Row[]; site: SiteResult[] }> {
  const dir = mkdtempSync(join(tmpdir(), `modelreg-bench-${size}-`));
  try {
    const registry = join(dir, "registry");
    process.stderr.write(`[${size}] generating…\n`);
    await generateRegistry({ out: registry, experiments: size, seed: 1 });
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "generated");
    // Search is measured on the site the site benchmark built (issue #7).
    if (parts.has("analysis")) analysisRows.push(...(await benchAnalysis(size, registry)));
    const site = parts.has("site") ? [await benchSite(size, registry, async (out) => void searchRows.push(...(await benchSearch(size, registry, out))))] : [];
    if (!parts.has("validate")) return { rows: [], site };
    const cacheDir = join(dir, ".cache");
    const validate = (...extra: string[]) => measure(["cli", "validate", "--registry", registry, "--format", "json", "--cache-dir", cacheDir, ...extra]);

    process.stderr.write(`[${size}] naive baseline…\n`);
    const naive = await measure(["naive-validate", registry]);
    process.stderr.write(`[${size}] cold…\n`);
    const cold = await validate();
    process.stderr.write(`[${size}] warm…\n`);
    const warm = await median3(["cli", "validate", "--registry", registry, "--format", "json", "--cache-dir", cacheDir]);

    // One experiment changes, as in a pull request that updates a metric.
    const project = readdirSync(registry).sort()[0];
    const model = readdirSync(join(registry, project, "models")).sort()[0];
    const expDir = join(registry, project, "models", model, "experiments");
    const file = join(expDir, readdirSync(expDir).sort()[0]);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^evaluations:\n/m, "evaluations:\n  bench_metric: 0.5\n"));
    process.stderr.write(`[${size}] incremental…\n`);
    const incremental = await median3(["cli", "validate", "--registry", registry, "--format", "json", "--cache-dir", cacheDir, "--changed-since", "HEAD"]);
    const incrementalNoCache = await median3([
      "cli",
      "validate",
      "--registry",
      registry,
      "--format",
      "json",
      "--cache-dir",
      cacheDir,
      "--changed-since",
      "HEAD",
      "--no-cache",
    ]);

    // list experiments (issue #5): two conditions, a sort and a limit.
    const where = "metrics.accuracy > 0.9 and params.optimizer.name = 'adamw'";
    const listArgs = ["cli", "list", "experiments", "--registry", registry, "--where", where, "--sort", "metrics.accuracy", "desc", "--limit", "20", "--json"];
    process.stderr.write(`[${size}] list…\n`);
    const naiveList = await measure(["naive-list", registry, where, "metrics.accuracy", "20"]);
    const listCold = await measure(listArgs, { MODELREG_CACHE_DIR: cacheDir });
    const listWarm = await median3(listArgs, { MODELREG_CACHE_DIR: cacheDir });

    const codes = [cold, warm, incremental, incrementalNoCache, listCold, listWarm].map((s) => s.code);
    if (codes.some((c) => c !== 0)) throw new Error(`validation failed on the generated registry (exit codes ${codes.join(", ")})`);
    // The targets are stated for 100k experiments; smaller sizes show the trend.
    const at100k = size >= 100_000;
    const rows: Row[] = [
      { size, case: "cold (first run)", ours: cold, naive, target: at100k ? "≤ 0.6 × naive" : "—", met: !at100k || cold.wallS <= 0.6 * naive.wallS },
      { size, case: "warm (nothing changed)", ours: warm, naive, target: at100k ? "≤ 2 s" : "—", met: !at100k || warm.wallS <= 2 },
      {
        size,
        case: "incremental, 1 file, after a warm run",
        ours: incremental,
        naive,
        target: at100k ? "≤ 1.5 s" : "—",
        met: !at100k || incremental.wallS <= 1.5,
      },
      { size, case: "incremental, 1 file, --no-cache (fresh CI clone)", ours: incrementalNoCache, naive, target: "—", met: true },
      { size, case: "list --where (2 conditions) --sort --limit 20, first run", ours: listCold, naive: naiveList, target: "—", met: true },
      {
        size,
        case: "list --where (2 conditions) --sort --limit 20, warm",
        ours: listWarm,
        naive: naiveList,
        target: at100k ? "≤ 1.5 s" : "—",
        met: !at100k || listWarm.wallS <= 1.5,
      },
    ];
    return { rows, site };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(rows: Row[]): string {
  const lines = [
    "| experiments | case | modelreg (s) | naive (s) | ratio | peak RSS modelreg / naive (MB) | target | met |",
    "|---:|---|---:|---:|---:|---:|---|:-:|",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.size.toLocaleString("en")} | ${r.case} | ${r.ours.wallS.toFixed(2)} | ${r.naive.wallS.toFixed(2)} | ${(r.ours.wallS / r.naive.wallS).toFixed(2)} | ${r.ours.rssMb.toFixed(0)} / ${r.naive.rssMb.toFixed(0)} | ${r.target}${r.ours.rssMb > 2048 ? " (RSS over 2 GB)" : ""} | ${r.met && r.ours.rssMb <= 2048 ? "✔" : "✖"} |`,
    );
  }
  return lines.join("\n");
}

/** A comma-separated list of counts given as `--name 1000,10000`, or the default. */
function sizesFlag(name: string, fallback: number[]): number[] {
  const at = process.argv.indexOf(name);
  return at > 0
    ? process.argv[at + 1]
        .split(",")
        .map(Number)
        .filter((n) => n > 0)
    : fallback;
}

const sizes = sizesFlag("--sizes", [1000, 10000, 100000]);
const onlyArg = process.argv.indexOf("--only");
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;
const PARTS = ["startup", "validate", "site", "import", "history", "analysis"];
if (only !== undefined && !PARTS.includes(only))
  throw new Error(`--only takes validate (validate and list), site, startup, import, history or analysis, not "${only}"`);
const parts = new Set(only ? [only] : PARTS);
if (parts.has("startup")) {
  process.stderr.write("start-up…\n");
  process.stdout.write(startupReport(benchStartup()));
}
// Import sizes are runs in the source (issue #18), not registry experiments: --import-sizes 1000,10000.
const mlflowSizes = sizesFlag("--import-sizes", [1000, 10000]);
const wandbSizes = sizesFlag("--wandb-sizes", [500, 1000]);
const analysisRows: AnalysisRow[] = [];
const rows: Row[] = [];
const siteResults: SiteResult[] = [];
const searchRows: SearchRow[] = [];
for (const size of parts.has("validate") || parts.has("site") || parts.has("analysis") ? sizes : []) {
  const result = await benchSize(size, parts);
  rows.push(...result.rows);
  siteResults.push(...result.site);
}
if (parts.has("validate")) {
  process.stdout.write(`\n## validate and list — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}\n\n`);
  process.stdout.write(
    "Wall-clock time of the whole command (process start to exit), as a user or CI sees it; fast cases (warm, incremental, warm list) are the median of three runs; naive = one thread, glob → read → yaml.parse → ajv, no cache (for list: parse every experiment, then filter, sort and cut in memory with the same query code).\n\n",
  );
  process.stdout.write(`${table(rows)}\n`);
}
if (parts.has("site")) process.stdout.write(siteReport(siteResults) + searchReport(searchRows));
if (parts.has("import")) process.stdout.write(importReport(await benchImport(mlflowSizes, wandbSizes)));
if (parts.has("history")) {
  const historyRows: HistoryRow[] = [];
  for (const size of sizes) historyRows.push(...(await benchHistory(size)));
  process.stdout.write(historyReport(historyRows));
}
if (parts.has("analysis")) process.stdout.write(analysisReport(analysisRows));
