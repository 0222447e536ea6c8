// What every page of a build is made from besides its own data (issue #15):
// the site's code (its Astro pages, scripts, styles and public files), the
// library that shapes the data, the schemas published beside the API, and the
// modelreg and Astro versions. Any change to these renders every page again.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SOURCES = ["site/src", "site/public", "site/tsconfig.json", "scripts/lib", "schemas", "package.json"];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function astroVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, "node_modules/astro/package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

let memo: string | undefined;

/** A hash of the site code, the data-shaping library, the schemas and the versions. */
export function siteFingerprint(): string {
  if (memo) return memo;
  const hash = createHash("sha256").update(`astro ${astroVersion()}\n`);
  const files = SOURCES.flatMap((s) => filesUnder(join(ROOT, s))).sort();
  for (const file of files) hash.update(`${relative(ROOT, file)}\n`).update(readFileSync(file));
  memo = hash.digest("hex");
  return memo;
}
