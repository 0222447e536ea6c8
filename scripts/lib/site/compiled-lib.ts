// The site's pages import the library's TypeScript (`../../../scripts/lib/site/format`)
// and Astro compiles it with the pages. The installed package ships no
// TypeScript outside site/src (issue #14): there, such an import resolves to
// the module tsc compiled into dist/lib instead. In this repository the
// sources exist and win, so `site dev` picks up edits to them.
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SOURCE_LIB = join(PACKAGE_ROOT, "scripts", "lib");
const COMPILED_LIB = join(PACKAGE_ROOT, "dist", "lib");

/** Where a site import of `scripts/lib/<path>` goes when its source is not there: dist/lib/<path>.js. */
function compiledLibPath(source: string, importer: string): string | undefined {
  if (!source.startsWith(".") || importer.startsWith("\0")) return undefined;
  const path = resolve(dirname(importer.split("?")[0]), source);
  const rel = relative(SOURCE_LIB, path);
  if (rel.startsWith("..") || existsSync(path) || existsSync(`${path}.ts`)) return undefined;
  return join(COMPILED_LIB, `${rel.replace(/\.ts$/, "")}.js`);
}

/** A Vite plugin applying compiledLibPath to every import. */
export function compiledLib() {
  return {
    name: "modelreg-compiled-lib",
    enforce: "pre" as const,
    resolveId(source: string, importer: string | undefined) {
      return importer ? (compiledLibPath(source, importer) ?? null) : null;
    },
  };
}
