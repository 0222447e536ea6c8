// `--at <date|commit>` (issue #16): the moment a read command looks at, in the
// first-parent history of the current branch. The state at a date is the
// state after the newest commit of the branch dated at or before it (the
// committer date: when it landed); a commit names its own state.
import { DataError, UsageError } from "../core/errors.ts";
import type { AliasChange } from "./aliases.ts";
import { gitOutput, type LogCommit } from "./git-log.ts";

export type Moment = { kind: "date"; ms: number; text: string } | { kind: "commit"; commit: string; text: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A date (`2026-03-12` means the end of that day, UTC; `2026-03-12T14:00Z` a
 * moment; a time without a zone is UTC) or anything git resolves to a commit.
 */
export async function parseMoment(cwd: string, text: string, flag = "--at"): Promise<Moment> {
  if (DAY.test(text) || TIME.test(text)) {
    const iso = DAY.test(text) ? `${text}T23:59:59.999Z` : /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text.replace(" ", "T") : `${text.replace(" ", "T")}Z`;
    const ms = Date.parse(iso);
    if (!Number.isNaN(ms)) return { kind: "date", ms, text };
  }
  const commit = await gitOutput(cwd, ["rev-parse", "--verify", "-q", "--end-of-options", `${text}^{commit}`]).catch(() => "");
  if (!commit.trim()) {
    throw new UsageError(
      `${flag} "${text}" is neither a date nor a commit of this repository`,
      "E_BAD_FLAG",
      `Give a date (\`${flag} 2026-03-12\`, the end of that day in UTC, or \`${flag} 2026-03-12T14:00Z\`) or a commit (\`${flag} a1b2c3d\`, \`${flag} v1.2\`).`,
    );
  }
  return { kind: "commit", commit: commit.trim(), text };
}

/** The newest log position (LogCommit.seq) whose changes had happened at the moment; -1 for before them all. */
export async function cutAt(cwd: string, commits: LogCommit[], at: Moment): Promise<number> {
  if (at.kind === "date") {
    for (let i = commits.length - 1; i >= 0; i--) if (Date.parse(commits[i].date) <= at.ms) return commits[i].seq;
    return -1;
  }
  const chain = (await gitOutput(cwd, ["rev-list", "--first-parent", "HEAD"])).split("\n");
  const index = chain.indexOf(at.commit);
  if (index === -1) {
    throw new DataError(
      `commit ${at.text} is not in the first-parent history of the current branch`,
      "E_NOT_ON_BRANCH",
      "Give a commit that `git log --first-parent --oneline` lists (for a pull request, its merge commit), or a date.",
    );
  }
  const position = new Map(chain.map((c, i) => [c, i]));
  for (let i = commits.length - 1; i >= 0; i--) if ((position.get(commits[i].commit) ?? -1) >= index) return commits[i].seq;
  return -1;
}

/** The change that gave `alias` its value at the cut, or undefined when it had never been set then. */
export function changeAt(changes: AliasChange[], alias: string, cut: number): AliasChange | undefined {
  let last: AliasChange | undefined;
  for (const c of changes) if (c.alias === alias && c.seq <= cut) last = c;
  return last;
}
