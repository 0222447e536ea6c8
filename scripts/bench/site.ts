// The site build benchmark (issues #6 and #15, "Targets"): `modelreg site build`
// cold, then again after one experiment is added, after an alias moves and
// with nothing changed (the previous output and the record cache in place, as
// in CI), beside a bare Astro site whose only page renders an experiment
// (bare-astro/), on the same generated registry, each build its own process.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { prepareBareAstro } from "./bare-astro/prepare.ts";
import { BIN, measureNode, type Sample } from "./sample.ts";

interface SiteRow {
  size: number;
  case: string;
  ours: number;
  bare: number;
  digits: number;
  target: string;
  met: boolean;
}

export interface SiteResult {
  size: number;
  rows: SiteRow[];
  /** Our command's own account of where its time went: "loading the registry 1.8 s, Astro 7.3 s, API 0.3 s". */
  phases: string;
}

interface Built {
  sample: Sample;
  pages: number;
  outputMb: number;
  largestPageKb: number;
}

const ENV = { ASTRO_TELEMETRY_DISABLED: "1" };
const BARE_BUILD = fileURLToPath(new URL("./bare-astro/build.mjs", import.meta.url));
const REPORT_RSS = fileURLToPath(new URL("./report-rss.mjs", import.meta.url));

/** Bytes of every file under `dir` (their sizes, not the blocks they take). */
function treeBytes(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

/** The largest `<dir>/<id>/index.html`: one experiment page, shared assets aside. */
function largestPage(dir: string): number {
  let largest = 0;
  for (const id of readdirSync(dir)) largest = Math.max(largest, statSync(join(dir, id, "index.html")).size);
  return largest;
}

function built(sample: Sample, out: string, pagesDir: string, what: string): Built {
  if (sample.code !== 0) throw new Error(`${what} failed with exit code ${sample.code}:\n${sample.stdout}`);
  const pages = /Built ([\d,]+) pages?/.exec(sample.stdout);
  if (!pages) throw new Error(`${what} did not say how many pages it built:\n${sample.stdout}`);
  return { sample, pages: Number(pages[1].replaceAll(",", "")), outputMb: treeBytes(out) / 1e6, largestPageKb: largestPage(pagesDir) / 1024 };
}

/** The targets (issue #15) at 10k and 100k; smaller sizes show the trend. */
function targets(size: number): { cold: number; added: number; alias: number; none: number; rssMb: number; outMb: number } | undefined {
  if (size >= 100_000) return { cold: 180, added: 30, alias: 60, none: 15, rssMb: 2000, outMb: 1000 };
  if (size >= 10_000) return { cold: 25, added: 8, alias: 10, none: 5, rssMb: 800, outMb: 100 };
  return undefined;
}

/** A new experiment beside the first one of the first model: a copy with a new id and no version. */
function addExperiment(registry: string): string {
  const project = readdirSync(registry).sort()[0];
  const dir = join(registry, project, "models", readdirSync(join(registry, project, "models")).sort()[0], "experiments");
  const first = readdirSync(dir).sort()[0];
  const id = first.slice(0, -".yaml".length);
  const newId = `${id.slice(0, 20)}zzzzzz`;
  const text = readFileSync(join(dir, first), "utf8")
    .replaceAll(id, newId)
    .replace(/^version: .*\n/m, "");
  writeFileSync(join(dir, `${newId}.yaml`), text);
  return join(dir, `${newId}.yaml`);
}

/** Points the first model's production alias at that new experiment (as `modelreg promote` would write it). */
function moveAlias(registry: string): () => void {
  const project = readdirSync(registry).sort()[0];
  const modelDir = join(registry, project, "models", readdirSync(join(registry, project, "models")).sort()[0]);
  const id = readdirSync(join(modelDir, "experiments"))
    .find((f) => f.endsWith("zzzzzz.yaml"))!
    .slice(0, -".yaml".length);
  const file = join(modelDir, "model.yaml");
  const text = readFileSync(file, "utf8");
  writeFileSync(
    file,
    /^\s+production: .*$/m.test(text) ? text.replace(/^(\s+)production: .*$/m, `$1production: ${id}`) : `${text}aliases:\n  production: ${id}\n`,
  );
  return () => writeFileSync(file, text);
}

/** Builds and measures; `withSite` gets the built site before it is deleted (the search benchmark runs on it). */
export async function benchSite(size: number, registry: string, withSite?: (out: string) => Promise<void>): Promise<SiteResult> {
  const dir = mkdtempSync(join(tmpdir(), `modelreg-bench-site-${size}-`));
  // The registry is left as it was found: the validation benchmark runs on it next.
  const undo: Array<() => void> = [];
  try {
    const oursOut = join(dir, "ours");
    // The record cache and the build manifest of these runs, empty for the cold build.
    const env = { ...ENV, MODELREG_CACHE_DIR: join(dir, "cache") };
    const siteBuild = (what: string) => {
      process.stderr.write(`[${size}] site build: ${what}…\n`);
      return measureNode(["--import", REPORT_RSS, BIN, "site", "build", "--registry", registry, "--out", oursOut], env);
    };
    const coldSample = await siteBuild("cold");
    const ours = built(coldSample, oursOut, join(oursOut, "experiments"), "modelreg site build");
    const phases = /\((loading the registry [^)]*)\)/.exec(coldSample.stdout)?.[1] ?? "not reported";
    const addedFile = addExperiment(registry);
    undo.push(() => rmSync(addedFile));
    const added = await siteBuild("one experiment added");
    undo.push(moveAlias(registry));
    const alias = await siteBuild("an alias moved");
    const none = await siteBuild("nothing changed");
    for (const [s, what] of [
      [added, "added"],
      [alias, "alias"],
      [none, "nothing"],
    ] as const)
      built(s, oursOut, join(oursOut, "experiments"), `modelreg site build (${what})`);
    const rendered = (s: Sample) => /\(([\d,]+) rendered/.exec(s.stdout)?.[1] ?? "all";
    const outputMb = treeBytes(oursOut) / 1e6;
    await withSite?.(oursOut);
    rmSync(oursOut, { recursive: true, force: true });

    // The dump is written before the timed build, so the baseline is Astro's rendering alone.
    process.stderr.write(`[${size}] bare Astro baseline (dumping the experiments first, untimed)…\n`);
    const root = join(dir, "bare");
    const data = await prepareBareAstro(registry, root);
    const bareOut = join(root, "dist");
    const bare = built(await measureNode([BARE_BUILD, root, bareOut, data], ENV), bareOut, join(bareOut, "e"), "the bare Astro build");

    const t = targets(size);
    const row = (name: string, value: number, digits: number, target: number | undefined, unit: string, bareValue = bare.sample.wallS): SiteRow => ({
      size,
      case: name,
      ours: value,
      bare: bareValue,
      digits,
      target: target === undefined ? "—" : `≤ ${target.toLocaleString("en")} ${unit}`,
      met: target === undefined || value <= target,
    });
    const rows: SiteRow[] = [
      row("cold build (s)", coldSample.wallS, 1, t?.cold, "s"),
      row(`one experiment added (s; ${rendered(added)} pages rendered)`, added.wallS, 1, t?.added, "s"),
      row(`an alias moved (s; ${rendered(alias)} pages rendered)`, alias.wallS, 1, t?.alias, "s"),
      row("nothing changed (s)", none.wallS, 1, t?.none, "s"),
      row("peak RSS of the cold build (MB)", coldSample.rssMb, 0, t?.rssMb, "MB", bare.sample.rssMb),
      row("whole output (MB)", outputMb, 1, t?.outMb, "MB", bare.outputMb),
      { size, case: "pages built", ours: ours.pages, bare: bare.pages, digits: 0, target: "—", met: true },
      {
        size,
        case: "largest experiment page (KB of HTML)",
        ours: ours.largestPageKb,
        bare: bare.largestPageKb,
        digits: 1,
        target: "≤ 50 KB",
        met: ours.largestPageKb <= 50,
      },
    ];
    return { size, rows, phases };
  } finally {
    for (const f of undo.reverse()) f();
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(rows: SiteRow[]): string {
  const n = (v: number, digits: number) => v.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const lines = ["| experiments | case | modelreg | bare Astro | ratio | target | met |", "|---:|---|---:|---:|---:|---|:-:|"];
  for (const r of rows) {
    lines.push(
      `| ${n(r.size, 0)} | ${r.case} | ${n(r.ours, r.digits)} | ${n(r.bare, r.digits)} | ${(r.ours / r.bare).toFixed(2)} | ${r.target} | ${r.met ? "✔" : "✖"} |`,
    );
  }
  return lines.join("\n");
}

/** Seconds per 1,000 experiments at each size: flat when the build grows linearly. */
function growth(rows: SiteRow[]): string {
  return rows
    .filter((r) => r.case === "cold build (s)")
    .map((r) => `${r.size.toLocaleString("en")}: ${((r.ours / r.size) * 1000).toFixed(2)} s ours, ${((r.bare / r.size) * 1000).toFixed(2)} s bare`)
    .join("; ");
}

export function siteReport(results: SiteResult[]): string {
  const rows = results.flatMap((r) => r.rows);
  const phases = results.map((r) => `${r.size.toLocaleString("en")}: ${r.phases}`).join("; ");
  return [
    `\n## site build — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}\n`,
    "Wall-clock time of `modelreg site build` (process start to exit), one run per case: cold (no cache, no previous output), then with the previous output, its manifest and the record cache in place after one experiment is added, after the production alias of that model moves to it, and with nothing changed. The bare Astro column is a site that renders one page per experiment (parameters, metrics, datasets, artifacts) from a JSON-lines dump written before timing, built once (its time is shown beside each time row). Output size is the sum of the files' sizes.\n",
    table(rows),
    "",
    `Our phases, as the command reports them — ${phases}.`,
    "",
    `Build time per 1,000 experiments — ${growth(rows)}.\n`,
  ].join("\n");
}
