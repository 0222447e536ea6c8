// The validating half of an in-place edit (yaml/edit.ts does the editing): the
// new text is checked exactly as `modelreg validate` checks the file, so an
// edit that would leave the file invalid is refused with the validator's words.
// It lives in write/ because it needs registry/ (the checks) and schema/, which
// yaml/ — a leaf over core/ — may not import.
import { DataError } from "../core/errors.ts";
import type { FileRef } from "../core/layout.ts";
import { checkFile } from "../registry/check-file.ts";
import { schemasFingerprint } from "../schema/schemas.ts";
import type { EditableFile } from "../yaml/edit.ts";

/** Refuses `text`, the edited `f`, unless it is a valid registry file. */
export function assertValidEdit(ref: FileRef, f: EditableFile, text: string): void {
  const errorsIn = (t: string) => checkFile(ref, Buffer.from(t)).diagnostics.filter((d) => d.severity === "error");
  const errors = errorsIn(text);
  if (errors.length === 0) return;
  const lines = errors.map((d) => `  ${f.file}:${d.line}:${d.col}  ${d.message}  [${d.rule}]\n      ${d.hint}`).join("\n");
  // A file that was broken before the edit needs fixing by hand, not other flags.
  if (errorsIn(f.original).length > 0) {
    throw new DataError(
      `${f.file} is invalid, and this edit does not fix it:\n${lines}`,
      "E_INVALID",
      "Nothing was written. Fix the file first (`modelreg validate` shows every problem), then run the command again.",
    );
  }
  throw new DataError(
    `the edit would make ${f.file} invalid:\n${lines}`,
    "E_INVALID_EDIT",
    "Nothing was written. Change the values named above and run the command again.",
  );
}

/**
 * Compiles the schema validators now (loading them is what fingerprinting
 * needs too), so code about to take a lock does not do it while holding one:
 * on a loaded machine that can take long enough for the lock to go stale.
 */
export function loadValidators(): void {
  schemasFingerprint();
}
