// The last step of every `add`: serialise, check the bytes exactly as
// `modelreg validate` will, then create the file (or commit it on a new
// branch). Checking before writing means a record that CI would reject is
// never written at all (issue #4: "on any error nothing is written").
import { join } from "node:path";
import { DataError } from "../core/errors.ts";
import { schemaPathFor } from "../core/layout.ts";
import { type BranchCommit, commitOnNewBranch } from "../git/git-branch.ts";
import { checkFile } from "../registry/check-file.ts";
import type { Diagnostic, FileRef } from "../schema/types.ts";
import { stringifyRecord } from "../yaml/yaml.ts";
import { withLock } from "./lock.ts";
import { createFileExclusive } from "./write.ts";

export interface WriteRecordOptions {
  registry: string;
  ref: FileRef;
  record: Record<string, unknown>;
  dryRun?: boolean;
  /** Commit on this new branch instead of writing into the working tree. */
  gitBranch?: string;
  commitMessage: string;
  /** Registry-relative files the record depends on (they must be committed for --git-branch). */
  parents: string[];
  /** Checks that depend on sibling files; run under `lockDir`'s lock, right before writing. */
  guard?: () => void;
  lockDir?: string;
}

export interface WrittenRecord {
  text: string;
  written: boolean;
  branch?: BranchCommit;
  warnings: Diagnostic[];
}

function invalid(kind: string, errors: Diagnostic[]): DataError {
  const lines = errors.map((d) => `  ${d.path || "(file)"}: ${d.message}  [${d.rule}]\n    hint: ${d.hint}`);
  return new DataError(
    `the new ${kind} would not pass \`modelreg validate\`, so nothing was written:\n${lines.join("\n")}`,
    "E_INVALID_RECORD",
    "Fix the flags or input files named above and run the command again.",
  );
}

export async function writeRecord(o: WriteRecordOptions): Promise<WrittenRecord> {
  const text = stringifyRecord(o.record, schemaPathFor(o.ref.kind, o.registry));
  const { diagnostics } = checkFile(o.ref, Buffer.from(text));
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw invalid(o.ref.kind, errors);
  const warnings = diagnostics.filter((d) => d.severity !== "error");

  if (o.dryRun) {
    o.guard?.();
    return { text, written: false, warnings };
  }
  const write = async (): Promise<WrittenRecord> => {
    o.guard?.();
    if (o.gitBranch) {
      const branch = await commitOnNewBranch({
        registry: o.registry,
        file: o.ref.file,
        text,
        branch: o.gitBranch,
        message: o.commitMessage,
        parents: o.parents,
      });
      return { text, written: true, branch, warnings };
    }
    createFileExclusive(join(o.registry, o.ref.file), text);
    return { text, written: true, warnings };
  };
  return o.lockDir ? withLock(o.lockDir, write) : write();
}
