// The header search box on every page (issue #7): results as you type,
// grouped by kind, keyboard navigation (↑ ↓ Enter Esc, `/` to focus). The
// engine and the index load on first use. Each rendered query's latency is
// kept in `window.__modelregSearch` for the benchmark.
import { el, required } from "./dom";

type Client = typeof import("./search-client");
type Engine = Awaited<ReturnType<Client["openEngine"]>>;

declare global {
  interface Window {
    __modelregSearch?: { timings: Array<{ query: string; ms: number }>; ready?: boolean };
  }
}

const input = document.querySelector<HTMLInputElement>("#site-search");
// The results page has its own list; there the box only types into it.
const onResultsPage = document.querySelector("[data-search-results]") !== null;

/**
 * Makes the plain search box of Base.astro (a form that opens the results page) a combobox with a
 * results panel. Only the script can make it one, so the pages do not carry the panel (issue #15).
 */
function comboboxOf(input: HTMLInputElement): HTMLElement {
  const panel = el("div", { id: "search-panel", class: "search-panel" }, el("div", { id: "search-listbox", role: "listbox", "aria-label": "Search results" }));
  panel.hidden = true;
  for (const [k, v] of Object.entries({ role: "combobox", "aria-expanded": "false", "aria-controls": "search-listbox", "aria-autocomplete": "list" }))
    input.setAttribute(k, v);
  input.after(panel);
  return panel;
}
const panel = input && !onResultsPage ? comboboxOf(input) : null;
const stats = { timings: [] as Array<{ query: string; ms: number }> };
window.__modelregSearch = stats;
/** The options' list inside the panel (made by comboboxOf, kept by every update); the panel also holds the "all results" link, which a listbox may not. */
function listboxOf(panel: HTMLElement): HTMLElement {
  return required<HTMLElement>("#search-listbox", panel);
}
let loading: Promise<{ client: Client; engine: Engine }> | undefined;

function load(): Promise<{ client: Client; engine: Engine }> {
  loading ??= import("./search-client").then(async (client) => ({ client, engine: await client.openEngine() }));
  return loading;
}

function options(panel: HTMLElement): HTMLElement[] {
  return [...panel.querySelectorAll<HTMLElement>("[role=option]")];
}

function setActive(input: HTMLInputElement, panel: HTMLElement, index: number): void {
  const all = options(panel);
  for (const [i, o] of all.entries()) o.setAttribute("aria-selected", String(i === index));
  const active = all[index];
  if (active) {
    input.setAttribute("aria-activedescendant", active.id);
    active.scrollIntoView({ block: "nearest" });
  } else input.removeAttribute("aria-activedescendant");
}

function close(input: HTMLInputElement, panel: HTMLElement): void {
  panel.hidden = true;
  input.setAttribute("aria-expanded", "false");
  input.removeAttribute("aria-activedescendant");
}

async function update(input: HTMLInputElement, panel: HTMLElement, started: number): Promise<void> {
  const query = input.value.trim();
  if (!query) return close(input, panel);
  const { client, engine } = await load();
  const results = await engine.search(query, { limit: 6 });
  if (input.value.trim() !== query) return; // a newer keystroke is on its way
  const groups = client.renderResults(results, { idPrefix: "search-option", mode: "listbox" });
  const all = el("a", { class: "search-all", href: `${import.meta.env.BASE_URL}search/?q=${encodeURIComponent(query)}` }, `All results for “${query}” →`);
  const listbox = listboxOf(panel);
  listbox.replaceChildren(...groups);
  listbox.hidden = groups.length === 0;
  panel.replaceChildren(listbox, ...(groups.length ? [] : [el("p", { class: "empty" }, `Nothing matches “${query}”.`)]), all);
  panel.hidden = false;
  panel.dataset.query = query;
  input.setAttribute("aria-expanded", "true");
  stats.timings.push({ query, ms: performance.now() - started });
}

if (input && panel) {
  // Options are not links (a listbox holds no interactive content): a click on one opens its URL.
  panel.addEventListener("click", (event) => {
    const option = (event.target as HTMLElement).closest<HTMLElement>("[role=option]");
    if (option?.dataset.href) location.href = option.dataset.href;
  });
  input.addEventListener("focus", () => void load().catch(() => undefined));
  input.addEventListener("input", () => {
    const started = performance.now();
    update(input, panel, started).catch((err) => {
      const listbox = listboxOf(panel);
      listbox.replaceChildren();
      panel.replaceChildren(listbox, el("p", { class: "notice" }, `Search is unavailable: ${(err as Error).message}`));
      panel.hidden = false;
    });
  });
  input.addEventListener("keydown", (event) => {
    const all = options(panel);
    const current = all.findIndex((o) => o.getAttribute("aria-selected") === "true");
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (panel.hidden) {
        // The list was closed with Esc: the arrow brings it back.
        if (input.value.trim()) void update(input, panel, performance.now());
        return;
      }
      if (all.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(input, panel, (current + step + all.length) % all.length);
    } else if (event.key === "Enter" && current >= 0 && !panel.hidden) {
      event.preventDefault();
      const href = all[current].dataset.href;
      if (href) location.href = href;
    } else if (event.key === "Escape") {
      // First Esc closes the list and keeps the text (a search box clears itself on Esc); the second clears it.
      if (!panel.hidden) {
        event.preventDefault();
        close(input, panel);
      } else input.value = "";
    }
  });
}

if (input) {
  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement;
    if (event.key === "/" && !event.ctrlKey && !event.metaKey && !/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && !target.isContentEditable) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
}

if (input && panel) {
  document.addEventListener("click", (event) => {
    if (!panel.contains(event.target as Node) && event.target !== input) close(input, panel);
  });
}
