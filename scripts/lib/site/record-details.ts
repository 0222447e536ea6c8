// The sections of an experiment page that its script renders from the JSON
// API record (issue #15): parameters, datasets, artifacts, code, environment,
// tags and where the run was imported from. The page's HTML carries none of them, so
// each record is published once (in the API) and the site fits GitHub Pages
// at 100k experiments. Values go through `valueView`, so only http(s) URIs
// become links; the page's script puts every text in as a text node.
import { flatten } from "../domain/diff.ts";
import type { ExperimentData } from "../schema/types.ts";
import { splitKey } from "./format.ts";
import { commitUrl, repoWebUrl, type ValueView, valueView } from "./links.ts";

export interface DetailCell extends ValueView {
  /** Shown in a monospace face (ids, hashes, paths). */
  mono?: boolean;
  /** Right-aligned (a count). */
  num?: boolean;
  /** May break anywhere (a long URI). */
  wrap?: boolean;
  /** A muted second line under the value. */
  note?: string;
}

interface DetailRow {
  /** The row's heading: a dotted key's muted prefix and its leaf. */
  key: [string, string];
  cells: DetailCell[];
}

export interface DetailTable {
  /** Column headings; a key-value table has none. */
  head?: Array<{ text: string; num?: boolean }>;
  rows: DetailRow[];
}

export interface DetailSection {
  title: string;
  /** Shown instead of the table when it has no rows. */
  empty: string;
  table: DetailTable;
  /** A titled table under the first (where an imported run came from). */
  more?: { title: string; table: DetailTable };
}

const kv = (entries: Iterable<[string, unknown]>, link = false): DetailTable => ({
  rows: [...entries].map(([k, v]) => ({ key: splitKey(k), cells: [valueView(v, link)] })),
});

const plain = (text: string, extra: Partial<DetailCell> = {}): DetailCell => ({ text, ...extra });

function datasets(d: ExperimentData): DetailTable {
  return {
    head: [{ text: "Role" }, { text: "URI" }, { text: "Fingerprint" }, { text: "Rows", num: true }, { text: "Revision" }],
    rows: Object.entries(d.datasets ?? {}).map(([role, ds]) => {
      const hash = ds.sha256 ? ["sha256", ds.sha256] : ds.md5 ? ["md5", ds.md5] : undefined;
      return {
        key: ["", role],
        cells: [
          { ...valueView(ds.uri, true), wrap: true, ...(ds.name ? { note: ds.name } : {}) },
          hash ? plain(`${hash[0]}:${hash[1].slice(0, 12)}…`, { title: hash[1], mono: true }) : plain("none", { mono: true }),
          plain(ds.rows !== undefined ? ds.rows.toLocaleString("en-US") : "", { num: true }),
          plain(ds.revision ?? ""),
        ],
      };
    }),
  };
}

function code(d: ExperimentData): DetailTable {
  const c = d.code;
  const rows: DetailRow[] = [];
  if (!c) return { rows };
  if (c.repo) {
    const web = repoWebUrl(c.repo);
    rows.push({ key: ["", "repository"], cells: [web ? { text: c.repo, href: web } : valueView(c.repo, true)] });
  }
  if (c.commit) {
    const url = commitUrl(c.repo, c.commit);
    rows.push({ key: ["", "commit"], cells: [{ text: c.commit, mono: true, ...(url ? { href: url } : {}) }] });
  }
  if (c.branch) rows.push({ key: ["", "branch"], cells: [plain(c.branch)] });
  if (c.path) rows.push({ key: ["", "path"], cells: [plain(c.path, { mono: true })] });
  if (c.dirty !== undefined) rows.push({ key: ["", "uncommitted changes"], cells: [plain(c.dirty ? "yes" : "no")] });
  return { rows };
}

export interface RecordDetails {
  /** Beside the evaluations, at the top of the page. */
  parameters: DetailSection;
  /** The sections below the curves in reading order, in rows of one or two (a row of two sits side by side). */
  rest: DetailSection[][];
}

export function recordDetails(d: ExperimentData): RecordDetails {
  const source = d.source;
  const tags: DetailSection = { title: "Tags", empty: "No tags.", table: kv(Object.entries(d.tags ?? {})) };
  if (source) {
    const entries: Array<[string, unknown]> = [
      ["system", source.system],
      ["id", source.id],
    ];
    if (source.uri) entries.push(["uri", source.uri]);
    tags.more = { title: "Imported from", table: kv(entries, true) };
  }
  const rest = [
    [{ title: "Datasets", empty: "No datasets recorded.", table: datasets(d) }],
    [
      { title: "Artifacts", empty: "No artifacts recorded.", table: kv(Object.entries(d.artifacts ?? {}), true) },
      { title: "Code", empty: "No code recorded.", table: code(d) },
    ],
    [{ title: "Environment", empty: "No environment recorded.", table: kv(flatten(d.environment)) }, tags],
  ];
  return { parameters: { title: "Parameters", empty: "No parameters recorded.", table: kv(flatten(d.parameters)) }, rest };
}
