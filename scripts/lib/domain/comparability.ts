// Comparability (issue #13): two runs are ranked against each other only when
// they were measured on the same test data. The test dataset's fingerprint
// decides (sha256, else md5); a test dataset without one is known only by its
// uri; runs without a test dataset form a group of their own. The leaderboard's
// groups, the experiment page's "production" column and the report's "best
// comparable run" all ask this module. Imports core/ and schema/ only.
import { createHash } from "node:crypto";
import type { ExperimentData } from "../schema/types.ts";

export interface TestData {
  /** `sha256`, `md5`, `uri` (named but not fingerprinted) or `none` (no test dataset). */
  basis: "sha256" | "md5" | "uri" | "none";
  uri?: string;
  fingerprint?: string;
}

/** What a run's test data is known by. */
export function testDataOf(data: ExperimentData): TestData {
  const test = data.datasets?.test;
  if (!test) return { basis: "none" };
  if (test.sha256) return { basis: "sha256", uri: test.uri, fingerprint: test.sha256 };
  if (test.md5) return { basis: "md5", uri: test.uri, fingerprint: test.md5 };
  return { basis: "uri", uri: test.uri };
}

/**
 * A short key equal for runs on the same test data, and a URL segment:
 * `sha256-88c479bbc0be`, `uri-1a2b3c4d5e`, `no-test-data`.
 */
export function testDataKey(test: TestData): string {
  if (test.basis === "none") return "no-test-data";
  if (test.fingerprint) return `${test.basis}-${test.fingerprint.slice(0, 12).toLowerCase()}`;
  return `uri-${createHash("sha1")
    .update(test.uri ?? "")
    .digest("hex")
    .slice(0, 10)}`;
}

// Records are not changed once loaded, so a run's key is computed once however often it is compared.
const keys = new WeakMap<ExperimentData, string>();

/** The test-data key of a run's record. */
function testDataKeyOf(data: ExperimentData): string {
  const known = keys.get(data);
  if (known !== undefined) return known;
  const key = testDataKey(testDataOf(data));
  keys.set(data, key);
  return key;
}

/** True when the two runs were measured on the same test data, so their metrics may be compared. */
export function sameTestData(a: ExperimentData, b: ExperimentData): boolean {
  return testDataKeyOf(a) === testDataKeyOf(b);
}
