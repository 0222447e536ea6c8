// Reading and checking a batch of files, shared by the worker threads and by
// the main thread for small registries.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FileRef } from "../schema/types.ts";
import { checkFile, type FileCheck } from "./check-file.ts";

export interface BatchRequest {
  root: string;
  refs: FileRef[];
  keepValues: boolean;
}

export interface CheckedFile extends FileCheck {
  /** SHA-1 of the bytes that were checked: the cache's content key. */
  hash: string;
}

export function contentHash(bytes: Buffer): string {
  return createHash("sha1").update(bytes).digest("hex");
}

export function checkBatch({ root, refs, keepValues }: BatchRequest): CheckedFile[] {
  return refs.map((ref) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, ref.file));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "EIO";
      const diagnostic = {
        rule: "file-is-readable",
        severity: "error" as const,
        file: ref.file,
        line: 1,
        col: 1,
        path: "",
        message: `the file cannot be read (${code})`,
        hint: "Check that it exists and that you may read it (`ls -l`).",
      };
      return { ref, diagnostics: [diagnostic], summary: null, hash: "" };
    }
    return { ...checkFile(ref, bytes, keepValues), hash: contentHash(bytes) };
  });
}
