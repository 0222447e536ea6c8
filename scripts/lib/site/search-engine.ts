// Search over the static index (issue #7), in the browser and in tests alike.
// Fuse.js scores each query word against the vocabulary; a document's score
// for a word is Fuse's own formula over the fields where it matched (the best
// item of each field, raised to the field's weight, multiplied), and a
// multi-word query needs every word to match somewhere. So results are ranked
// as one Fuse index over all documents ranks them, without scanning 100,000
// documents on each keystroke.
import Fuse, { type FuseResult } from "fuse.js";
import { type DocRow, decodePostings, KINDS, type SearchManifest, type SearchVocab } from "./search-index.ts";

export const FUSE_OPTIONS = {
  threshold: 0.34,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  includeScore: true,
  includeMatches: true,
  minMatchCharLength: 1,
} as const;
/** Vocabulary items kept per query word: the best ones; a word as common as "s3" matches every URI. */
const ITEMS_PER_WORD = 400;
const MAX_WORDS = 6;
/** Words up to this long match only at the start of a word of the text, and at most SHORT_WORD_ITEMS texts. */
const SHORT_WORD = 2;
const SHORT_WORD_ITEMS = 60;
const ID_WORD = /^[0-9a-hjkmnp-tv-z]{4,26}$/;
const NO_HIT = 2;

export type Load = (path: string) => Promise<unknown>;

export interface Why {
  field: string;
  text: string;
  /** Matched character ranges of `text`, inclusive. */
  indices: Array<[number, number]>;
}

export interface SearchHit {
  doc: number;
  kind: (typeof KINDS)[number];
  title: string;
  sub: string;
  url: string;
  key: string;
  score: number;
  why: Why[];
}

export interface SearchResults {
  query: string;
  groups: Record<(typeof KINDS)[number], { total: number; hits: SearchHit[] }>;
}

interface WordHits {
  /** Per field with hits: best score per document (NO_HIT where none) and the item that gave it. */
  fields: Map<number, { best: Float32Array; item: Int32Array }>;
  touched: number[];
  matches: Map<number, FuseResult<string>["matches"]>;
}

export class SearchEngine {
  private readonly fuse: Fuse<string>;
  private readonly postings = new Map<number, Promise<number[][]>>();
  private readonly shards = new Map<number, Promise<DocRow[]>>();
  private readonly ids = new Map<string, Promise<Array<[string, number]>>>();
  /** The vocabulary index of the first item of each postings file. */
  private readonly firstOfFile: number[] = [];

  private constructor(
    readonly manifest: SearchManifest,
    private readonly vocab: SearchVocab,
    private readonly load: Load,
  ) {
    this.fuse = new Fuse(vocab.t, FUSE_OPTIONS);
    // Backwards, so the earliest item of each file is the one that stays.
    for (let i = vocab.p.length - 1; i >= 0; i--) this.firstOfFile[vocab.p[i]] = i;
  }

  static async open(load: Load): Promise<SearchEngine> {
    const [manifest, vocab] = await Promise.all([load("search/manifest.json"), load("search/vocab.json")]);
    return new SearchEngine(manifest as SearchManifest, vocab as SearchVocab, load);
  }

  private cached<K, V>(map: Map<K, Promise<V>>, key: K, path: string): Promise<V> {
    let p = map.get(key);
    if (!p) {
      p = this.load(path) as Promise<V>;
      map.set(key, p);
    }
    return p;
  }

  private kindOf(doc: number): (typeof KINDS)[number] {
    const { project, model } = this.manifest.counts;
    return doc < project ? "project" : doc < project + model ? "model" : "experiment";
  }

  /**
   * The vocabulary items a word matches, best first. A word of one or two
   * characters (the first keystrokes) matches only where a word of the text
   * starts with it: as a fuzzy substring it would match most of a large
   * registry's vocabulary and make that keystroke the slowest of all.
   */
  private vocabHits(word: string): FuseResult<string>[] {
    const found = this.fuse.search(word, { limit: ITEMS_PER_WORD });
    if (word.length > SHORT_WORD) return found;
    const start = new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "iu");
    return found.filter((r) => start.test(this.vocab.t[r.refIndex])).slice(0, SHORT_WORD_ITEMS);
  }

  /** Every document a word matches, with its best score in each field. */
  private async wordHits(word: string): Promise<WordHits> {
    const n = this.manifest.docs;
    const found = this.vocabHits(word);
    const files = [...new Set(found.map((r) => this.vocab.p[r.refIndex]))];
    const lists: number[][][] = [];
    await Promise.all(
      files.map(async (f) => {
        lists[f] = await this.cached(this.postings, f, `search/postings/${f}.json`);
      }),
    );
    const hits: WordHits = { fields: new Map(), touched: [], matches: new Map() };
    const seen = new Uint8Array(n);
    const record = (field: number, item: number, score: number, docs: Iterable<number>) => {
      let slot = hits.fields.get(field);
      if (!slot) {
        slot = { best: new Float32Array(n).fill(NO_HIT), item: new Int32Array(n).fill(-1) };
        hits.fields.set(field, slot);
      }
      for (const d of docs) {
        if (score < slot.best[d]) {
          slot.best[d] = score;
          slot.item[d] = item;
        }
        if (!seen[d]) {
          seen[d] = 1;
          hits.touched.push(d);
        }
      }
    };
    for (const r of found) {
      const file = this.vocab.p[r.refIndex];
      record(this.vocab.f[r.refIndex], r.refIndex, r.score ?? 0, decodePostings(lists[file][r.refIndex - this.firstOfFile[file]]));
      hits.matches.set(r.refIndex, r.matches);
    }
    const lower = word.toLowerCase();
    if (ID_WORD.test(lower)) {
      const prefix = lower.slice(0, this.manifest.idPrefix);
      if (this.manifest.idShards.includes(prefix)) {
        const ids = await this.cached(this.ids, prefix, `search/ids/${prefix}.json`);
        const idField = this.manifest.fields.findIndex((f) => f.key === "id");
        record(
          idField,
          -1,
          0,
          ids.filter(([id]) => id.startsWith(lower)).map(([, d]) => d),
        );
      }
    }
    return hits;
  }

  async search(query: string, opts: { limit?: number } = {}): Promise<SearchResults> {
    const limit = opts.limit ?? 8;
    const words = query.trim().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
    const groups = Object.fromEntries(KINDS.map((k) => [k, { total: 0, hits: [] as SearchHit[] }])) as SearchResults["groups"];
    if (words.length === 0) return { query, groups };
    const perWord = await Promise.all(words.map((w) => this.wordHits(w)));
    const weights = this.manifest.fields.map((f) => f.weight);
    // Fuse's score: lower is better; a field's score counts with its weight as the exponent.
    const wordScore = (hits: WordHits, d: number): number => {
      let total = 1;
      let any = false;
      for (const [f, slot] of hits.fields) {
        const s = slot.best[d];
        if (s === NO_HIT) continue;
        any = true;
        total *= (s === 0 ? Number.EPSILON : s) ** weights[f];
      }
      return any ? total : Number.NaN;
    };
    const smallest = perWord.reduce((a, b) => (b.touched.length < a.touched.length ? b : a));
    const top = Object.fromEntries(KINDS.map((k) => [k, [] as Array<[number, number]>])) as Record<(typeof KINDS)[number], Array<[number, number]>>;
    for (const d of smallest.touched) {
      let score = 1;
      for (const hits of perWord) score *= wordScore(hits, d);
      if (Number.isNaN(score)) continue;
      const kind = this.kindOf(d);
      groups[kind].total++;
      insertTop(top[kind], [score, d], limit);
    }
    for (const kind of KINDS) groups[kind].hits = await Promise.all(top[kind].map(([score, d]) => this.hit(d, score, perWord)));
    return { query, groups };
  }

  private async hit(doc: number, score: number, perWord: WordHits[]): Promise<SearchHit> {
    const shard = Math.floor(doc / this.manifest.docShard);
    const rows = await this.cached(this.shards, shard, `search/docs/${shard}.json`);
    const [kind, title, sub, url, key] = rows[doc - shard * this.manifest.docShard];
    const why: Why[] = [];
    for (const hits of perWord) {
      let best: { f: number; s: number; item: number } | undefined;
      for (const [f, slot] of hits.fields) {
        const s = slot.best[doc];
        if (
          s !== NO_HIT &&
          (!best || (s || Number.EPSILON) ** this.manifest.fields[f].weight < (best.s || Number.EPSILON) ** this.manifest.fields[best.f].weight)
        )
          best = { f, s, item: slot.item[doc] };
      }
      if (!best) continue;
      const field = this.manifest.fields[best.f].label;
      if (best.item < 0) why.push({ field, text: key, indices: [] });
      else
        why.push({
          field,
          text: this.vocab.t[best.item],
          indices: (hits.matches.get(best.item)?.[0]?.indices ?? []).map(([a, b]) => [a, b] as [number, number]),
        });
    }
    return { doc, kind: KINDS[kind], title, sub, url, key, score, why };
  }
}

/** Keeps the `limit` best [score, doc] pairs, best first; equal scores keep the earlier (newer) document first. */
function insertTop(top: Array<[number, number]>, entry: [number, number], limit: number): void {
  if (top.length === limit && !before(entry, top[top.length - 1])) return;
  let lo = 0;
  let hi = top.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(top[mid], entry)) lo = mid + 1;
    else hi = mid;
  }
  top.splice(lo, 0, entry);
  if (top.length > limit) top.pop();
}

const before = (a: [number, number], b: [number, number]): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
