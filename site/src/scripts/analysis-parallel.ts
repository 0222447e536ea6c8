// Parallel coordinates for the Analysis panel (issue #17): one vertical axis
// per parameter or metric, one line per run. Brushing an axis (d3-brush)
// keeps the runs inside its range; brushes on several axes AND. Lines are
// drawn as one path per colour bucket, so a brush rewrites a handful of `d`
// attributes instead of restyling thousands of elements; hover and click find
// the nearest line from the pointer.
import { axisLeft } from "d3-axis";
import { brushY, type D3BrushEvent } from "d3-brush";
import { type scaleLinear, type scaleLog, scalePoint } from "d3-scale";
import { select } from "d3-selection";
import { type Axis, BUCKETS, type Filter, scaleFor } from "./analysis-axes";
import { svg } from "./dom";

const H = 360;
const TOP = 40;
const BOTTOM = H - 44;
const MISSING_Y = H - 20;

export interface ParallelOptions {
  axes: Axis[];
  /** Colour bucket per run: 0 worst … BUCKETS-1 best, BUCKETS for no value. */
  bucket: Uint8Array;
  filters: Map<string, Filter>;
  /** Called after a brush changed the filters. */
  onFilter(): void;
  onHover(run: number | undefined, at: { x: number; y: number }): void;
  onOpen(run: number): void;
}

export interface Parallel {
  /** Redraws the lines of the runs in `mask`. */
  show(mask: Uint8Array): void;
}

const short = (s: string, n = 16) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function drawParallel(host: HTMLElement, opts: ParallelOptions): Parallel {
  const { axes } = opts;
  const width = Math.max(640, axes.length * 104 + 60);
  host.replaceChildren();
  const root = svg("svg", { class: "an-parallel", viewBox: `0 0 ${width} ${H}`, role: "img" });
  // Wide enough for every axis to be brushed; the panel scrolls sideways below that (CSSOM, allowed by the CSP).
  root.style.minWidth = `${width * 0.8}px`;
  root.setAttribute("aria-label", `Parallel coordinates: one line per run across ${axes.map((a) => a.key).join(", ")}`);
  host.append(root);
  const x = scalePoint<string>()
    .domain(axes.map((a) => a.id))
    .range([50, width - 50]);
  const ys = axes.map((a) => scaleFor(a, [BOTTOM, TOP]));
  const n = axes[0]?.values.length ?? 0;
  const py = axes.map((a, k) => Float32Array.from(a.values, (v) => (v === null ? MISSING_Y : (ys[k](v) ?? MISSING_Y))));
  const xs = axes.map((a) => x(a.id) ?? 0);
  const segs = Array.from({ length: n }, (_, i) => `M${xs.map((px, k) => `${px},${py[k][i].toFixed(1)}`).join("L")}`);

  const bg = svg("path", { class: "an-bg", d: segs.join("") });
  const fg = Array.from({ length: BUCKETS + 1 }, (_, b) => svg("path", { class: `an-line an-c${b === BUCKETS ? "n" : b}` }));
  const hover = svg("path", { class: "an-hover" });
  const hit = svg("rect", { class: "an-hit", x: 0, y: TOP - 10, width, height: MISSING_Y - TOP + 20 });
  root.append(bg, ...fg, hover, hit);
  let shown: Uint8Array = new Uint8Array(n);

  axes.forEach((a, k) => {
    const g = select(root).append("g").attr("class", "an-axis").attr("transform", `translate(${xs[k]},0)`);
    const scale = ys[k] as unknown as Parameters<typeof axisLeft>[0];
    const axis = axisLeft(scale);
    if (a.categories) axis.tickFormat((v) => short(a.categories?.[Number(v)] ?? "", 12));
    else if (a.log) axis.ticks(4, "~g");
    else axis.ticks(5, "~g");
    g.call(axis);
    const label = svg("text", { class: "an-label", x: 0, y: TOP - 22, "text-anchor": "middle" }, short(a.key, 18));
    label.append(svg("title", {}, a.key));
    g.node()?.append(label);
    if (a.values.some((v) => v === null)) g.node()?.append(svg("text", { class: "an-missing", x: -6, y: MISSING_Y + 4, "text-anchor": "end" }, "none"));
    const brush = brushY<unknown>()
      .extent([
        [-12, TOP - 4],
        [12, BOTTOM + 4],
      ])
      .on("start brush end", (event: D3BrushEvent<unknown>) => {
        if (!event.sourceEvent) return;
        const sel = event.selection as [number, number] | null;
        if (!sel) opts.filters.delete(a.id);
        else opts.filters.set(a.id, filterOf(a, ys[k], sel));
        opts.onFilter();
      });
    const bg = g.append("g").attr("class", "an-brush").attr("data-axis", a.id).call(brush);
    const existing = opts.filters.get(a.id);
    if (existing) bg.call(brush.move, pixelsOf(existing, ys[k]));
  });

  const nearest = (mx: number, my: number): number | undefined => {
    let k = 0;
    while (k < xs.length - 2 && mx > xs[k + 1]) k++;
    const span = (xs[k + 1] ?? xs[k]) - xs[k] || 1;
    const t = Math.max(0, Math.min(1, (mx - xs[k]) / span));
    let best: number | undefined;
    let dist = 8;
    for (let i = 0; i < n; i++) {
      if (!shown[i]) continue;
      const yy = py[k][i] * (1 - t) + (py[k + 1] ?? py[k])[i] * t;
      const d = Math.abs(yy - my);
      if (d < dist) [best, dist] = [i, d];
    }
    return best;
  };
  const point = (e: MouseEvent) => {
    const box = root.getBoundingClientRect();
    return { x: ((e.clientX - box.left) / box.width) * width, y: ((e.clientY - box.top) / box.height) * H };
  };
  hit.addEventListener("mousemove", (e) => {
    const p = point(e);
    const run = nearest(p.x, p.y);
    hover.setAttribute("d", run === undefined ? "" : segs[run]);
    opts.onHover(run, { x: e.clientX, y: e.clientY });
  });
  hit.addEventListener("mouseleave", () => {
    hover.setAttribute("d", "");
    opts.onHover(undefined, { x: 0, y: 0 });
  });
  hit.addEventListener("click", (e) => {
    const p = point(e);
    const run = nearest(p.x, p.y);
    if (run !== undefined) opts.onOpen(run);
  });

  return {
    show(mask) {
      shown = mask;
      const parts: string[][] = fg.map(() => []);
      for (let i = 0; i < n; i++) if (mask[i]) parts[opts.bucket[i]].push(segs[i]);
      for (const [b, p] of fg.entries()) p.setAttribute("d", parts[b].join(""));
      bg.classList.toggle(
        "an-dim",
        mask.some((m) => m === 0),
      );
    },
  };
}

type Scale = ReturnType<typeof scaleFor>;

function filterOf(a: Axis, y: Scale, [y0, y1]: [number, number]): Filter {
  if (a.categories) {
    const codes = a.categories.map((_, c) => c).filter((c) => (y(c) ?? -1) >= y0 && (y(c) ?? -1) <= y1);
    return { axis: a.id, key: a.key, codes, labels: codes.map((c) => a.categories?.[c] ?? "") };
  }
  const inv = (y as ReturnType<typeof scaleLinear<number>> | ReturnType<typeof scaleLog<number>>).invert;
  return { axis: a.id, key: a.key, min: inv(y1), max: inv(y0) };
}

function pixelsOf(f: Filter, y: Scale): [number, number] {
  if (f.codes) {
    const at = f.codes.map((c) => y(c) ?? 0);
    return [Math.min(...at) - 4, Math.max(...at) + 4];
  }
  return [y(f.max ?? 0) ?? TOP, y(f.min ?? 0) ?? BOTTOM];
}
