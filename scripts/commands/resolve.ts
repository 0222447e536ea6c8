import type { Command } from "commander";
import { DataError } from "../lib/core/errors.ts";
import { didYouMean } from "../lib/core/suggest.ts";
import { printable } from "../lib/core/table.ts";
import { type ExperimentAt, experimentAt, setByLine, setByOf } from "../lib/history/history.ts";
import { experimentFromRef, type ResolvedExperiment } from "../lib/registry/experiment-ref.ts";
import { withOptions } from "./_options.ts";

export function register(program: Command): void {
  withOptions(
    program
      .command("resolve <ref>")
      .description("what a deployment or an inference-log join needs: project/model@alias|version → experiment id, version, artifacts"),
    "registry",
    "json",
  )
    .option("--artifact <name>", "print only this artifact's URI")
    .option("--at <date|commit>", "what the alias named at that moment of this branch's history (2026-03-12 = the end of that day, UTC; or a commit)")
    .action(async (ref: string, flags: { registry: string; artifact?: string; at?: string; json?: boolean }) => {
      const e: ResolvedExperiment | ExperimentAt =
        flags.at === undefined ? experimentFromRef(flags.registry, ref) : await experimentAt(flags.registry, ref, flags.at);
      const past = "setBy" in e ? (e as ExperimentAt) : undefined;
      const d = e.data;
      if (flags.artifact !== undefined) {
        const uri = d.artifacts?.[flags.artifact];
        if (uri === undefined) {
          const names = Object.keys(d.artifacts ?? {});
          throw new DataError(
            `experiment ${e.id} has no artifact "${flags.artifact}"`,
            "E_NO_ARTIFACT",
            `${didYouMean(flags.artifact, names)}Artifacts: ${names.join(", ") || "(none)"}.`,
          );
        }
        process.stdout.write(`${uri}\n`);
        return;
      }
      if (flags.json) {
        const { id, version, created, status, artifacts, datasets, code, environment, evaluations, parameters } = d;
        process.stdout.write(
          `${JSON.stringify({ ref, project: e.project, model: e.model, id, version, alias: e.alias, via: e.via, created, status, file: e.file, artifacts, datasets, code, environment, evaluations, parameters, ...(past ? { setBy: setByOf(past) } : {}) }, null, 2)}\n`,
        );
        return;
      }
      const lines = [
        `${ref}${past ? ` at ${past.moment.text}` : ""} → ${e.id}${d.version ? ` (version ${d.version})` : ""}`,
        `id       ${e.id}`,
        `version  ${d.version ?? "(none)"}`,
        `created  ${d.created}`,
        `file     ${e.file}`,
      ];
      if (past) lines.push(setByLine(past));
      if (d.code?.commit) lines.push(`code     ${d.code.repo ?? ""}@${d.code.commit}${d.code.dirty ? " (dirty)" : ""}`);
      const artifacts = Object.entries(d.artifacts ?? {});
      const keyWidth = Math.max(0, ...artifacts.map(([k]) => printable(k).length));
      if (artifacts.length) lines.push("artifacts", ...artifacts.map(([k, v]) => `  ${printable(k).padEnd(keyWidth)}  ${printable(v)}`));
      process.stdout.write(`${lines.map(printable).join("\n")}\n`);
    });
}
