// Which runs are comparable (issue #6): runs measured on the same test data,
// named by the fingerprint of their test dataset. The leaderboard ranks within
// these groups and the sweep analysis (issue #17) analyses within them.
import { createHash } from "node:crypto";
import type { ExperimentData } from "../schema/types.ts";

export interface GroupLabel {
  /** `sha256`, `md5`, `uri` (named but not fingerprinted) or `none` (no test dataset). */
  basis: "sha256" | "md5" | "uri" | "none";
  uri?: string;
  fingerprint?: string;
}

export function testDataLabel(data: ExperimentData): GroupLabel {
  const test = data.datasets?.test;
  if (!test) return { basis: "none" };
  if (test.sha256) return { basis: "sha256", uri: test.uri, fingerprint: test.sha256 };
  if (test.md5) return { basis: "md5", uri: test.uri, fingerprint: test.md5 };
  return { basis: "uri", uri: test.uri };
}

/** URL segment of a group: `sha256-88c479bbc0be`, `uri-1a2b3c4d`, `no-test-data`. */
export function testDataSlug(label: GroupLabel): string {
  if (label.basis === "none") return "no-test-data";
  if (label.fingerprint) return `${label.basis}-${label.fingerprint.slice(0, 12).toLowerCase()}`;
  return `uri-${createHash("sha1")
    .update(label.uri ?? "")
    .digest("hex")
    .slice(0, 10)}`;
}
