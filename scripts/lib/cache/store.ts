// cache/ owns every on-disk cache of modelreg (issue #13): this file is the one
// format under all of them; cache.ts (the per-file entry caches of validate and
// the loader) and row-cache.ts (the column files of `list experiments`) are
// views on it. cache/ may import only core/ and node: what a cache holds is
// decided by its callers in registry/ and query/.
//
// A cache file is one JSON header line, then the body (JSON):
//   {"store":1,"modelreg":"0.1.0","name":"validate","fingerprint":"…","length":123,"checksum":"<sha256 of the body>"}
// It lives outside the registry (never committed) and is never trusted blindly:
// a file made by another modelreg, for other schemas or another cache, a torn
// or edited body, or any unreadable byte makes read() return nothing and say
// why, and the caller rebuilds. Writes are atomic (a temp file in the same
// directory, then a rename), so concurrent runs replace whole files and a
// reader sees either the old file or the new one.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const STORE_FORMAT = 1;

const MODELREG_VERSION = (JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** What a cache file must have been made for; anything else is stale. */
export interface StoreKey {
  /** Which cache ("validate", "records", "rows"). */
  name: string;
  /** The schemas' fingerprint plus anything else that changes what is stored (limits, the entry layout). */
  fingerprint: string;
}

interface Header {
  store: number;
  modelreg: string;
  name: string;
  fingerprint: string;
  length: number;
  checksum: string;
}

type StoreRead<T> =
  | { value: T; checksum: string; discarded: null }
  /** `discarded` is null when there was no file, else why it was not used. */
  | { value: undefined; checksum: null; discarded: string | null };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function miss<T>(discarded: string | null): StoreRead<T> {
  return { value: undefined, checksum: null, discarded };
}

/**
 * Reads one cache file. `expectChecksum` ties a file to another that names it
 * (a row-cache column to its index), so a file from another generation is stale.
 */
export function readStoreFile<T>(path: string, key: StoreKey, expectChecksum?: string): StoreRead<T> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return miss(null);
  }
  const newline = text.indexOf("\n");
  let header: Header;
  try {
    header = JSON.parse(newline < 0 ? text : text.slice(0, newline)) as Header;
  } catch {
    return miss("unreadable header (corrupt)");
  }
  if (typeof header !== "object" || header === null || Array.isArray(header) || newline < 0) return miss("unreadable header (corrupt)");
  // A header of another shape (`store` missing or different) comes from an older or newer modelreg.
  if (header.store !== STORE_FORMAT || header.modelreg !== MODELREG_VERSION || header.name !== key.name || header.fingerprint !== key.fingerprint) {
    return miss("made by another version of modelreg or its schemas");
  }
  const body = text.slice(newline + 1);
  if (body.length !== header.length || sha256(body) !== header.checksum) return miss("checksum mismatch (corrupt)");
  if (expectChecksum !== undefined && header.checksum !== expectChecksum) return miss("out of step with its index (stale)");
  try {
    return { value: JSON.parse(body) as T, checksum: header.checksum, discarded: null };
  } catch {
    return miss("unreadable body (corrupt)");
  }
}

/**
 * Writes one cache file atomically and returns its body's checksum, or null
 * when it could not be written: a cache that cannot be written only costs speed next time.
 */
export function writeStoreFile(path: string, key: StoreKey, value: unknown): string | null {
  const body = JSON.stringify(value);
  const checksum = sha256(body);
  const header: Header = { store: STORE_FORMAT, modelreg: MODELREG_VERSION, name: key.name, fingerprint: key.fingerprint, length: body.length, checksum };
  // pid and a random part: two threads or two runs never share a temp file.
  const tmp = `${path}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, `${JSON.stringify(header)}\n${body}`);
    renameSync(tmp, path);
    return checksum;
  } catch {
    rmSync(tmp, { force: true });
    return null;
  }
}
