import type { Command } from "commander";
import { DataError } from "../lib/core/errors.ts";
import { didYouMean } from "../lib/core/suggest.ts";
import { printable } from "../lib/core/table.ts";
import { experimentFromRef } from "../lib/registry/experiment-ref.ts";
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
    .action((ref: string, flags: { registry: string; artifact?: string; json?: boolean }) => {
      const e = experimentFromRef(flags.registry, ref);
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
          `${JSON.stringify({ ref, project: e.project, model: e.model, id, version, alias: e.alias, via: e.via, created, status, file: e.file, artifacts, datasets, code, environment, evaluations, parameters }, null, 2)}\n`,
        );
        return;
      }
      const lines = [
        `${ref} → ${e.id}${d.version ? ` (version ${d.version})` : ""}`,
        `id       ${e.id}`,
        `version  ${d.version ?? "(none)"}`,
        `created  ${d.created}`,
        `file     ${e.file}`,
      ];
      if (d.code?.commit) lines.push(`code     ${d.code.repo ?? ""}@${d.code.commit}${d.code.dirty ? " (dirty)" : ""}`);
      const artifacts = Object.entries(d.artifacts ?? {});
      const keyWidth = Math.max(0, ...artifacts.map(([k]) => printable(k).length));
      if (artifacts.length) lines.push("artifacts", ...artifacts.map(([k, v]) => `  ${printable(k).padEnd(keyWidth)}  ${printable(v)}`));
      process.stdout.write(`${lines.map(printable).join("\n")}\n`);
    });
}
