import type { Command } from "commander";
import { type Cell, formatTable } from "../lib/core/table.ts";
import { diffExperiments } from "../lib/domain/diff.ts";
import { experimentFromRef } from "../lib/registry/experiment-ref.ts";
import { withOptions } from "./_options.ts";

export function register(program: Command): void {
  withOptions(
    program.command("diff <refA> <refB>").description("parameters, datasets and metrics of two experiments side by side (only what differs, unless --all)"),
    "registry",
    "json",
  )
    .option("--all", "show equal keys too")
    .action((a: string, b: string, flags: { registry: string; all?: boolean; json?: boolean }) => {
      const left = experimentFromRef(flags.registry, a);
      const right = experimentFromRef(flags.registry, b);
      const rows = diffExperiments([left.data, right.data], { all: flags.all });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ experiments: [left.id, right.id], rows }, null, 2)}\n`);
        return;
      }
      if (rows.length === 0) {
        process.stdout.write(`${left.id} and ${right.id} have the same parameters, datasets and metrics\n`);
        return;
      }
      const cell = (v: unknown): Cell => (v === undefined ? "—" : typeof v === "object" && v !== null ? JSON.stringify(v) : (v as Cell));
      const table = formatTable(
        ["", "key", a, b],
        rows.map((r) => [r.same ? " " : "≠", `${r.section}.${r.key}`, cell(r.values[0]), cell(r.values[1])]),
        process.stdout.isTTY ? process.stdout.columns : 0,
      );
      process.stdout.write(table);
    });
}
