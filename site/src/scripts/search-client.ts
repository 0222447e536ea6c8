// The search engine and its rendering, loaded only when someone starts to
// search: pages that are just read fetch none of it (issue #7).
import { SearchEngine, type SearchHit, type SearchResults, type Why } from "../../../scripts/lib/site/search-engine";
import { el } from "./dom";

const BASE = import.meta.env.BASE_URL;

export function openEngine(): Promise<SearchEngine> {
  return SearchEngine.open(async (path) => {
    const res = await fetch(`${BASE}${path}`);
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json();
  });
}

const LABELS = { project: "Projects", model: "Models", experiment: "Experiments" } as const;
/** Characters of a matched text shown around the match. */
const CONTEXT = 60;

/** The matched text with its matched characters marked, cut to a window around the first match. */
function marked(why: Why): Node[] {
  const { text, indices } = why;
  const start = indices.length && text.length > CONTEXT * 2 ? Math.max(0, indices[0][0] - CONTEXT / 2) : 0;
  const end = Math.min(text.length, start + CONTEXT * 2);
  const nodes: Node[] = start > 0 ? [document.createTextNode("…")] : [];
  let at = start;
  for (const [a, b] of indices) {
    if (b < at || a >= end) continue;
    const from = Math.max(a, at);
    if (from > at) nodes.push(document.createTextNode(text.slice(at, from)));
    nodes.push(el("mark", {}, text.slice(from, Math.min(b + 1, end))));
    at = Math.min(b + 1, end);
  }
  if (at < end) nodes.push(document.createTextNode(text.slice(at, end)));
  if (end < text.length) nodes.push(document.createTextNode("…"));
  return nodes;
}

/**
 * A result. In the search box's list it is an option of a listbox, which may
 * hold no link or checkbox (WAI-ARIA combobox pattern): it carries its URL and
 * the box opens it on click or Enter. On the results page it is a list item
 * with a link and, for an experiment, a tick box.
 */
function hitItem(hit: SearchHit, id: string, mode: "listbox" | "list"): HTMLElement {
  const why = el(
    "span",
    { class: "hit-why" },
    ...hit.why.flatMap((w, i) => [i ? "  ·  " : "", el("span", { class: "hit-field" }, `${w.field}: `), ...marked(w)]),
  );
  const body = [el("span", { class: "hit-title" }, hit.title), el("span", { class: "hit-sub" }, hit.sub), why];
  if (mode === "listbox") {
    return el(
      "li",
      { role: "option", id, "aria-selected": "false", "data-kind": hit.kind, "data-href": `${BASE}${hit.url}` },
      el("span", { class: "search-hit" }, ...body),
    );
  }
  const item = el("li", { id, "data-kind": hit.kind }, el("a", { href: `${BASE}${hit.url}`, class: "search-hit" }, ...body));
  if (hit.kind === "experiment") item.prepend(el("input", { type: "checkbox", name: "ids", value: hit.key, "aria-label": `Select ${hit.title}` }));
  return item;
}

/** Results grouped by kind: options of the search box's listbox, or the results page's lists (with tick boxes for "compare selected"). */
export function renderResults(results: SearchResults, opts: { idPrefix: string; mode: "listbox" | "list" }): HTMLElement[] {
  const out: HTMLElement[] = [];
  let n = 0;
  for (const kind of ["project", "model", "experiment"] as const) {
    const group = results.groups[kind];
    if (group.total === 0) continue;
    const shown = group.hits.length < group.total ? `${group.hits.length} of ${group.total.toLocaleString("en-US")}` : `${group.total}`;
    const titleId = `${opts.idPrefix}-${kind}`;
    const items = group.hits.map((h) => hitItem(h, `${opts.idPrefix}-${n++}`, opts.mode));
    const title = [`${LABELS[kind]} `, el("span", { class: "key-prefix" }, `(${shown})`)];
    out.push(
      opts.mode === "listbox"
        ? el(
            "div",
            { role: "group", class: "search-group", "data-kind": kind, "aria-labelledby": titleId },
            el("div", { class: "search-group-title", id: titleId }, ...title),
            el("ul", { role: "none" }, ...items),
          )
        : el("section", { class: "search-group", "data-kind": kind }, el("h2", { class: "search-group-title" }, ...title), el("ul", {}, ...items)),
    );
  }
  return out;
}
