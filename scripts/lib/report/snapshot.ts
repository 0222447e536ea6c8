// Records of one state of part of a registry (a git revision, or the working
// tree), from file contents, checked exactly as `validate` checks each file.
// The report compares two of them with the site's own shaping (view.ts).
import { join } from "node:path";
import { place } from "../core/layout.ts";
import { checkFile } from "../registry/check-file.ts";
import type { ExperimentRecord, LoadedRegistry, ModelRecord, ProjectRecord } from "../registry/loader.ts";
import type { Diagnostic, ExperimentData, ModelData, ProjectData } from "../schema/types.ts";
import { locate, parseYaml } from "../yaml/yaml.ts";

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
    const ref = placement.ref;
    const check = checkFile(ref, bytes, true);
    diagnostics.push(...check.diagnostics);
    if (check.value === undefined) continue;
    // Positions come from this content, not from whatever the working tree holds now.
    let parsed: ReturnType<typeof parseYaml> | undefined;
    const base = {
      file,
      path: join(root, file),
      project: ref.project,
      locate: (at: Parameters<ProjectRecord["locate"]>[0]) => locate((parsed ??= parseYaml(bytes.toString("utf8"))), at),
    };
    if (ref.kind === "project") loaded.projects.push({ ...base, kind: "project", data: check.value as ProjectData });
    else if (ref.kind === "model") loaded.models.push({ ...base, kind: "model", model: ref.model!, data: check.value as ModelData } satisfies ModelRecord);
    else
      loaded.experiments.push({ ...base, kind: "experiment", model: ref.model!, id: ref.id!, data: check.value as ExperimentData } satisfies ExperimentRecord);
  }
  return { loaded, diagnostics };
}
