// Runs one benchmark case as its own process (measure.ts) and samples it: wall
// time from spawn to exit, the child's own peak RSS, its exit code and output.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const MEASURE = fileURLToPath(new URL("./measure.ts", import.meta.url));
const REPORT_RSS = fileURLToPath(new URL("./report-rss.mjs", import.meta.url));
/** The `modelreg` command as users run it: compiled JavaScript (`npm run bench` compiles it first). */
export const BIN = fileURLToPath(new URL("../../bin/modelreg.mjs", import.meta.url));

export interface Sample {
  wallS: number;
  rssMb: number;
  code: number;
  /** What the case printed, without measure.ts's last line. */
  stdout: string;
}

/**
 * One case: `cli …` runs the modelreg command; the naive baselines run in
 * measure.ts under tsx (its start-up, about 0.3 s, is in their times).
 */
export function measure(args: string[], env: Record<string, string> = {}): Promise<Sample> {
  if (args[0] === "cli") return measureNode(["--import", REPORT_RSS, BIN, ...args.slice(1)], env);
  return measureNode(["--import", "tsx", MEASURE, ...args], env);
}

/** Any Node script that prints {rssMb} as its last line, as measure.ts does. */
export function measureNode(nodeArgs: string[], env: Record<string, string> = {}): Promise<Sample> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const lines = out.trim().split("\n");
      const report = lines.pop() ?? "";
      let last: { rssMb: number };
      try {
        last = JSON.parse(report);
      } catch {
        return reject(new Error(`the case "${nodeArgs.join(" ")}" exited with code ${code} before reporting its measurements`));
      }
      resolve({ wallS: (performance.now() - start) / 1000, rssMb: last.rssMb, code: code ?? -1, stdout: lines.join("\n") });
    });
  });
}

/** The median of three runs, for the fast cases, where one hiccup of a shared machine would dominate. */
export async function median3(args: string[], env: Record<string, string> = {}): Promise<Sample> {
  const runs: Sample[] = [];
  for (let i = 0; i < 3; i++) runs.push(await measure(args, env));
  return runs.sort((a, b) => a.wallS - b.wallS)[1];
}
