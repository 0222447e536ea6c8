// Records of one state of part of a registry (a git revision, or the working
// tree), from file contents, checked exactly as `validate` checks each file.
// The report compares two of them with the site's own shaping (view.ts).
import { place } from "../core/layout.ts";
import { checkFile } from "../registry/check-file.ts";
import { addRecord, type LoadedRegistry } from "../registry/loader.ts";
import type { Diagnostic } from "../schema/types.ts";

export interface Snapshot {
  loaded: LoadedRegistry;
  /** Per-file problems (file-level checks only), registry-relative. */
  diagnostics: Diagnostic[];
}

export function snapshotOf(root: string, files: Map<string, Buffer>): Snapshot {
  const loaded: LoadedRegistry = { root, projects: [], models: [], experiments: [], diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  for (const [file, bytes] of files) {
    const placement = place(file);
    if (!placement.ok) continue;
    const check = checkFile(placement.ref, bytes, true);
    diagnostics.push(...check.diagnostics);
    if (check.value !== undefined) addRecord(loaded, placement.ref, check.value, () => bytes.toString("utf8"));
  }
  return { loaded, diagnostics };
}
