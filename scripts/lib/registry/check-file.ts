// One file, start to finish: bytes → UTF-8 → YAML → schema → file rules →
// summary. Pure: no I/O, so workers, the cache and tests all call it the same way.

import { dotted, type PathSegment } from "../core/record-path.ts";
import { FILE_RULES, STAGE_RULES } from "../rules/index.ts";
import { describeSchemaError } from "../schema/schema-messages.ts";
import { schemaErrors } from "../schema/schemas.ts";
import type { Diagnostic, FileRef, FileSummary } from "../schema/types.ts";
import { decodeUtf8, LIMITS, locate, type ParsedYaml, parseYaml, sourceAt } from "../yaml/yaml.ts";

export interface FileCheck {
  ref: FileRef;
  diagnostics: Diagnostic[];
  /** Null when the file could not be read as a valid record. */
  summary: FileSummary | null;
  /** The parsed record, when asked for and when it is valid. */
  value?: unknown;
}

function diag(
  ref: FileRef,
  rule: string,
  at: { line: number; col: number },
  path: readonly PathSegment[],
  message: string,
  hint: string,
  severity: Diagnostic["severity"] = "error",
): Diagnostic {
  return { rule, severity, file: ref.file, line: at.line, col: at.col, path: dotted(path), message, hint };
}

export function checkFile(ref: FileRef, bytes: Buffer, keepValue = false): FileCheck {
  const fail = (d: Diagnostic[]): FileCheck => ({ ref, diagnostics: d, summary: null });
  if (bytes.length > LIMITS.maxBytes) {
    return fail([
      diag(
        ref,
        STAGE_RULES.size.id,
        { line: 1, col: 1 },
        [],
        `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MiB; the limit is ${LIMITS.maxBytes / 1024 / 1024} MiB`,
        "Keep big things out of the registry: store long histories or large configs as artifacts and put their uri under `artifacts`.",
      ),
    ]);
  }
  const decoded = decodeUtf8(bytes);
  if ("problem" in decoded) {
    const p = decoded.problem;
    return fail([diag(ref, STAGE_RULES.utf8.id, p, [], p.message, p.hint)]);
  }
  const parsed = parseYaml(decoded.text);
  if (parsed.problems.length > 0) {
    return fail(parsed.problems.map((p) => diag(ref, STAGE_RULES.yaml.id, p, [], p.message, p.hint)));
  }
  const errors = schemaErrors(ref.kind, parsed.value);
  if (errors.length > 0) {
    const seen = new Set<string>();
    const out: Diagnostic[] = [];
    for (const err of errors) {
      const problem = describeSchemaError(ref.kind, parsed.value, (path) => sourceAt(parsed, path), err);
      const d = diag(ref, STAGE_RULES.schema.id, locate(parsed, problem.path), problem.path, problem.message, problem.hint);
      const key = `${d.line}:${d.col}:${d.message}`;
      if (!seen.has(key)) out.push(d);
      seen.add(key);
    }
    // A file that breaks its schema still says what it can about its id, version
    // and aliases, so the registry rules do not add misleading follow-on errors.
    return { ref, diagnostics: out, summary: summarize(ref, parsed) };
  }
  const diagnostics: Diagnostic[] = [];
  const ctx = { ref, value: parsed.value, text: decoded.text };
  for (const rule of FILE_RULES) {
    if (!rule.kinds.includes(ref.kind)) continue;
    for (const f of rule.check(ctx)) diagnostics.push(diag(ref, rule.id, locate(parsed, f.path), f.path, f.message, f.hint, f.severity));
  }
  return { ref, diagnostics, summary: summarize(ref, parsed), value: keepValue ? parsed.value : undefined };
}

function at(parsed: ParsedYaml, path: PathSegment[]): [number, number] {
  const p = locate(parsed, path);
  return [p.line, p.col];
}

function summarize(ref: FileRef, parsed: ParsedYaml): FileSummary | null {
  const v = parsed.value as Record<string, unknown>;
  if (typeof v !== "object" || v === null || Array.isArray(v)) return null;
  const str = (x: unknown): x is string => typeof x === "string";
  if (ref.kind === "project") {
    return str(v.name) ? { project: { name: v.name, at: at(parsed, ["name"]) } } : {};
  }
  if (ref.kind === "model") {
    const aliases: NonNullable<FileSummary["model"]>["aliases"] = {};
    // The file may break its schema here, so each target is checked to be a string.
    const given: Array<[string, unknown]> = v.aliases && typeof v.aliases === "object" ? Object.entries(v.aliases) : [];
    for (const [alias, target] of given) {
      if (str(target)) aliases[alias] = { target, at: at(parsed, ["aliases", alias]) };
    }
    return { model: { aliases } };
  }
  const id = str(v.id) ? v.id : ref.id;
  return { experiment: str(v.version) ? { id, version: v.version, versionAt: at(parsed, ["version"]) } : { id } };
}

/**
 * The schema and the file rules on a record value, without its text's YAML
 * stage: true when nothing is an error. For writers whose serialiser is ours
 * (the import), the text of such a value parses back to the same value, so
 * checkFile on it would say the same; a `false` is followed by checkFile for
 * located diagnostics.
 */
export function recordValuePasses(ref: FileRef, value: unknown, text: string): boolean {
  if (schemaErrors(ref.kind, value).length > 0) return false;
  const ctx = { ref, value, text };
  for (const rule of FILE_RULES) {
    if (!rule.kinds.includes(ref.kind)) continue;
    if (rule.check(ctx).some((f) => (f.severity ?? "error") === "error")) return false;
  }
  return true;
}
