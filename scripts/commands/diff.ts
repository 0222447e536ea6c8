import type { Command } from "commander";
import { type Cell, formatTable } from "../lib/core/table.ts";
import { diffExperiments } from "../lib/domain/diff.ts";
import { experimentAt, setByLine, setByOf } from "../lib/history/history.ts";
import { experimentFromRef } from "../lib/registry/experiment-ref.ts";
import { withOptions } from "./_options.ts";

export function register(program: Command): void {
  withOptions(
    program.command("diff <refA> <refB>").description("parameters, datasets and metrics of two experiments side by side (only what differs, unless --all)"),
    "registry",
    "json",
  )
    .option("--all", "show equal keys too")
    .option(
      "--at <date|commit>",
      "read refA (an alias) as it was at that moment, to compare then with now (2026-03-12 = the end of that day, UTC; or a commit)",
    )
    .action(async (a: string, b: string, flags: { registry: string; all?: boolean; at?: string; json?: boolean }) => {
      const past = flags.at === undefined ? undefined : await experimentAt(flags.registry, a, flags.at);
      const left = past ?? experimentFromRef(flags.registry, a);
      const right = experimentFromRef(flags.registry, b);
      const rows = diffExperiments([left.data, right.data], { all: flags.all });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ experiments: [left.id, right.id], ...(past ? { setBy: setByOf(past) } : {}), rows }, null, 2)}\n`);
        return;
      }
      if (past) process.stdout.write(`${a} at ${past.moment.text} → ${left.id}\n${setByLine(past)}\n\n`);
      if (rows.length === 0) {
        process.stdout.write(`${left.id} and ${right.id} have the same parameters, datasets and metrics\n`);
        return;
      }
      const cell = (v: unknown): Cell => (v === undefined ? "—" : typeof v === "object" && v !== null ? JSON.stringify(v) : (v as Cell));
      const table = formatTable(
        ["", "key", past ? `${a} at ${past.moment.text}` : a, b],
        rows.map((r) => [r.same ? " " : "≠", `${r.section}.${r.key}`, cell(r.values[0]), cell(r.values[1])]),
        process.stdout.isTTY ? process.stdout.columns : 0,
      );
      process.stdout.write(table);
    });
}
