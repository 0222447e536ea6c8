// Where an import's checked files wait (issue #18, import speed and memory):
// each is written, once checked, to a staging directory beside the registry
// (same filesystem, outside what `modelreg validate` reads), so the import no
// longer holds every file's text until the end; at the end they are
// hard-linked into place (link(2) refuses to replace a file). A killed import
// leaves its staging directory, which the next import sweeps under the lock:
// without the commit marker it rolls the half-linked import back (a registry
// file that is a link of a staged one goes, an edited one gets its old text
// back); with it the import had finished and only the leftovers go.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

const ORIGINAL = ".original";
const COMMITTED = "committed";

/** `<parent>/.modelreg-staging-<registry name>`: a sibling of the registry, so on its filesystem. */
export function stagingDir(registry: string): string {
  const abs = resolve(registry);
  return join(dirname(abs), `.modelreg-staging-${basename(abs)}`);
}

// Registry paths hold slugs, ULIDs and `/` only, so `/` ↔ `_` is a faithful name.
const flat = (file: string) => file.replaceAll("/", "_");
const unflat = (name: string) => name.replaceAll("_", "/");

function stagedPath(registry: string, file: string): string {
  return join(stagingDir(registry), flat(file));
}

/** Where an edited file's old text is kept until the import is committed. */
export function originalPath(registry: string, file: string): string {
  return join(stagingDir(registry), `${flat(file)}${ORIGINAL}`);
}

export function writeStaged(registry: string, file: string, text: string): string {
  mkdirSync(stagingDir(registry), { recursive: true });
  const staged = stagedPath(registry, file);
  writeFileSync(staged, text);
  return staged;
}

/** Makes data durable: one pass of fsyncs over the staged files, then over the directories they were linked into. */
export function fsyncPaths(paths: Iterable<string>): void {
  for (const p of paths) {
    const fd = openSync(p, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/** Marks the import as finished: from here a sweep only removes the staging directory. */
export function writeMarker(registry: string): void {
  mkdirSync(stagingDir(registry), { recursive: true });
  const fd = openSync(join(stagingDir(registry), COMMITTED), "w");
  try {
    writeSync(fd, "an import finished linking its files; modelreg removes this directory\n");
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/** Removes the directories a rolled-back file left empty, up to the registry root. */
function pruneEmpty(registry: string, dir: string): void {
  const root = resolve(registry);
  for (let d = resolve(dir); d.startsWith(`${root}/`); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
  }
}

/** Finishes or undoes what an import left in the staging directory; call under the registry lock. */
export function sweepStaging(registry: string): void {
  const dir = stagingDir(registry);
  if (!existsSync(dir)) return;
  if (!existsSync(join(dir, COMMITTED))) {
    for (const name of readdirSync(dir)) {
      const original = name.endsWith(ORIGINAL);
      const final = join(registry, unflat(original ? name.slice(0, -ORIGINAL.length) : name));
      if (original) renameSync(join(dir, name), final);
      else if (sameFile(join(dir, name), final)) {
        unlinkSync(final);
        pruneEmpty(registry, dirname(final));
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
