// An experiment page's parameters, datasets, artifacts, code, environment and
// tags, and its record as YAML, rendered from the JSON API record
// (issue #15): the page's HTML does not carry a second copy of the record.
// The sections render when the page loads, the YAML when its section opens.
import type { ExperimentData } from "../../../scripts/lib/schema/types";
import { type DetailCell, type DetailSection, type DetailTable, recordDetails } from "../../../scripts/lib/site/record-details";
import { el } from "./dom";

const root = document.querySelector<HTMLElement>("[data-details]");
const params = document.querySelector<HTMLElement>("[data-parameters]");
const details = document.querySelector<HTMLDetailsElement>("details[data-record]");
const yamlOut = details?.querySelector<HTMLElement>("[data-record-text]");

function cell(c: DetailCell): HTMLElement {
  const value = c.href
    ? el("a", { href: c.href, rel: "nofollow noopener noreferrer" }, c.text)
    : c.code
      ? el("code", {}, c.text)
      : c.title
        ? el("span", { title: c.title }, c.text)
        : c.text;
  const cls = [c.num && "num", c.mono && "mono", c.wrap && "wrap"].filter(Boolean).join(" ");
  return el("td", { class: cls || undefined }, value, c.note ? el("br") : null, c.note ? el("span", { class: "key-prefix" }, c.note) : null);
}

function table(t: DetailTable): HTMLElement {
  const head = t.head ? el("thead", {}, el("tr", {}, ...t.head.map((h) => el("th", { scope: "col", class: h.num ? "num" : undefined }, h.text)))) : null;
  const rows = t.rows.map((r) => el("tr", {}, el("th", { scope: "row" }, r.key[0] ? el("i", {}, r.key[0]) : null, r.key[1]), ...r.cells.map(cell)));
  return el("div", { class: "table-wrap" }, el("table", { class: t.head ? undefined : "kv" }, head, el("tbody", {}, ...rows)));
}

function contents(s: DetailSection): HTMLElement[] {
  const body = s.table.rows.length === 0 ? el("p", { class: "empty" }, s.empty) : table(s.table);
  return [el("h2", {}, s.title), body, ...(s.more ? [el("h3", {}, s.more.title), table(s.more.table)] : [])];
}

const section = (s: DetailSection) => el("section", {}, ...contents(s));

function done(slot: HTMLElement | null, ...children: HTMLElement[]): void {
  if (!slot) return;
  slot.replaceChildren(...children);
  slot.removeAttribute("aria-busy");
}

async function record(url: string): Promise<{ data: ExperimentData }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as { data: ExperimentData };
}

const url = root?.dataset.details;
if (root && url) {
  const loaded = record(url);
  loaded
    .then(({ data }) => {
      const { parameters, rest } = recordDetails(data);
      done(params, ...contents(parameters));
      done(root, ...rest.map((row) => (row.length === 1 ? section(row[0]) : el("div", { class: "grid-2" }, ...row.map(section)))));
    })
    .catch((err: Error) => {
      const failed = () => el("p", { class: "notice" }, `Could not load the record: ${err.message}. `, el("a", { href: url }, "The record as JSON"));
      done(params, el("h2", {}, "Parameters"), failed());
      done(root, failed());
    });
  if (details && yamlOut) {
    details.addEventListener(
      "toggle",
      () => {
        Promise.all([loaded, import("../../../scripts/lib/site/record-yaml")])
          .then(([r, { recordYaml }]) => {
            yamlOut.textContent = recordYaml(r.data);
          })
          .catch((err: Error) => {
            yamlOut.textContent = `Could not load the record: ${err.message}`;
          });
      },
      { once: true },
    );
  }
}
