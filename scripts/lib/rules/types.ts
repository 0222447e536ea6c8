import type { Placement } from "../core/layout.ts";
import type { PathSegment } from "../core/record-path.ts";
import type { Diagnostic, FileRef, FileSummary, Kind, Severity } from "../schema/types.ts";

/** A problem found by a file rule; check-file.ts turns it into a Diagnostic with a position. */
export interface Finding {
  path: PathSegment[];
  message: string;
  hint: string;
  severity?: Severity;
}

interface FileContext {
  ref: FileRef;
  /** The parsed record; it already matches its kind's schema. */
  value: unknown;
  /** The file's text, for cheap prefilters. */
  text: string;
}

export interface FileRule {
  id: string;
  description: string;
  kinds: readonly Kind[];
  check(ctx: FileContext): Finding[];
}

/** A path in the registry tree, as listed (not read). */
export interface ListedPath {
  file: string;
  type: "file" | "symlink" | "other";
  /** For a symlink: whether its target resolves inside the registry. */
  inside?: boolean;
  /** For a regular file: where the layout puts it (classified once per run). */
  placement?: Placement;
}

/**
 * What the registry-wide rules see. In incremental mode (`--changed-since`) the
 * summaries cover only the models the change touches, and `scope` names them.
 */
export interface RegistryIndex {
  paths: readonly ListedPath[];
  /** Every regular file, registry-relative (placed or not). */
  files: ReadonlySet<string>;
  /** Every directory, registry-relative, sorted: the tree entries no file stands for. */
  dirs: readonly string[];
  refs: readonly FileRef[];
  summaries: ReadonlyMap<string, FileSummary>;
  /** Model keys ("project/model") and project keys to check; null means all. */
  scope: ReadonlySet<string> | null;
}

export interface RegistryRule {
  id: string;
  description: string;
  check(index: RegistryIndex): Diagnostic[];
}
