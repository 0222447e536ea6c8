// A generated registry history for the history bench (issue #16), written with
// one `git fast-import` stream: `modelreg generate` makes the registry's files,
// history-plan.ts decides what each commit does, and this file writes the
// commits (the registry under registry/, training code under src/ beside it).
// The working tree ends as HEAD's tree.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { generateRegistry } from "../lib/generate/generate.ts";
import { type HistoryMix, type HistoryScale, planHistory, type Run } from "./history-plan.ts";

export type { HistoryScale } from "./history-plan.ts";

export interface GeneratedHistory {
  registry: string;
  /** `project/model` whose alias moves. */
  model: string;
  /** A committer date halfway through the history. */
  midDate: string;
  /** Main-line commits that touch the model's model.yaml. */
  modelCommits: number;
  /** Main-line commits that touch any registry file. */
  registryCommits: number;
  mix: HistoryMix;
  /** Seconds spent making the files, streaming the commits, repacking. */
  seconds: { files: number; import: number; repack: number };
}

/** Just before the first run (generate/_data.ts starts them on 6 January 2025, 08:00 UTC), after the models were made. */
const START = Date.UTC(2025, 0, 6, 6) / 1000;
const STEP = 1800;
const PEOPLE = ["Alice Ahn <alice@example.com>", "Bob Berg <bob@example.com>", "Carol Chen <carol@example.com>"];
/** The code the registry sits beside; each code commit changes one of these. */
const CODE = ["train.py", "evaluate.py", "export.py", "data/loaders.py", "data/augment.py", "models/heads.py", "models/backbones.py", "utils/logging.py"];
/**
 * fast-import's own delta and compression settings: --depth=1 or 10 and
 * pack.compression=0 or 1 took the same time (its cost is writing the large
 * trees), and the repack below decides the deltas anyway.
 */
const FAST_IMPORT = ["fast-import", "--quiet", "--done"];

const ALIASES = /^aliases:\n(?: {2}.*\n)*/m;
const withProduction = (text: string, id: string) => `${text.replace(ALIASES, "")}aliases:\n  production: ${id}\n`;

/**
 * Where each pull request moves production: to the model's newest run, or,
 * when that is already production (no sweep of the model since), back to the
 * run before (a rollback), so that every pull request changes the alias.
 */
function promotions() {
  let current: string | undefined;
  let previous: string | undefined;
  return (runs: Run[]): { id: string; message: string } => {
    const newest = runs[runs.length - 1].id;
    const id = newest !== current ? newest : (previous ?? runs[runs.length - 2].id);
    const message = newest !== current ? `Promote ${id} to production` : `Roll production back to ${id}`;
    [previous, current] = [current, id];
    return { id, message };
  };
}

/** The registry's experiment files, oldest first, and its other files. */
function listRegistry(registry: string): { base: string[]; runs: Run[] } {
  const base: string[] = [];
  const runs: Run[] = [];
  for (const p of readdirSync(registry).sort()) {
    base.push(`${p}/project.yaml`);
    for (const m of readdirSync(join(registry, p, "models")).sort()) {
      base.push(`${p}/models/${m}/model.yaml`);
      for (const f of readdirSync(join(registry, p, "models", m, "experiments")))
        runs.push({ path: `${p}/models/${m}/experiments/${f}`, model: `${p}/${m}`, id: f.replace(/\.yaml$/, "") });
    }
  }
  return { base, runs: runs.sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

export async function generateHistory(dir: string, scale: HistoryScale): Promise<GeneratedHistory> {
  const registry = join(dir, "registry");
  const since = (t: number) => (performance.now() - t) / 1000;
  const started = performance.now();
  await generateRegistry({ out: registry, experiments: scale.experiments, seed: 1 });
  const files = since(started);
  const { base, runs } = listRegistry(registry);
  const target = base[1].replace(/\/models\/([^/]+)\/model\.yaml$/, "/$1");
  const [tp, tm] = target.split("/");
  const modelPath = `${tp}/models/${tm}/model.yaml`;
  // The model has no alias until its first pull request sets one.
  let modelText = readFileSync(join(registry, modelPath), "utf8").replace(ALIASES, "");
  const { steps, mix } = planHistory(scale, runs, target);

  const importing = performance.now();
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
  const git = spawn("git", FAST_IMPORT, { cwd: dir, stdio: ["pipe", "inherit", "inherit"] });
  const closed = new Promise<number>((resolve) => git.on("close", (code) => resolve(code ?? -1)));
  const write = (s: string | Buffer) => (git.stdin.write(s) ? undefined : new Promise<void>((r) => git.stdin.once("drain", () => r())));
  const file = (path: string, content: Buffer | string) => {
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    return Buffer.concat([Buffer.from(`M 100644 inline ${path}\ndata ${bytes.length}\n`), bytes, Buffer.from("\n")]);
  };
  const header = (ref: string, mark: number, who: string, at: number, message: string) =>
    `commit ${ref}\nmark :${mark}\nauthor ${who} ${at} +0000\ncommitter ${who} ${at} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`;

  const updated = new Map<string, string>();
  const code = new Map<string, string>();
  const added: Run[] = [];
  let mark = 0;
  let pr = 0;
  const targetRuns: Run[] = [];
  const promote = promotions();
  for (const [i, step] of steps.entries()) {
    const at = START + i * STEP;
    const who = PEOPLE[i % PEOPLE.length];
    const from = i === 0 ? "" : `from :${mark}\n`;
    if (step.kind === "base") {
      await write(header("refs/heads/main", ++mark, who, at, "Projects and models\n"));
      await write(Buffer.concat(base.map((p) => file(`registry/${p}`, p === modelPath ? modelText : readFileSync(join(registry, p))))));
    } else if (step.kind === "sweep") {
      added.push(...step.runs);
      if (step.runs[0].model === target) targetRuns.push(...step.runs);
      await write(`${header("refs/heads/main", ++mark, who, at, `Record ${step.runs.length} ${step.runs[0].model} runs\n`)}${from}`);
      await write(Buffer.concat(step.runs.map((e) => file(`registry/${e.path}`, readFileSync(join(registry, e.path))))));
    } else if (step.kind === "update") {
      const e = added[(i * 7919) % added.length];
      const text = (updated.get(e.path) ?? readFileSync(join(registry, e.path), "utf8")).replace(
        /^evaluations:\n/m,
        `evaluations:\n  bench_metric_${i}: 0.5\n`,
      );
      updated.set(e.path, text);
      await write(`${header("refs/heads/main", ++mark, who, at, `Update ${e.id}\n`)}${from}`);
      await write(file(`registry/${e.path}`, text));
    } else if (step.kind === "code") {
      const path = `src/${CODE[(i * 5) % CODE.length]}`;
      code.set(path, `"""${path} of the project the registry sits beside."""\n\nREVISION = ${i}\n`);
      await write(`${header("refs/heads/main", ++mark, who, at, `Tune ${path}\n`)}${from}`);
      await write(file(path, code.get(path) ?? ""));
    } else {
      const { id, message } = promote(targetRuns);
      modelText = withProduction(modelText, id);
      pr++;
      const tip = mark;
      await write(`${header("refs/heads/bench-promote", ++mark, who, at - 600, `${message}\n`)}${from}`);
      await write(file(`registry/${modelPath}`, modelText));
      const side = mark;
      await write(
        `${header("refs/heads/main", ++mark, "Merger <merger@example.com>", at, `Merge pull request #${pr} from bench/promote-${pr}\n\n${message}\n`)}from :${tip}\nmerge :${side}\n`,
      );
      await write(file(`registry/${modelPath}`, modelText));
    }
  }
  await write("done\n");
  git.stdin.end();
  if ((await closed) !== 0) throw new Error("git fast-import failed");
  const imported = since(importing);
  // fast-import's manual: its packs are "simply never seen in real use", so repack before any benchmark.
  // It stores each tree as a delta on its older version; git's own packing (and so a clone) makes the
  // newer, larger version the base, which `git log` reads faster (2.5 s instead of 5.5 s at 100k).
  const repacking = performance.now();
  execFileSync("git", ["repack", "-adfq"], { cwd: dir, stdio: "inherit" });
  const repacked = since(repacking);
  execFileSync("git", ["read-tree", "HEAD"], { cwd: dir });
  // The working tree as HEAD has it: the runs that were updated, the model's last promotion, the code.
  for (const [path, text] of updated) writeFileSync(join(registry, path), text);
  writeFileSync(join(registry, modelPath), modelText);
  for (const [path, text] of code) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // Counted by git, not by the plan: a commit that changed nothing would not count.
  const count = (path: string) => Number(execFileSync("git", ["rev-list", "--count", "--first-parent", "HEAD", "--", path], { cwd: dir, encoding: "utf8" }));
  const [modelCommits, registryCommits] = [count(`registry/${modelPath}`), count("registry")];
  if (modelCommits !== 1 + mix.promote || registryCommits !== mix.base + mix.sweep + mix.update + mix.promote)
    throw new Error(`the history has ${modelCommits} commits touching ${modelPath} and ${registryCommits} touching the registry, not as planned`);
  const midDate = new Date((START + (steps.length / 2) * STEP) * 1000).toISOString();
  return { registry, model: target, midDate, modelCommits, registryCommits, mix, seconds: { files, import: imported, repack: repacked } };
}
