// Incremental builds (issue #15): which pages to render again and which data
// files to write, from the hashes of their inputs against the last build's
// manifest (manifest.ts). The result is the same bytes a full build writes.
//
// How a new thing joins the manifest: a new section of a page reads its data
// in that page's props function (scripts/lib/site/pages/), and a new emitted
// file is yielded by `dataFiles` (build.ts). Both are hashed here, so nothing
// else needs to change for the incremental build to notice them.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { hashOf, type Manifest } from "./manifest.ts";
import { sitePages } from "./pages/index.ts";
import type { SiteData } from "./view.ts";

export interface Plan {
  /** Why everything is built, when it is. */
  full?: string;
  /** Every output file the build makes and its hash; assets are added after Astro runs. */
  files: Map<string, string>;
  /** Page files to render. */
  render: Set<string>;
  pages: number;
}

/** `existsSync` answered from one `readdirSync` per parent folder: 100k files in one folder cost one listing, not 100k calls. */
function listedExists(): (path: string) => boolean {
  const listings = new Map<string, Set<string>>();
  return (path) => {
    const parent = dirname(path);
    let names = listings.get(parent);
    if (!names) {
      names = new Set(existsSync(parent) ? readdirSync(parent) : []);
      listings.set(parent, names);
    }
    return names.has(basename(path));
  };
}

/** Hashes every page's inputs (or its props); a page is rendered when its hash is new or its file is gone. */
export function planPages(site: SiteData, key: string, out: string, previous: Manifest | undefined, full?: string): Plan {
  const files = new Map<string, string>();
  const render = new Set<string>();
  let pages = 0;
  // An experiment page is known by its folder, in one listing of experiments/ (100k of them); other pages by their file.
  const listed = listedExists();
  const exists = (file: string): boolean => {
    const m = /^experiments\/([^/]+)\/index\.html$/.exec(file);
    return m ? listed(join(out, "experiments", m[1])) : existsSync(join(out, file));
  };
  for (const page of sitePages(site)) {
    const inputs = page.inputs?.();
    const hash = inputs !== undefined ? hashOf(key, page.file, "inputs", inputs) : hashOf(key, page.file, "props", JSON.stringify(page.props()));
    files.set(page.file, hash);
    pages++;
    if (!previous || previous.files[page.file] !== hash || !exists(page.file)) render.add(page.file);
  }
  return { full, files, render, pages };
}

/**
 * A group of data files made together from one set of inputs (the search
 * index's shards): the previous build's files of the group and their hashes,
 * when its inputs are the same and every file is still in place; else undefined.
 */
export function keptGroup(prefix: string, inputs: string | undefined, previous: Manifest | undefined, out: string): Array<[string, string]> | undefined {
  if (inputs === undefined || previous?.inputs?.[prefix] !== inputs) return undefined;
  // JSON only: the search page itself (search/index.html) is a page, planned with the others.
  const files = Object.entries(previous.files).filter(([f]) => f.startsWith(prefix) && f.endsWith(".json"));
  return files.length > 0 && files.every(([f]) => existsSync(join(out, f))) ? files : undefined;
}

function place(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Moves the rendered pages from Astro's staging output into the previous output. */
export function mergePages(staging: string, out: string, render: Set<string>): void {
  for (const file of render) place(join(staging, file), join(out, file));
}

/**
 * A file beside the pages (API, search, analysis). Most are cheap to make and
 * are compared by their bytes; one that is costly to make names a hash of its
 * inputs instead, and its body is made only when those changed.
 */
export type DataFile = { path: string; body: string } | LazyDataFile;
export type LazyDataFile = { path: string; inputs: string; body: () => string };

export const bodyOf = (f: DataFile): string => (typeof f.body === "function" ? f.body() : f.body);

/** Writes the data files whose hash changed (all of them when there is no previous manifest); returns how many. */
export function writeDataFiles(
  dir: string,
  files: Iterable<DataFile>,
  key: string,
  hashes: Map<string, string>,
  previous: Manifest | undefined,
  inputs: Map<string, string>,
): { written: number; total: number } {
  const made = new Set<string>();
  const exists = listedExists();
  let written = 0;
  let total = 0;
  for (const f of files) {
    total++;
    const path = join(dir, f.path);
    if (typeof f.body === "function" && "inputs" in f) {
      inputs.set(f.path, f.inputs);
      const kept = previous?.files[f.path];
      if (kept && previous?.inputs?.[f.path] === f.inputs && exists(path)) {
        hashes.set(f.path, kept);
        continue;
      }
    }
    const body = bodyOf(f);
    // The body is a pure function of the file's inputs, so its hash stands for them.
    const hash = hashOf(key, f.path, body);
    hashes.set(f.path, hash);
    if (previous && previous.files[f.path] === hash && exists(path)) continue;
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(path, body);
    written++;
  }
  return { written, total };
}

/** Every file under `dir`, from `dir`, `/`-separated. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"));
}

/** Deletes the files of the previous build that this build no longer makes, and the folders they leave empty. */
export function removeStale(out: string, previous: Manifest, files: Map<string, string>): number {
  let removed = 0;
  const dirs = new Set<string>();
  for (const file of Object.keys(previous.files)) {
    if (files.has(file)) continue;
    rmSync(join(out, file), { force: true });
    dirs.add(dirname(join(out, file)));
    removed++;
  }
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
    for (let d = dir; d.startsWith(out) && d !== out; d = dirname(d)) {
      try {
        rmdirSync(d);
      } catch {
        break;
      }
    }
  }
  return removed;
}
