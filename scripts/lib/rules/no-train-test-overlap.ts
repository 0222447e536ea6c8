// The seed's warning: training data reused in validation or test makes a model
// look better than it is, so the same dataset (by fingerprint or uri) in
// training and in validation or test is reported.
import type { Dataset, DatasetRole, ExperimentData } from "../schema/types.ts";
import type { FileRule, Finding } from "./types.ts";

function sameData(a: Dataset, b: Dataset): string | null {
  const norm = (u: string) => u.trim().replace(/\/+$/, "");
  if (norm(a.uri) === norm(b.uri)) return `the same uri (${a.uri})`;
  if (a.sha256 && a.sha256 === b.sha256) return `the same sha256 (${a.sha256.slice(0, 12)}…)`;
  if (a.md5 && a.md5 === b.md5) return `the same md5 (${a.md5.slice(0, 12)}…)`;
  return null;
}

export const noTrainTestOverlap: FileRule = {
  id: "no-train-test-overlap",
  description: "The training dataset is not also the validation or test dataset (same uri or same fingerprint).",
  kinds: ["experiment"],
  check({ value }) {
    const datasets = (value as ExperimentData).datasets;
    const training = datasets?.training;
    if (!training) return [];
    const found: Finding[] = [];
    for (const role of ["validation", "test"] as DatasetRole[]) {
      const other = datasets[role];
      const why = other && sameData(training, other);
      if (why) {
        found.push({
          path: ["datasets", role],
          message: `the ${role} dataset is the training dataset: ${why}`,
          hint: `Evaluate on held-out data: point \`datasets.${role}\` at a split the model was not trained on.`,
        });
      }
    }
    return found;
  },
};
