import type { Diagnostic } from "../schema/types.ts";

/** A registry-rule error at a spot in a file. */
export function errorAt(rule: string, file: string, at: readonly [number, number] | null, path: string, message: string, hint: string): Diagnostic {
  return { rule, severity: "error", file, line: at?.[0] ?? 1, col: at?.[1] ?? 1, path, message, hint };
}

/** Whether a model (or its project) is in the rules' scope. */
export function inScope(scope: ReadonlySet<string> | null, key: string): boolean {
  return scope === null || scope.has(key);
}
