// A generated registry history for the history bench (issue #16), written with
// one `git fast-import`: the generated registry's experiments arrive over
// `commits` commits, a twentieth of them update an experiment, and
// `aliasChanges` pull requests (a side commit and its merge commit) move one
// model's production alias. The working tree ends as HEAD's tree.
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateRegistry } from "../lib/generate/generate.ts";

export interface HistoryScale {
  experiments: number;
  /** Every commit, the pull requests' side commits included. */
  commits: number;
  /** Production alias changes on one model, each a merged pull request. */
  aliasChanges: number;
}

export interface GeneratedHistory {
  registry: string;
  /** `project/model` whose alias moves. */
  model: string;
  /** A committer date halfway through the history. */
  midDate: string;
  /** Main-line commits that touch model.yaml files. */
  modelCommits: number;
}

const START = Date.UTC(2025, 0, 1) / 1000;
const STEP = 1800;
const PEOPLE = ["Alice Ahn <alice@example.com>", "Bob Berg <bob@example.com>", "Carol Chen <carol@example.com>"];

type Kind = "add" | "update" | "alias";

/** Which main-line commit does what: the special ones spread evenly, the rest add experiments. */
function schedule(main: number, aliases: number, updates: number): Kind[] {
  const kinds: Kind[] = new Array(main).fill("add");
  const place = (n: number, kind: Kind, offset: number) => {
    for (let j = 0; j < n; j++) {
      let i = 2 + Math.floor(((j + offset) * (main - 2)) / n);
      while (kinds[i] !== "add" && i < main - 1) i++;
      kinds[i] = kind;
    }
  };
  place(aliases, "alias", 0.5);
  place(updates, "update", 0.25);
  kinds[0] = "add";
  return kinds;
}

function withProduction(text: string, id: string): string {
  const block = /^aliases:\n(?: {2}.*\n)*/m;
  return block.test(text) ? text.replace(block, `aliases:\n  production: ${id}\n`) : `${text}aliases:\n  production: ${id}\n`;
}

export async function generateHistory(dir: string, scale: HistoryScale): Promise<GeneratedHistory> {
  const registry = join(dir, "registry");
  await generateRegistry({ out: registry, experiments: scale.experiments, seed: 1 });
  const projects = readdirSync(registry).sort();
  const base: string[] = [];
  const experiments: Array<{ path: string; model: string; id: string }> = [];
  for (const p of projects) {
    base.push(`${p}/project.yaml`);
    for (const m of readdirSync(join(registry, p, "models")).sort()) {
      base.push(`${p}/models/${m}/model.yaml`);
      for (const f of readdirSync(join(registry, p, "models", m, "experiments")))
        experiments.push({ path: `${p}/models/${m}/experiments/${f}`, model: `${p}/${m}`, id: f.replace(/\.yaml$/, "") });
    }
  }
  experiments.sort((a, b) => (a.id < b.id ? -1 : 1));
  const target = `${projects[0]}/${readdirSync(join(registry, projects[0], "models")).sort()[0]}`;
  const [tp, tm] = target.split("/");
  const modelPath = `${tp}/models/${tm}/model.yaml`;
  let modelText = readFileSync(join(registry, modelPath), "utf8");

  const main = scale.commits - scale.aliasChanges;
  const kinds = schedule(main, scale.aliasChanges, Math.round(scale.commits / 20));
  const adds = kinds.filter((k) => k === "add").length - 1;
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
  const git = spawn("git", ["fast-import", "--quiet", "--done"], { cwd: dir, stdio: ["pipe", "inherit", "inherit"] });
  const closed = new Promise<number>((resolve) => git.on("close", (code) => resolve(code ?? -1)));
  const write = (s: string | Buffer) => (git.stdin.write(s) ? undefined : new Promise<void>((r) => git.stdin.once("drain", () => r())));
  const file = (path: string, content: Buffer | string) => {
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    return Buffer.concat([Buffer.from(`M 100644 inline registry/${path}\ndata ${bytes.length}\n`), bytes, Buffer.from("\n")]);
  };
  const header = (ref: string, mark: number, who: string, at: number, message: string) =>
    `commit ${ref}\nmark :${mark}\nauthor ${who} ${at} +0000\ncommitter ${who} ${at} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`;

  const updated = new Map<string, string>();
  const added: typeof experiments = [];
  let next = 0;
  let addIndex = 0;
  let mark = 0;
  let tip = 0;
  let pr = 0;
  let modelCommits = 1;
  let latestOfTarget: string | undefined;
  for (let i = 0; i < main; i++) {
    const at = START + i * STEP;
    const who = PEOPLE[i % PEOPLE.length];
    if (i === 0) {
      await write(header("refs/heads/main", ++mark, who, at, "Projects and models\n"));
      await write(Buffer.concat(base.map((p) => file(p, readFileSync(join(registry, p))))));
    } else if (kinds[i] === "add" || (kinds[i] === "alias" && !latestOfTarget)) {
      addIndex++;
      const batch = experiments.slice(next, addIndex >= adds ? experiments.length : Math.round((addIndex * experiments.length) / adds));
      next += batch.length;
      added.push(...batch);
      for (const e of batch) if (e.model === target) latestOfTarget = e.id;
      await write(`${header("refs/heads/main", ++mark, who, at, `Record ${batch.length} runs\n`)}from :${tip}\n`);
      await write(Buffer.concat(batch.map((e) => file(e.path, readFileSync(join(registry, e.path))))));
    } else if (kinds[i] === "update" && added.length > 0) {
      const e = added[(i * 7919) % added.length];
      const text = (updated.get(e.path) ?? readFileSync(join(registry, e.path), "utf8")).replace(
        /^evaluations:\n/m,
        `evaluations:\n  bench_metric_${i}: 0.5\n`,
      );
      updated.set(e.path, text);
      await write(`${header("refs/heads/main", ++mark, who, at, `Update ${e.id}\n`)}from :${tip}\n`);
      await write(file(e.path, text));
    } else {
      modelText = withProduction(modelText, latestOfTarget ?? "");
      pr++;
      modelCommits++;
      await write(`${header("refs/heads/bench-promote", ++mark, who, at - 600, `Promote ${latestOfTarget}\n`)}from :${tip}\n`);
      await write(file(modelPath, modelText));
      const side = mark;
      await write(
        `${header("refs/heads/main", ++mark, "Merger <merger@example.com>", at, `Merge pull request #${pr} from bench/promote-${pr}\n`)}from :${tip}\nmerge :${side}\n`,
      );
      await write(file(modelPath, modelText));
    }
    tip = mark;
  }
  await write("done\n");
  git.stdin.end();
  if ((await closed) !== 0) throw new Error("git fast-import failed");
  execFileSync("git", ["read-tree", "HEAD"], { cwd: dir });
  // The working tree as HEAD has it: the experiments that were updated, and the model's last promotion.
  for (const [path, text] of updated) writeFileSync(join(registry, path), text);
  writeFileSync(join(registry, modelPath), modelText);
  return { registry, model: target, midDate: new Date((START + (main / 2) * STEP) * 1000).toISOString(), modelCommits };
}
