// The Analysis panel's text parts (issue #17): the importance table with its
// bars, the constant and left-out parameters, and small form builders. Every
// registry string goes in as text.
import type { PanelGroup } from "../../../scripts/lib/site/analysis-files";
import { el } from "./dom";

export function option(value: string, text: string, selected = false): HTMLOptionElement {
  const o = el("option", { value }, text);
  o.selected = selected;
  return o;
}

export function select(label: string, options: HTMLOptionElement[], onChange: (value: string) => void): HTMLLabelElement {
  const s = el("select", {}, ...options);
  s.addEventListener("change", () => onChange(s.value));
  return el("label", {}, `${label} `, s);
}

export function importanceTable(group: PanelGroup): HTMLElement {
  const imp = group.importance;
  if (!imp) return el("p", { class: "notice" }, "The model names no metric to explain, so there is no importance.");
  if (imp.reason) return el("p", { class: "notice" }, imp.reason);
  const rows = imp.rows.map((r) => {
    const bar = el("span", { class: "an-bar" });
    bar.style.width = `${(r.importance * 100).toFixed(1)}%`;
    return el(
      "tr",
      {},
      el("th", { scope: "row", class: "mono" }, r.key),
      el("td", { class: "num" }, r.importance.toFixed(3)),
      el("td", { class: "an-bar-cell" }, bar),
      el("td", { class: "num" }, r.correlation === null ? "—" : r.correlation.toFixed(3)),
      el("td", { class: "num" }, r.runs.toLocaleString("en-US")),
    );
  });
  const how = `A random forest of ${imp.method.trees} trees, trained on ${imp.method.trainedOn.toLocaleString("en-US")} of the ${imp.withMetric.toLocaleString("en-US")} runs that report it, learns ${imp.metric} from the parameters; importance is each parameter's share of what it learned. Correlation is Pearson's r over the runs that have both (none for categories).`;
  const head = el(
    "tr",
    {},
    ...["Parameter", "Importance", "", "Correlation", "Runs"].map((h, i) =>
      el("th", { scope: "col", class: i > 0 && i !== 2 ? "num" : undefined }, h || el("span", { class: "visually-hidden" }, "Bar")),
    ),
  );
  const table = el(
    "table",
    { class: "an-importance" },
    el("caption", {}, `Parameter importance for ${imp.metric}, most important first`),
    el("thead", {}, head),
    el("tbody", {}, ...rows),
  );
  return el("div", {}, el("p", { class: "meta" }, how), el("div", { class: "table-wrap" }, table));
}

export function constantsList(group: PanelGroup): HTMLElement | null {
  if (!group.constants.length && !group.skipped.length) return null;
  const items = [
    ...group.constants.map(([k, v]) => el("li", {}, el("span", { class: "mono" }, k), ` = ${typeof v === "string" ? v : JSON.stringify(v)}`)),
    ...group.skipped.map((s) => el("li", {}, el("span", { class: "mono" }, s.key), ` — ${s.values} different values, too many to order`)),
  ];
  return el(
    "details",
    {},
    el("summary", {}, `${group.constants.length} parameters the same in every run, ${group.skipped.length} left out`),
    el("ul", {}, ...items),
  );
}
