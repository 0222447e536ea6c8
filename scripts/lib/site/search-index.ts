// The static search index (issue #7), written beside the site under `search/`.
// Fuse.js ranks the distinct texts of the registry (the vocabulary: a few
// thousand names, tags, parameter values and words, however many experiments
// there are), not the documents; each text lists the documents that hold it.
// A browser fetches the vocabulary when a person starts typing, then only the
// posting lists of the texts that matched and the few document shards it shows.
import { type FieldKey, SEARCH_FIELDS, type SearchDoc } from "./search-docs.ts";

const SEARCH_FORMAT = 1;
/** Documents per display shard. */
const DOC_SHARD = 500;
/** Posting lists are packed into files of about this many characters. */
const POSTINGS_FILE_CHARS = 64 * 1024;
/** Experiment ids are sharded by their first characters (a ULID's time: about 12 days each). */
const ID_PREFIX = 4;

export interface SearchManifest {
  format: number;
  fields: Array<{ key: FieldKey; label: string; weight: number }>;
  docs: number;
  counts: Record<string, number>;
  docShard: number;
  idPrefix: number;
  /** Id-prefix shards that exist. */
  idShards: string[];
}

/** The vocabulary: item i is text `t[i]` in field `f[i]`; its postings are in file `p[i]`. */
export interface SearchVocab {
  t: string[];
  f: number[];
  /** Postings file of each item; within a file, items keep vocabulary order. */
  p: number[];
}

/** A document as results show it: kind (0 project, 1 model, 2 experiment), title, second line, URL, key. */
export type DocRow = [kind: number, title: string, sub: string, url: string, key: string];

export const KINDS = ["project", "model", "experiment"] as const;

/** Ascending document numbers as gaps from the previous one (first from -1), so common texts cost a byte or two each. */
function encodePostings(docs: number[]): number[] {
  let prev = -1;
  return docs.map((d) => {
    const gap = d - prev;
    prev = d;
    return gap;
  });
}

export function decodePostings(gaps: number[]): number[] {
  let d = -1;
  return gaps.map((g) => (d += g));
}

export function* searchFiles(docs: SearchDoc[]): Generator<{ path: string; body: string }> {
  const fieldIndex = new Map<string, number>(SEARCH_FIELDS.map((f, i) => [f.key, i]));
  const items = new Map<string, { text: string; field: number; docs: number[] }>();
  docs.forEach((doc, d) => {
    for (const [field, texts] of Object.entries(doc.fields)) {
      const f = fieldIndex.get(field);
      if (f === undefined) throw new Error(`search document field "${field}" is not one of SEARCH_FIELDS`);
      for (const text of new Set(texts)) {
        const k = `${f}\u0000${text}`;
        const item = items.get(k);
        if (!item) items.set(k, { text, field: f, docs: [d] });
        else if (item.docs[item.docs.length - 1] !== d) item.docs.push(d);
      }
    }
  });

  const vocab: SearchVocab = { t: [], f: [], p: [] };
  let file: string[] = [];
  let chars = 0;
  let fileNo = 0;
  const postingFiles: Array<{ path: string; body: string }> = [];
  const flush = () => {
    postingFiles.push({ path: `search/postings/${fileNo}.json`, body: `[${file.join(",")}]\n` });
    fileNo++;
    file = [];
    chars = 0;
  };
  for (const item of items.values()) {
    const list = JSON.stringify(encodePostings(item.docs));
    if (file.length > 0 && chars + list.length > POSTINGS_FILE_CHARS) flush();
    vocab.t.push(item.text);
    vocab.f.push(item.field);
    vocab.p.push(fileNo);
    file.push(list);
    chars += list.length;
  }
  flush();

  const ids = new Map<string, Array<[string, number]>>();
  docs.forEach((doc, d) => {
    if (doc.kind !== "experiment") return;
    const prefix = doc.key.slice(0, ID_PREFIX);
    const list = ids.get(prefix) ?? [];
    list.push([doc.key, d]);
    ids.set(prefix, list);
  });

  const counts: Record<string, number> = { project: 0, model: 0, experiment: 0 };
  for (const doc of docs) counts[doc.kind]++;
  const manifest: SearchManifest = {
    format: SEARCH_FORMAT,
    fields: SEARCH_FIELDS.map((f) => ({ ...f })),
    docs: docs.length,
    counts,
    docShard: DOC_SHARD,
    idPrefix: ID_PREFIX,
    idShards: [...ids.keys()].sort(),
  };
  yield { path: "search/manifest.json", body: `${JSON.stringify(manifest)}\n` };
  yield { path: "search/vocab.json", body: `${JSON.stringify(vocab)}\n` };
  yield* postingFiles;
  for (let s = 0; s * DOC_SHARD < docs.length; s++) {
    const rows: DocRow[] = docs.slice(s * DOC_SHARD, (s + 1) * DOC_SHARD).map((doc) => [KINDS.indexOf(doc.kind), doc.title, doc.sub, doc.url, doc.key]);
    yield { path: `search/docs/${s}.json`, body: `${JSON.stringify(rows)}\n` };
  }
  for (const [prefix, list] of ids) yield { path: `search/ids/${prefix}.json`, body: `${JSON.stringify(list.sort((a, b) => (a[0] < b[0] ? -1 : 1)))}\n` };
}
