// The incremental build's memory (issue #15): for each output file, the hash
// of what it was made from, kept in the cache directory (never in the output,
// which is published). A build with the previous output and its manifest
// renders only the pages whose hash changed and rewrites only those files.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const FORMAT = 2;

export interface Manifest {
  format: number;
  /** The site fingerprint and the options every file depends on (the base path). */
  key: string;
  /** Output file (from the site's root) → hash of its inputs. */
  files: Record<string, string>;
  /** For the data files that are costly to make: output file → hash of what it is made from (incremental.ts). */
  inputs?: Record<string, string>;
}

/** Where the manifest of a build into `out` lives. */
export function manifestPath(cacheDir: string, out: string): string {
  const id = createHash("sha256").update(resolve(out)).digest("hex").slice(0, 16);
  return join(cacheDir, "site", `${id}.json`);
}

export const hashOf = (...parts: string[]): string => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\u0000");
  return h.digest("base64url").slice(0, 22);
};

/** The previous manifest, or why there is none to build on. */
export function readManifest(path: string, key: string, out: string): { manifest: Manifest } | { reason: string } {
  if (!existsSync(path)) return { reason: "no manifest of a previous build" };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch {
    return { reason: `the manifest ${path} could not be read` };
  }
  if (
    manifest?.format !== FORMAT ||
    typeof manifest.key !== "string" ||
    typeof manifest.files !== "object" ||
    manifest.files === null ||
    (manifest.inputs !== undefined && (typeof manifest.inputs !== "object" || manifest.inputs === null))
  )
    return { reason: `the manifest ${path} is not one this modelreg writes` };
  if (manifest.key !== key) return { reason: "the site code, modelreg or the base path changed since the last build" };
  if (!existsSync(join(out, "index.html"))) return { reason: `no previous output in ${resolve(out)}` };
  return { manifest };
}

export function writeManifest(path: string, key: string, files: Map<string, string>, inputs: Map<string, string>): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ format: FORMAT, key, files: Object.fromEntries(files), inputs: Object.fromEntries(inputs) } satisfies Manifest));
  renameSync(tmp, path);
}
