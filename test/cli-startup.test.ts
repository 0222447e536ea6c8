// Lazy start-up (issue #14): the CLI imports only the module of the command it
// runs, so --version, --help and reads never load Astro, the site code or the
// import readers; the summaries --help lists are the commands' own descriptions.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { Command } from "commander";
import { COMMANDS } from "../scripts/command-table.ts";
import { BIN, ROOT, runCli } from "./_helpers.ts";
import { runProcess } from "./_process.ts";

// Logs the URL of every ES module the process loads to stderr, one per line.
const LOG_LOADS = `data:text/javascript,${encodeURIComponent(`import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent('export async function load(url, context, next) { process.stderr.write("LOADED " + url + "\\\\n"); return next(url, context); }'));`)}`;

/** The modules of this package and its dependencies that `modelreg ARGS` loads, relative to the repository. */
async function loadedBy(args: string[]): Promise<string[]> {
  const r = await runProcess(process.execPath, ["--import", LOG_LOADS, BIN, ...args], { cwd: ROOT });
  assert.equal(r.code, 0, r.stderr);
  return [...r.stderr.matchAll(/^LOADED file:\/\/(.*)$/gm)].map((m) => m[1].slice(ROOT.length));
}

test("command table: each summary is the description its module registers", async () => {
  for (const entry of COMMANDS) {
    const program = new Command();
    (await entry.load()).register(program);
    assert.deepEqual(
      program.commands.map((c) => [c.name(), c.description()]),
      [[entry.name, entry.summary]],
      entry.name,
    );
  }
});

test("--version prints package.json's version; --help lists every command with its summary", async () => {
  const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
  assert.deepEqual(await runCli(["--version"]), { code: 0, stdout: `${version}\n`, stderr: "" });
  const help = await runCli(["--help"]);
  assert.equal(help.code, 0);
  const flat = help.stdout.replace(/\s+/g, " ");
  for (const c of COMMANDS) assert.ok(flat.includes(`${c.name} ${c.summary.replace(/\s+/g, " ")}`), c.name);
  const typo = await runCli(["sho", "x"]);
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /unknown command 'sho'[\s\S]*Did you mean show\?/);
  const sub = await runCli(["help", "list"]);
  assert.equal(sub.code, 0);
  assert.match(sub.stdout, /Usage: modelreg list \[options\] <what>/);
});

test("--version and --help load no command; show loads only its own; none loads Astro, the site code or the import readers", async () => {
  for (const args of [["--version"], ["--help"]]) {
    const loaded = await loadedBy(args);
    assert.deepEqual(
      loaded.filter((f) => /\/commands\/[^_]/.test(f)),
      [],
      args.join(" "),
    );
    assert.ok(loaded.length < 15, `${args.join(" ")} loads ${loaded.length} modules: ${loaded.join(", ")}`);
  }
  for (const args of [
    ["show", "animal-image-classification/resnet50@production"],
    ["list", "experiments", "--where", "metrics.accuracy > 0.9"],
    ["validate"],
  ]) {
    const loaded = await loadedBy(args);
    assert.deepEqual(
      loaded.filter((f) => /\/commands\/[^_]/.test(f)),
      [`dist/commands/${args[0]}.js`],
      args[0],
    );
    const heavy = loaded.filter((f) => /node_modules\/(astro|vite)\/|dist\/lib\/(site|import|export|report)\//.test(f));
    assert.deepEqual(heavy, [], args[0]);
  }
});
