// The Analysis panel of a model page (issue #17), loaded when the panel is
// first opened: fetches `analysis/<project>/<model>.json` (built by
// scripts/lib/analysis), then draws parallel coordinates, a scatter and the
// parameter importance of the page's test-data group. Registry text is set as
// text only. State and timings are kept in `window.__modelregAnalysis` for the
// tests and the benchmark.
import type { PanelFile, PanelGroup } from "../../../scripts/lib/site/analysis-files";
import { type Axis, axesOf, BUCKETS, bestIndex, buckets, type Filter, formatValue, inFilter } from "./analysis-axes";
import { drawParallel, type Parallel } from "./analysis-parallel";
import { drawScatter } from "./analysis-scatter";
import { constantsList, importanceTable, option, select } from "./analysis-tables";
import { el } from "./dom";

declare global {
  interface Window {
    __modelregAnalysis?: { ready: boolean; openMs?: number; brushMs: number[]; selected(): string[]; filters(): Filter[] };
  }
}

const BASE = import.meta.env.BASE_URL;
/** The compare page shows at most this many runs. */
const COMPARE_MAX = 12;
const DEFAULT_PARAM_AXES = 7;

/** `started`: when the panel was opened, before this module loaded, so the first view's time includes loading it. */
export async function openPanel(panel: HTMLElement, started = performance.now()): Promise<void> {
  const body = panel.querySelector<HTMLElement>("[data-analysis-body]");
  if (!body) return;
  const state: NonNullable<Window["__modelregAnalysis"]> = { ready: false, brushMs: [], selected: () => [], filters: () => [] };
  window.__modelregAnalysis = state;
  const res = await fetch(`${BASE}${panel.dataset.src ?? ""}`);
  if (!res.ok) {
    body.replaceChildren(el("p", { class: "notice" }, `The analysis could not be loaded (HTTP ${res.status}).`));
    return;
  }
  const file = (await res.json()) as PanelFile;
  const group = file.groups.find((g) => g.slug === panel.dataset.group) ?? file.groups[0];
  if (!group) return;
  render(body, group, file.primary, panel.dataset.production, state);
  requestAnimationFrame(() => {
    state.openMs = performance.now() - started;
    state.ready = true;
    panel.dataset.ready = "true";
  });
}

function render(
  body: HTMLElement,
  group: PanelGroup,
  primary: string | null,
  productionId: string | undefined,
  state: NonNullable<Window["__modelregAnalysis"]>,
): void {
  const all = axesOf(group);
  const n = group.ids.length;
  const byId = new Map(all.map((a) => [a.id, a]));
  const metrics = all.filter((a) => a.metric);
  const rank = new Map((group.importance?.rows ?? []).map((r, i) => [`param:${r.key}`, i]));
  const params = all.filter((a) => !a.metric).sort((a, b) => (rank.get(a.id) ?? 1e9) - (rank.get(b.id) ?? 1e9));
  const colourAxis = () => byId.get(colour) as Axis;
  let colour = `metric:${primary && byId.has(`metric:${primary}`) ? primary : (metrics[0]?.key ?? "")}`;
  let shown = [...params.slice(0, DEFAULT_PARAM_AXES).map((a) => a.id), ...(byId.has(colour) ? [colour] : [])];
  const filters = new Map<string, Filter>();
  let mask = new Uint8Array(n).fill(1);
  let bucket = metrics.length ? buckets(colourAxis().values, colourAxis().goal ?? "maximize") : new Uint8Array(n).fill(BUCKETS);
  const label = (i: number) => group.versions[i] ?? group.ids[i].slice(0, 10);
  const open = (i: number) => location.assign(`${BASE}experiments/${group.ids[i]}/`);

  const tip = el("div", { class: "an-tip", role: "status" });
  tip.hidden = true;
  const hover = (run: number | undefined, at: { x: number; y: number }) => {
    tip.hidden = run === undefined;
    if (run === undefined) return;
    const lines = shown.map((id) => byId.get(id) as Axis).map((a) => el("div", {}, `${a.key}: ${formatValue(a, a.values[run])}`));
    tip.replaceChildren(el("b", { class: "mono" }, label(run)), ...lines);
    const box = body.getBoundingClientRect();
    tip.style.left = `${Math.min(at.x - box.left + 14, box.width - 220)}px`;
    tip.style.top = `${at.y - box.top + 14}px`;
  };

  const count = el("span", { role: "status" });
  const compare = el("button", { type: "button", class: "button primary" }, "Compare");
  const best = el("ol", { class: "an-best" });
  const selectedRuns = () => {
    const ids = [...mask.keys()].filter((i) => mask[i]);
    const c = colourAxis();
    if (c) ids.sort((a, b) => ((c.values[a] ?? NaN) - (c.values[b] ?? NaN)) * (c.goal === "minimize" ? 1 : -1) || 0);
    return ids;
  };
  compare.addEventListener("click", () => {
    const ids = selectedRuns().slice(0, COMPARE_MAX);
    location.assign(`${BASE}compare/?ids=${ids.map((i) => group.ids[i]).join(",")}`);
  });
  state.selected = () => group.ids.filter((_, i) => mask[i]);
  state.filters = () => [...filters.values()];

  const parallelHost = el("div", { class: "an-plot" });
  let parallel: Parallel;
  let scatterTimer: ReturnType<typeof setTimeout> | undefined;
  const applyFilters = () => {
    const t = performance.now();
    const active = [...filters.values()].map((f) => [f, byId.get(f.axis) as Axis] as const);
    mask = Uint8Array.from({ length: n }, (_, i) => (active.every(([f, a]) => inFilter(f, a.values[i])) ? 1 : 0));
    parallel.show(mask);
    summarise();
    requestAnimationFrame(() => state.brushMs.push(performance.now() - t));
    clearTimeout(scatterTimer);
    scatterTimer = setTimeout(drawScatterNow, 200);
  };
  const summarise = () => {
    const sel = selectedRuns();
    count.textContent = `${sel.length.toLocaleString("en-US")} of ${n.toLocaleString("en-US")} runs selected${filters.size ? ` by ${filters.size} brush${filters.size === 1 ? "" : "es"}` : ""}.`;
    compare.disabled = sel.length < 2;
    compare.textContent = sel.length > COMPARE_MAX ? `Compare the best ${COMPARE_MAX}` : `Compare ${sel.length >= 2 ? sel.length : ""} runs`.replace("  ", " ");
    best.replaceChildren(
      ...sel
        .slice(0, 5)
        .map((i) =>
          el(
            "li",
            {},
            el("a", { href: `${BASE}experiments/${group.ids[i]}/`, class: "mono" }, label(i)),
            ` ${formatValue(colourAxis(), colourAxis()?.values[i] ?? null)}`,
          ),
        ),
    );
  };
  const axisList = el("ul", { class: "an-axes", "aria-label": "Axes" });
  const addSelect = el("select", {});
  const drawParallelNow = () => {
    for (const id of filters.keys()) if (!shown.includes(id)) filters.delete(id);
    parallel = drawParallel(parallelHost, {
      axes: shown.map((id) => byId.get(id) as Axis),
      bucket,
      filters,
      onFilter: applyFilters,
      onHover: hover,
      onOpen: open,
    });
    axisList.replaceChildren(...shown.map((id) => axisItem(byId.get(id) as Axis)));
    addSelect.replaceChildren(
      option("", "Add an axis…"),
      ...all.filter((a) => !shown.includes(a.id)).map((a) => option(a.id, `${a.metric ? "metric" : "parameter"}: ${a.key}`)),
    );
    applyFilters();
  };
  const axisItem = (a: Axis) => {
    const item = el("li", {}, el("span", { class: "mono" }, a.key));
    if (a.canLog && !a.categories) {
      const box = el("input", { type: "checkbox", "aria-label": `Log scale for ${a.key}` });
      box.checked = a.log;
      box.addEventListener("change", () => {
        a.log = box.checked;
        drawParallelNow();
      });
      item.append(el("label", {}, box, " log"));
    }
    const remove = el("button", { type: "button", class: "an-remove", "aria-label": `Remove the ${a.key} axis` }, "×");
    remove.addEventListener("click", () => {
      shown = shown.filter((id) => id !== a.id);
      drawParallelNow();
    });
    item.append(remove);
    return item;
  };
  addSelect.addEventListener("change", () => {
    if (addSelect.value) shown.push(addSelect.value);
    drawParallelNow();
  });
  const clear = el("button", { type: "button", class: "button" }, "Clear brushes");
  clear.addEventListener("click", () => {
    filters.clear();
    drawParallelNow();
  });
  const colourSelect = select(
    "Colour by",
    metrics.map((m) => option(m.id, m.key, m.id === colour)),
    (v) => {
      colour = v;
      bucket = buckets(colourAxis().values, colourAxis().goal ?? "maximize");
      drawParallelNow();
    },
  );

  const scatterHost = el("div", { class: "an-plot" });
  const xChoice = { id: shown[0] ?? colour, log: false };
  const yChoice = { id: colour, log: false };
  const drawScatterNow = () => {
    const x = { ...(byId.get(xChoice.id) as Axis) };
    const y = { ...(byId.get(yChoice.id) as Axis) };
    if (!x.id || !y.id) return;
    x.log = xChoice.log;
    y.log = yChoice.log;
    const c = colourAxis();
    const marks = [];
    const b = c ? bestIndex(c.values, c.goal ?? "maximize") : -1;
    if (b >= 0) marks.push({ run: b, label: `best ${c.key}` });
    const p = productionId ? group.ids.indexOf(productionId) : -1;
    if (p >= 0) marks.push({ run: p, label: "production" });
    drawScatter(scatterHost, { x, y, bucket, mask, marks, onHover: hover, onOpen: open });
  };
  const logBox = (choice: { log: boolean }, name: string) => {
    const box = el("input", { type: "checkbox" });
    box.addEventListener("change", () => {
      choice.log = box.checked;
      drawScatterNow();
    });
    return el("label", {}, box, ` log ${name}`);
  };
  const scatterTools = el(
    "div",
    { class: "toolbar" },
    select(
      "X",
      all.map((a) => option(a.id, a.key, a.id === xChoice.id)),
      (v) => {
        xChoice.id = v;
        drawScatterNow();
      },
    ),
    logBox(xChoice, "x"),
    select(
      "Y",
      metrics.map((a) => option(a.id, a.key, a.id === yChoice.id)),
      (v) => {
        yChoice.id = v;
        drawScatterNow();
      },
    ),
    logBox(yChoice, "y"),
  );

  const sample =
    group.total > n
      ? ` a sample of ${n.toLocaleString("en-US")} of the group's ${group.total.toLocaleString("en-US")} runs (the best 100, the production run and others chosen by id)`
      : ` all ${n.toLocaleString("en-US")} runs of this group`;
  body.replaceChildren(
    el("p", {}, `Drawn:${sample}. ${group.params.length} parameters vary.`),
    constantsList(group) ?? "",
    el("h3", {}, "Parallel coordinates"),
    el(
      "p",
      { class: "meta" },
      "Drag along an axis to keep the runs inside the range; brushes on several axes keep the runs inside all of them. Hover a line to see the run; click it to open the run.",
    ),
    el("div", { class: "toolbar" }, colourSelect, el("label", {}, "Axes ", addSelect), clear),
    axisList,
    el("div", { class: "an-scroll" }, parallelHost),
    el("div", { class: "toolbar" }, count, compare),
    el("p", { class: "meta" }, "Best runs in the selection:"),
    best,
    el("h3", {}, "Scatter"),
    scatterTools,
    el("div", { class: "an-scroll" }, scatterHost),
    el("h3", {}, "Parameter importance"),
    importanceTable(group),
    tip,
  );
  if (metrics.length === 0) {
    parallelHost.append(el("p", { class: "notice" }, "No run of this group reports a metric."));
    return;
  }
  drawParallelNow();
  drawScatterNow();
}
