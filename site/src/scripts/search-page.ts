// /search/?q=…: the shareable results page (issue #7). Up to 50 results per
// kind; experiments can be ticked and compared.
import { wireCompareForm } from "./compare-form";
import { required } from "./dom";
import { openEngine, renderResults } from "./search-client";

const root = required<HTMLElement>("[data-search-results]");
const status = required<HTMLElement>("[data-search-status]");
const form = required<HTMLFormElement>("form.compare-form");
const input = required<HTMLInputElement>("#site-search");
const refresh = wireCompareForm(form);
const engine = openEngine();

async function show(query: string): Promise<void> {
  const q = query.trim();
  if (!q) {
    root.replaceChildren();
    status.textContent = "Type in the search box above: a model, a tag, a parameter value such as adamw, a version, or the start of an experiment id.";
    return;
  }
  const results = await (await engine).search(q, { limit: 50 });
  if (input.value.trim() !== q && input.value.trim() !== "") return;
  const total = results.groups.project.total + results.groups.model.total + results.groups.experiment.total;
  status.textContent = total ? `${total.toLocaleString("en-US")} results for “${q}”.` : `Nothing matches “${q}”. Check the spelling, or try fewer words.`;
  document.title = `${q} · search · modelreg`;
  root.replaceChildren(...renderResults(results, { idPrefix: "result", mode: "list" }));
  root.dataset.query = q;
  refresh();
}

const initial = new URLSearchParams(location.search).get("q") ?? "";
input.value = initial;
show(initial).catch((err) => (status.textContent = `Search is unavailable: ${(err as Error).message}`));
input.addEventListener("input", () => {
  const q = input.value.trim();
  history.replaceState(null, "", q ? `?q=${encodeURIComponent(q)}` : location.pathname);
  show(q).catch(() => undefined);
});
if (!initial) input.focus();
