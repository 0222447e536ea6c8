// What an import did, for people (one line per file written or thing skipped)
// and for tools (`--format json`).
import { join } from "node:path";
import type { ImportResult } from "./plan.ts";

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}

export function formatImport(r: ImportResult, registry: string): string {
  const lines: string[] = [];
  const verb = (action: string) => (r.dryRun ? `would be ${action}` : action);
  for (const w of r.written) {
    const name = w.kind === "experiment" ? `${w.id.slice(0, 12)}  ${w.label}` : `${w.id}  (${w.label})`;
    lines.push(`${r.dryRun ? `would ${w.action === "created" ? "create" : "update"}` : w.action} ${w.kind} ${name}  ${join(registry, w.file)}`);
  }
  for (const s of r.skipped) lines.push(`skipped ${s.what}: ${s.why}`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  const experiments = r.written.filter((w) => w.kind === "experiment").length;
  const others = r.written.length - experiments;
  const summary =
    r.written.length === 0
      ? `nothing new to import into ${r.project} (${count(r.skipped.length, "thing")} skipped)`
      : `${count(experiments, "experiment")}${others ? ` and ${count(others, "other file")}` : ""} ${verb(r.written.some((w) => w.action === "created") ? "created" : "updated")} in ${r.project}; ${count(r.skipped.length, "thing")} skipped`;
  lines.push(r.dryRun ? `${summary} (dry run: nothing written)` : summary);
  return `${lines.join("\n")}\n`;
}

export function importJson(r: ImportResult, registry: string): string {
  const written = r.written.map((w) => ({ ...w, path: join(registry, w.file) }));
  return `${JSON.stringify({ system: r.system, project: r.project, dryRun: r.dryRun, written, skipped: r.skipped, notes: r.notes }, null, 2)}\n`;
}
