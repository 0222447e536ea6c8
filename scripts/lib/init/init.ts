// `modelreg init` (issue #8): a team's own registry repository, using modelreg
// as a dependency. The workflows are this package's own files, the ones its
// test suite lints and runs, copied as they are: there is no second copy to drift.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DataError } from "../core/errors.ts";
import { slugify } from "../core/layout.ts";

const PACKAGE_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const TEMPLATES = join(PACKAGE_ROOT, "templates", "team-repo");

/** The workflows a team's repository gets (test.yml runs modelreg's own suite and stays here). */
const TEAM_WORKFLOWS = ["validate.yml", "pages.yml"];

/** npm scripts of a team's repository: the same names as this repository's, so the workflows and README work in both. */
export const TEAM_SCRIPTS: Record<string, string> = {
  validate: "modelreg validate",
  report: "modelreg report",
  add: "modelreg add",
  update: "modelreg update",
  promote: "modelreg promote",
  list: "modelreg list",
  show: "modelreg show",
  build: "modelreg site build",
  dev: "modelreg site dev",
  preview: "modelreg site preview",
  start: "modelreg site build && modelreg site preview",
};

export interface InitResult {
  dir: string;
  /** Files written, relative to `dir`. */
  written: string[];
  /** Scripts added to a package.json that was already there (its own are kept). */
  addedScripts: string[];
  keptScripts: string[];
}

type PackageJson = {
  name?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
};

function ownVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

/** Every file but package.json, which is merged into when it exists (`npm install modelreg` makes one first). */
function scaffold(): Map<string, string> {
  const files = new Map<string, string>();
  for (const w of TEAM_WORKFLOWS) files.set(`.github/workflows/${w}`, readFileSync(join(PACKAGE_ROOT, ".github", "workflows", w), "utf8"));
  files.set(".github/CODEOWNERS", readFileSync(join(TEMPLATES, "CODEOWNERS"), "utf8"));
  files.set(".github/dependabot.yml", readFileSync(join(TEMPLATES, "dependabot.yml"), "utf8"));
  files.set("README.md", readFileSync(join(TEMPLATES, "README.md"), "utf8"));
  // npm never packs a file named .gitignore, so the template goes without its dot.
  files.set(".gitignore", readFileSync(join(TEMPLATES, "gitignore"), "utf8"));
  files.set("registry/.gitkeep", "");
  return files;
}

function readPackageJson(path: string): PackageJson {
  try {
    const value: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as PackageJson;
  } catch {
    // reported below
  }
  throw new DataError(
    `${path} is not a JSON object, so modelreg cannot add its scripts to it`,
    "E_BAD_PACKAGE_JSON",
    "Fix or remove it, then run `modelreg init` again.",
  );
}

function packageJson(dir: string, existing: PackageJson | undefined): { json: PackageJson; added: string[]; kept: string[] } {
  const json: PackageJson = existing ?? { name: slugify(basename(resolve(dir))), private: true, type: "module", engines: { node: ">=20.3" } };
  const scripts = { ...json.scripts };
  const added: string[] = [];
  const kept: string[] = [];
  for (const [name, command] of Object.entries(TEAM_SCRIPTS)) {
    if (scripts[name] === undefined) {
      scripts[name] = command;
      added.push(name);
    } else if (scripts[name] !== command) kept.push(name);
  }
  json.scripts = scripts;
  if (!json.dependencies?.modelreg && !json.devDependencies?.modelreg) json.dependencies = { ...json.dependencies, modelreg: `^${ownVersion()}` };
  return { json, added, kept };
}

export function initRepository(dir: string): InitResult {
  const files = scaffold();
  const taken = [...files.keys()].filter((f) => existsSync(join(dir, f)));
  if (taken.length > 0) {
    throw new DataError(
      `${dir} already has ${taken.join(", ")}; modelreg init never overwrites a file, so it wrote nothing`,
      "E_EXISTS",
      "Move those files aside (or run `modelreg init NEW_DIR`), then run it again.",
    );
  }
  const pkgPath = join(dir, "package.json");
  const existing = existsSync(pkgPath) ? readPackageJson(pkgPath) : undefined;
  const pkg = packageJson(dir, existing);
  files.set("package.json", `${JSON.stringify(pkg.json, null, 2)}\n`);
  for (const [file, text] of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    // `wx` for new files: a file that appeared since the check above is still not overwritten.
    writeFileSync(join(dir, file), text, { flag: file === "package.json" && existing ? "w" : "wx" });
  }
  return { dir, written: [...files.keys()], addedScripts: existing ? pkg.added : [], keptScripts: pkg.kept };
}
