// The three ways validation results are shown: text for people, GitHub
// workflow commands for annotations on pull requests, JSON for tools.
import { join, relative } from "node:path";
import type { Diagnostic } from "../schema/types.ts";

export type DiagnosticFormat = "text" | "github" | "json";

export interface Report {
  valid: boolean;
  checked: number;
  diagnostics: Diagnostic[];
  /** The registry directory as the user named it, to make paths they can open. */
  registry: string;
}

function displayPath(registry: string, file: string): string {
  return relative(process.cwd(), join(registry, file)) || file;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

type Paint = (code: string, s: string) => string;

const plain: Paint = (_code, s) => s;

/** The last line: how many errors and warnings in how many files. */
function summary(r: Report, paint: Paint): string {
  const errors = r.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = r.diagnostics.length - errors;
  const files = new Set(r.diagnostics.map((d) => d.file)).size;
  return errors > 0
    ? paint(
        "31",
        `✖ ${plural(errors, "error")}${warnings ? ` and ${plural(warnings, "warning")}` : ""} in ${plural(files, "file")} (${plural(r.checked, "file")} checked)`,
      )
    : paint("32", `✔ ${plural(r.checked, "file")} checked, no errors${warnings ? ` (${plural(warnings, "warning")})` : ""}`);
}

export function formatText(r: Report, color: boolean): string {
  const paint: Paint = color ? (code, s) => `\x1b[${code}m${s}\x1b[0m` : plain;
  const lines: string[] = [];
  for (const d of r.diagnostics) {
    const sev = d.severity === "error" ? paint("31", "error") : paint("33", "warning");
    lines.push(`${paint("1", `${displayPath(r.registry, d.file)}:${d.line}:${d.col}`)}  ${sev}  ${d.message}  ${paint("2", `[${d.rule}]`)}`);
    lines.push(`    ${paint("36", "hint:")} ${d.hint}`);
  }
  if (lines.length > 0) lines.push("");
  lines.push(summary(r, paint));
  return `${lines.join("\n")}\n`;
}

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function formatGithub(r: Report): string {
  const lines = r.diagnostics.map((d) => {
    const props = `file=${escapeProperty(displayPath(r.registry, d.file))},line=${d.line},col=${d.col},title=${escapeProperty(`modelreg ${d.rule}`)}`;
    return `::${d.severity === "error" ? "error" : "warning"} ${props}::${escapeData(`${d.message}\nhint: ${d.hint}`)}`;
  });
  lines.push(summary(r, plain));
  return `${lines.join("\n")}\n`;
}

function formatJson(r: Report): string {
  const item = (d: Diagnostic) => ({
    file: displayPath(r.registry, d.file),
    line: d.line,
    col: d.col,
    rule: d.rule,
    path: d.path,
    message: d.message,
    hint: d.hint,
  });
  const json = JSON.stringify(
    {
      valid: r.valid,
      checked: r.checked,
      errors: r.diagnostics.filter((d) => d.severity === "error").map(item),
      warnings: r.diagnostics.filter((d) => d.severity === "warning").map(item),
    },
    null,
    2,
  );
  return `${json}\n`;
}

export function formatReport(r: Report, format: DiagnosticFormat, color = false): string {
  return format === "json" ? formatJson(r) : format === "github" ? formatGithub(r) : formatText(r, color);
}
