// Crash-safe writes (issue #4, "Guarantees"). A new file appears whole or not
// at all and never replaces another; an update is a temp file in the same
// directory renamed over the old one, so readers see the old or the new file,
// never a torn one.

import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { DataError } from "../core/errors.ts";

function writeTemp(target: string, text: string): string {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const fd = openSync(tmp, "wx");
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/**
 * Creates `path` with `text`; fails with E_EXISTS if anything is there. The
 * content is written to a temp file first and hard-linked into place: link(2)
 * is atomic and refuses to replace an existing name.
 */
export function createFileExclusive(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = writeTemp(path, text);
  try {
    linkSync(tmp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") {
      throw new DataError(
        `${path} already exists`,
        "E_EXISTS",
        "modelreg never overwrites a registry file; pick another id or slug, or edit the file with `modelreg update`.",
      );
    }
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}

/** Replaces `path` with `text` atomically (temp file in the same directory, then rename). */
export function replaceFile(path: string, text: string): void {
  const tmp = writeTemp(path, text);
  try {
    renameSync(tmp, path);
  } catch (err) {
    unlinkSync(tmp);
    throw err;
  }
}
