// A key path inside a record (`["evaluations", "accuracy"]`, `["history", "loss", 3]`):
// what rules and schema messages point at, yaml/ turns into a line and column, and
// diagnostics print dotted. core/ imports nothing of ours outside core/.

export type PathSegment = string | number;

/** A path as people write it: `history.loss[3]`. */
export function dotted(path: readonly PathSegment[]): string {
  return path
    .map((s) => (typeof s === "number" ? `[${s}]` : s))
    .join(".")
    .replace(/\.\[/g, "[");
}
