// Keeps an edited registry file's untouched lines byte for byte (issue #4:
// "preserves comments and key order"). The yaml package re-serialises a whole
// document: files written by modelreg come back unchanged, but hand-written
// ones may not (two spaces before a comment, `0x1F`, a folded description).
// So an edit is made on the Document, and the change between its two
// serialisations (before and after the edit) is replayed onto the file as it
// was, line by line.

type Pairs = Array<[number, number]>;

/**
 * Myers' O(ND) diff (http://www.xmailserver.org/diff2.pdf): index pairs of the
 * lines `a` and `b` share, in order; null when more than `maxEdits` lines differ.
 */
export function commonLines(a: readonly string[], b: readonly string[], maxEdits = 1000): Pairs | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, off);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number, off: number): Pairs {
  const pairs: Pairs = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? k + 1 : k - 1;
    const prevX = v[off + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) pairs.push([--x, --y]);
    if (d > 0) [x, y] = [prevX, prevY];
  }
  return pairs.reverse();
}

/**
 * One changed line whose original differs from its re-serialisation: splice
 * just the changed characters in, anchored on the unchanged start or end of the
 * line (`accuracy: 0.91  # best` keeps its two spaces when 0.91 becomes 0.93).
 */
function spliceLine(original: string, before: string, after: string): string | null {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  const gone = before.slice(p, before.length - s);
  const added = after.slice(p, after.length - s);
  if (original.startsWith(before.slice(0, p)) && original.startsWith(gone, p)) {
    return original.slice(0, p) + added + original.slice(p + gone.length);
  }
  const end = original.length - s;
  if (s > 0 && original.endsWith(before.slice(before.length - s)) && original.slice(0, end).endsWith(gone)) {
    return original.slice(0, end - gone.length) + added + original.slice(end);
  }
  return null;
}

/**
 * Replays the change from `before` to `after` (two serialisations of one
 * document) onto `original`, the text `before` was parsed from. Null when a
 * changed line cannot be placed in the original; callers then fall back to
 * `after` and check the result means what the edited document means.
 */
export function carryOver(original: string, before: string, after: string): string | null {
  if (original === before) return after;
  const o = original.split("\n");
  const a = before.split("\n");
  const b = after.split("\n");
  const kept = commonLines(a, o);
  const edits = commonLines(a, b);
  if (!kept || !edits) return null;
  const toOriginal = new Int32Array(a.length).fill(-1);
  for (const [i, j] of kept) toOriginal[i] = j;
  const at = (i: number) => (i < 0 ? -1 : i >= a.length ? o.length : toOriginal[i]);
  // A run of re-formatted lines as long as the original's run between the same
  // unchanged neighbours is the same lines, one for one (`x: 1  # c` → `x: 1 # c`).
  for (let s = 0; s < a.length; s++) {
    if (toOriginal[s] !== -1) continue;
    let e = s;
    while (e < a.length && toOriginal[e] === -1) e++;
    const lo = at(s - 1);
    if (lo !== -1 || s === 0) {
      if (at(e) - lo - 1 === e - s) for (let k = s; k < e; k++) toOriginal[k] = lo + 1 + k - s;
    }
    s = e;
  }

  /** Where the lines a[start, end) are in the original, as [from, to). */
  const span = (start: number, end: number): [number, number] | null => {
    const lo = at(start - 1);
    const hi = at(end);
    if (start === end) return lo !== -1 || start === 0 ? [lo + 1, lo + 1] : hi !== -1 ? [hi, hi] : null;
    const inside = Array.from({ length: end - start }, (_, k) => toOriginal[start + k]);
    if (inside.every((j, k) => j !== -1 && (k === 0 || j === inside[k - 1] + 1))) return [inside[0], inside[inside.length - 1] + 1];
    // Re-formatted lines between two unchanged neighbours are replaced whole.
    const anchored = (start === 0 || lo !== -1) && hi !== -1;
    return anchored && inside.every((j) => j === -1) ? [lo + 1, hi] : null;
  };

  const out: string[] = [];
  let copied = 0;
  let ai = 0;
  let bi = 0;
  for (const [i, j] of [...edits, [a.length, b.length] as [number, number]]) {
    if (i > ai || j > bi) {
      const where = span(ai, i);
      if (!where || where[0] < copied) return null;
      out.push(...o.slice(copied, where[0]));
      const spliced = i - ai === 1 && j - bi === 1 && where[1] - where[0] === 1 ? spliceLine(o[where[0]], a[ai], b[bi]) : null;
      out.push(...(spliced !== null ? [spliced] : b.slice(bi, j)));
      copied = where[1];
    }
    ai = i + 1;
    bi = j + 1;
  }
  out.push(...o.slice(copied));
  return out.join("\n");
}
