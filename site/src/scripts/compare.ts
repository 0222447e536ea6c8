// The compare page: ids from the URL, experiments from the JSON API, the
// shared diff (scripts/lib/domain/diff.ts) rendered as tables, metrics with the best
// marked, history curves overlaid.
import { type DiffRow, type DiffSection, diffExperiments } from "../../../scripts/lib/domain/diff";
import { goalFor } from "../../../scripts/lib/domain/metric-goals";
import type { ExperimentData, Goal, ModelData } from "../../../scripts/lib/schema/types";
import type { ApiItem } from "../../../scripts/lib/site/api";
import { type ChartGeometry, chartGeometry, downsample } from "../../../scripts/lib/site/chart";
import { formatValue } from "../../../scripts/lib/site/format";
import { el, required, svg } from "./dom";

const BASE = import.meta.env.BASE_URL;
const API = `${BASE}api/v0.1/`;
const ID = /^[0-9a-hjkmnp-tv-z]{26}$/;
const MAX = 12;

const root = required<HTMLElement>("[data-compare-root]");
const status = required<HTMLElement>("[data-compare-status]");
/** The API's experiment items always name their model. */
type ExperimentItem = ApiItem & { model_id: string };

function idsFromUrl(): string[] {
  const params = new URLSearchParams(location.search);
  const ids = params
    .getAll("ids")
    .flatMap((v) => v.split(","))
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(ids)];
}

async function getJson<T>(path: string): Promise<T | undefined> {
  const res = await fetch(`${API}${path}`);
  return res.ok ? ((await res.json()) as T) : undefined;
}

const label = (e: ApiItem) => (e.data as ExperimentData).version ?? e.id.slice(0, 10);
const link = (e: ApiItem) => el("a", { href: `${BASE}experiments/${e.id}/`, class: "mono" }, label(e));

function sectionTable(title: string, rows: DiffRow[], runs: ApiItem[], best?: (row: DiffRow) => number[]): HTMLElement | null {
  if (rows.length === 0) return null;
  const differing = rows.filter((r) => !r.same);
  const same = rows.filter((r) => r.same);
  const head = el("thead", {}, el("tr", {}, el("th", { scope: "col" }, title), ...runs.map((e) => el("th", { scope: "col" }, link(e)))));
  const body = (list: DiffRow[]) =>
    el(
      "tbody",
      {},
      ...list.map((r) => {
        const winners = best?.(r) ?? [];
        return el(
          "tr",
          { class: r.same ? undefined : "diff-row" },
          el("th", { scope: "row" }, r.key),
          ...r.values.map((v, i) =>
            el(
              "td",
              {
                class: `${typeof v === "number" ? "num" : "wrap"}${winners.includes(i) ? " best-cell" : ""}`,
                title: typeof v === "number" ? String(v) : undefined,
              },
              v === undefined ? "—" : formatValue(v),
              winners.includes(i) ? " ★" : "",
            ),
          ),
        );
      }),
    );
  const section = el("section", {}, el("h2", {}, title));
  if (differing.length)
    section.append(
      el(
        "div",
        { class: "table-wrap" },
        el(
          "table",
          { "data-section": title.toLowerCase() },
          el("caption", {}, `${differing.length} differ${differing.length === 1 ? "s" : ""}`),
          head,
          body(differing),
        ),
      ),
    );
  else section.append(el("p", { class: "empty" }, `All ${title.toLowerCase()} are the same.`));
  if (same.length) {
    section.append(
      el(
        "details",
        {},
        el("summary", {}, `${same.length} the same in every experiment`),
        el("div", { class: "table-wrap" }, el("table", {}, head.cloneNode(true), body(same))),
      ),
    );
  }
  return section;
}

function bestOf(goals: Map<string, Goal>) {
  return (row: DiffRow): number[] => {
    const nums = row.values.map((v) => (typeof v === "number" ? v : undefined));
    const present = nums.filter((v): v is number => v !== undefined);
    if (present.length < 2) return [];
    const goal = goals.get(row.key) ?? goalFor(row.key);
    const top = goal === "maximize" ? Math.max(...present) : Math.min(...present);
    return nums.flatMap((v, i) => (v === top ? [i] : []));
  };
}

function chartSvg(g: ChartGeometry, title: string): SVGElement {
  return svg(
    "svg",
    { class: "chart", viewBox: `0 0 ${g.width} ${g.height}`, role: "img", "aria-label": title },
    ...g.yTicks.map((t) => svg("line", { class: "grid", x1: g.plot.left, x2: g.plot.right, y1: t.at, y2: t.at })),
    svg("line", { class: "axis", x1: g.plot.left, x2: g.plot.right, y1: g.plot.bottom, y2: g.plot.bottom }),
    ...g.yTicks.map((t) => svg("text", { class: "tick", x: g.plot.left - 6, y: t.at + 4, "text-anchor": "end" }, t.label)),
    ...g.xTicks.map((t) => svg("text", { class: "tick", x: t.at, y: g.height - 8, "text-anchor": "middle" }, t.label)),
    ...g.series.map((s, i) => svg("path", { class: `s${i % 6}`, d: s.d })),
  );
}

function historySection(runs: ApiItem[]): HTMLElement | null {
  const names = [...new Set(runs.flatMap((e) => Object.keys((e.data as ExperimentData).history ?? {})))].slice(0, 12);
  if (names.length === 0) return null;
  const legend = el("ul", { class: "legend" }, ...runs.map((e, i) => el("li", {}, el("span", { class: `swatch s${i % 6}` }), label(e))));
  const figures = names.map((name) => {
    const series = runs.map((e) => ({
      label: label(e),
      style: "line" as const,
      points: downsample((e.data as ExperimentData).history?.[name] ?? [], 200).map((p) => ({ x: p.step, y: p.value })),
    }));
    return el(
      "figure",
      {},
      el("figcaption", {}, name),
      chartSvg(chartGeometry(series, { width: 360, height: 170 }), `${name} by step, one line per experiment`),
    );
  });
  return el("section", {}, el("h2", {}, "History"), legend, el("div", { class: "charts" }, ...figures));
}

async function main(): Promise<void> {
  const ids = idsFromUrl();
  const bad = ids.filter((id) => !ID.test(id));
  if (ids.length === 0) return;
  if (bad.length) {
    status.textContent = `Not experiment ids: ${bad.join(", ")}. Ids are 26 characters, as on each experiment's page.`;
    return;
  }
  if (ids.length > MAX) status.textContent = `Showing the first ${MAX} of ${ids.length} experiments.`;
  const found = await Promise.all(ids.slice(0, MAX).map((id) => getJson<ExperimentItem>(`experiments/id/${id}.json`)));
  const missing = ids.filter((_, i) => i < MAX && !found[i]);
  const runs = found.filter((e): e is ExperimentItem => e !== undefined);
  const models = new Map<string, ModelData>();
  for (const key of new Set(runs.map((e) => e.model_id))) {
    const m = await getJson<ApiItem>(`models/id/${key}.json`);
    if (m) models.set(key, m.data as ModelData);
  }
  const goals = new Map<string, Goal>();
  for (const m of models.values()) if (m.primary_metric) goals.set(m.primary_metric.name, m.primary_metric.goal);
  status.textContent = `${runs.length} experiments${missing.length ? `; not found: ${missing.join(", ")}` : ""}.${runs.length < 2 ? " Add another id to compare." : ""}`;
  if (runs.length === 0) return;

  const header = el(
    "div",
    { class: "table-wrap" },
    el(
      "table",
      {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Experiment"), el("th", { scope: "col" }, "Model"), el("th", { scope: "col" }, "Created"))),
      el(
        "tbody",
        {},
        ...runs.map((e) =>
          el("tr", {}, el("td", {}, link(e)), el("td", {}, models.get(e.model_id)?.name ?? e.model_id), el("td", {}, (e.data as ExperimentData).created)),
        ),
      ),
    ),
  );
  const rows = diffExperiments(
    runs.map((e) => e.data as ExperimentData),
    { all: true },
  );
  const of = (s: DiffSection) => rows.filter((r) => r.section === s);
  root.replaceChildren(
    header,
    ...[
      sectionTable("Evaluations", of("evaluations"), runs, bestOf(goals)),
      sectionTable("Parameters", of("parameters"), runs),
      historySection(runs),
      sectionTable("Datasets", of("datasets"), runs),
      sectionTable("Code", of("code"), runs),
      sectionTable("Environment", of("environment"), runs),
      sectionTable("Tags", of("tags"), runs),
    ].filter((s): s is HTMLElement => s !== null),
  );
}

main().catch((err) => {
  status.textContent = `Could not load the experiments: ${(err as Error).message}`;
});
