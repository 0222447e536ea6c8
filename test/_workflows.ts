// The workflows as data, and a way to run their `run:` steps exactly as
// written (issue #8): there is no GitHub here, so the tests run what it would.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseYaml } from "../scripts/lib/yaml/yaml.ts";
import { type CliResult, ROOT } from "./_helpers.ts";
import { runProcess } from "./_process.ts";

export const WORKFLOWS = join(ROOT, ".github", "workflows");

export interface RunStep {
  workflow: string;
  job: string;
  name?: string;
  if?: string;
  run: string;
  env: Record<string, string>;
}

type Step = { name?: string; if?: string; run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string>; id?: string };
export type Workflow = {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": unknown };
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string>; container?: string; environment?: unknown }>;
};

export function workflowFiles(): string[] {
  return readdirSync(WORKFLOWS)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

export function readWorkflow(file: string): Workflow {
  const parsed = parseYaml(readFileSync(join(WORKFLOWS, file), "utf8"));
  if (parsed.problems.length) throw new Error(`${file}: ${parsed.problems.map((p) => p.message).join("; ")}`);
  return parsed.value as Workflow;
}

export function runSteps(file?: string): RunStep[] {
  return (file ? [file] : workflowFiles()).flatMap((workflow) =>
    Object.entries(readWorkflow(workflow).jobs).flatMap(([job, j]) =>
      j.steps.flatMap((s) => (s.run === undefined ? [] : [{ workflow, job, name: s.name, if: s.if, run: s.run, env: s.env ?? {} }])),
    ),
  );
}

/** `${{ expr }}` in a step's env, replaced with what GitHub would give. */
function expand(value: string, contexts: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    if (!(expr in contexts)) throw new Error(`the test gives no value for \${{ ${expr} }}`);
    return contexts[expr];
  });
}

/** Runs one step's script with bash, in `cwd`, with its env expanded and GITHUB_STEP_SUMMARY set. */
export function runStep(step: RunStep, opts: { cwd: string; contexts: Record<string, string>; env?: Record<string, string> }): Promise<CliResult> {
  const env = Object.fromEntries(Object.entries(step.env).map(([k, v]) => [k, expand(String(v), opts.contexts)]));
  // GitHub runs `run:` with `bash -e {0}`.
  return runProcess("bash", ["-e", "-c", step.run], { cwd: opts.cwd, env: { npm_config_offline: "true", ...opts.env, ...env } });
}
