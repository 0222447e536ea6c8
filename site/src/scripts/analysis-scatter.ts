// The Analysis panel's scatter (issue #17): any parameter or metric against
// a metric, linear or log, the production and best runs ringed and named.
// Runs outside the parallel coordinates' brushes are drawn faint.
import { axisBottom, axisLeft } from "d3-axis";
import { select } from "d3-selection";
import { type Axis, scaleFor } from "./analysis-axes";
import { svg } from "./dom";

const W = 640;
const H = 360;
const M = { left: 64, right: 20, top: 16, bottom: 44 };

export interface ScatterOptions {
  x: Axis;
  y: Axis;
  bucket: Uint8Array;
  mask: Uint8Array;
  marks: Array<{ run: number; label: string }>;
  onHover(run: number | undefined, at: { x: number; y: number }): void;
  onOpen(run: number): void;
}

export function drawScatter(host: HTMLElement, o: ScatterOptions): void {
  host.replaceChildren();
  const root = svg("svg", { class: "an-scatter", viewBox: `0 0 ${W} ${H}`, role: "img" });
  root.setAttribute("aria-label", `Scatter of ${o.y.key} against ${o.x.key}, one dot per run`);
  host.append(root);
  const xs = scaleFor(o.x, [M.left, W - M.right]);
  const ys = scaleFor(o.y, [H - M.bottom, M.top]);
  const ax = axisBottom(xs as unknown as Parameters<typeof axisBottom>[0]);
  const ay = axisLeft(ys as unknown as Parameters<typeof axisLeft>[0]);
  if (o.x.categories) ax.tickFormat((v) => o.x.categories?.[Number(v)] ?? "");
  else ax.ticks(6, "~g");
  ay.ticks(6, "~g");
  select(root)
    .append("g")
    .attr("class", "an-axis")
    .attr("transform", `translate(0,${H - M.bottom})`)
    .call(ax);
  select(root).append("g").attr("class", "an-axis").attr("transform", `translate(${M.left},0)`).call(ay);
  root.append(
    svg("text", { class: "an-label", x: (M.left + W - M.right) / 2, y: H - 6, "text-anchor": "middle" }, o.x.key),
    svg("text", { class: "an-label", x: 12, y: M.top + 4, "text-anchor": "start" }, o.y.key),
  );
  const dots = svg("g", { class: "an-dots" });
  const at: Array<[number, number] | undefined> = o.x.values.map((xv, i) => {
    const yv = o.y.values[i];
    if (xv === null || yv === null) return undefined;
    const px = xs(xv);
    const py = ys(yv);
    return px === undefined || py === undefined ? undefined : [px, py];
  });
  at.forEach((p, i) => {
    if (!p) return;
    const b = o.bucket[i];
    dots.append(svg("circle", { cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: 2.6, class: `an-f${b === 8 ? "n" : b}${o.mask[i] ? "" : " an-out"}` }));
  });
  root.append(dots);
  for (const m of o.marks) {
    const p = at[m.run];
    if (!p) continue;
    root.append(svg("circle", { class: "an-mark", cx: p[0], cy: p[1], r: 6 }), svg("text", { class: "an-mark-label", x: p[0] + 9, y: p[1] - 7 }, m.label));
  }
  const nearest = (e: MouseEvent): number | undefined => {
    const box = root.getBoundingClientRect();
    const mx = ((e.clientX - box.left) / box.width) * W;
    const my = ((e.clientY - box.top) / box.height) * H;
    let best: number | undefined;
    let dist = 64;
    at.forEach((p, i) => {
      if (!p) return;
      const d = (p[0] - mx) ** 2 + (p[1] - my) ** 2;
      if (d < dist) [best, dist] = [i, d];
    });
    return best;
  };
  root.addEventListener("mousemove", (e) => o.onHover(nearest(e), { x: e.clientX, y: e.clientY }));
  root.addEventListener("mouseleave", () => o.onHover(undefined, { x: 0, y: 0 }));
  root.addEventListener("click", (e) => {
    const run = nearest(e);
    if (run !== undefined) o.onOpen(run);
  });
}
