// Version uniqueness (issue #13): a version label names one
// experiment of its model, for years, so no two experiments of a model carry
// the same one. `add --version`, `promote --version` and the rule
// `versions-unique-per-model` all check it here and say it in the same words,
// with the one code E_VERSION_TAKEN. Imports core/ and schema/ only.

export const VERSION_TAKEN = "E_VERSION_TAKEN";

export interface Problem {
  code: string;
  message: string;
  hint: string;
}

/** What version uniqueness needs of a run. */
export interface VersionedRun {
  id: string;
  version?: string;
}

/** The problem of giving `version` of `model` (`project/model`) to one more run, while `holders` (ids) carry it. */
export function versionTaken(o: { model: string; version: string; holders: readonly string[] }): Problem {
  return {
    code: VERSION_TAKEN,
    message: `version "${o.version}" of ${o.model} is already used by ${o.holders.join(", ")}`,
    hint: `Versions are unique within a model and never reused: give this run another label, or leave it without one and label it later with \`modelreg promote ${o.model}@<id> --alias … --version …\`.`,
  };
}

/** Each version carried by two runs or more, with those runs. */
export function duplicateVersions<R extends VersionedRun>(runs: Iterable<R>): Array<{ version: string; runs: R[] }> {
  const byVersion = new Map<string, R[]>();
  for (const run of runs) {
    if (run.version === undefined) continue;
    const list = byVersion.get(run.version);
    if (list) list.push(run);
    else byVersion.set(run.version, [run]);
  }
  return [...byVersion].filter(([, list]) => list.length > 1).map(([version, list]) => ({ version, runs: list }));
}
