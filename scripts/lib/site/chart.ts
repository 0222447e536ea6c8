// Chart geometry for the site's SVG charts (issue #6): pure numbers in, paths
// and tick labels out. Pages render it at build time; the compare page's
// script renders the same geometry in the browser. No DOM, no Node here.

export interface Point {
  x: number;
  y: number;
}

export interface Series {
  label: string;
  points: Point[];
  /** `line` joins the points; `dots` marks each one; `step` holds each value until the next. */
  style: "line" | "dots" | "step";
}

interface Tick {
  at: number;
  label: string;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  series: Array<{ label: string; style: Series["style"]; d: string; dots: Point[] }>;
  xTicks: Tick[];
  yTicks: Tick[];
}

/** At most `max` points, evenly spaced, always keeping the first and the last. */
export function downsample<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const out: T[] = [];
  const step = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * step)]);
  return out;
}

/** About `count` round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

function formatTick(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(1);
  return String(Number(v.toPrecision(4)));
}

const dateTick = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const round = (v: number): number => Math.round(v * 10) / 10;

/** Geometry for series on shared axes; `time` labels x as dates (x in ms). */
export function chartGeometry(series: Series[], opts: { width?: number; height?: number; time?: boolean } = {}): ChartGeometry {
  const width = opts.width ?? 640;
  const height = opts.height ?? 220;
  const plot = { left: 56, top: 12, right: width - 12, bottom: height - 28 };
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  let [x0, x1] = all.length ? [Math.min(...all.map((p) => p.x)), Math.max(...all.map((p) => p.x))] : [0, 1];
  let [y0, y1] = all.length ? [Math.min(...all.map((p) => p.y)), Math.max(...all.map((p) => p.y))] : [0, 1];
  if (x1 === x0) [x0, x1] = [x0 - 1, x1 + 1];
  if (y1 === y0) [y0, y1] = [y0 - Math.abs(y0 || 1) * 0.05, y1 + Math.abs(y1 || 1) * 0.05];
  const pad = (y1 - y0) * 0.06;
  [y0, y1] = [y0 - pad, y1 + pad];
  const sx = (x: number) => round(plot.left + ((x - x0) / (x1 - x0)) * (plot.right - plot.left));
  const sy = (y: number) => round(plot.bottom - ((y - y0) / (y1 - y0)) * (plot.bottom - plot.top));
  const xs = opts.time ? niceTimeTicks(x0, x1) : niceTicks(x0, x1);
  return {
    width,
    height,
    plot,
    series: series.map((s) => {
      const pts = s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).map((p) => ({ x: sx(p.x), y: sy(p.y) }));
      return { label: s.label, style: s.style, d: s.style === "dots" ? "" : pathOf(pts, s.style === "step"), dots: s.style === "dots" ? pts : [] };
    }),
    xTicks: xs.map((v) => ({ at: sx(v), label: opts.time ? dateTick(v) : formatTick(v) })),
    yTicks: niceTicks(y0, y1).map((v) => ({ at: sy(v), label: formatTick(v) })),
  };
}

function pathOf(pts: Point[], step: boolean): string {
  let d = "";
  pts.forEach((p, i) => {
    if (i === 0) d = `M${p.x} ${p.y}`;
    else d += step ? `H${p.x}V${p.y}` : `L${p.x} ${p.y}`;
  });
  return d;
}

const DAY = 86_400_000;

/** Ticks on whole days (or whole multiples of days) for a time axis. */
function niceTimeTicks(lo: number, hi: number): number[] {
  const days = (hi - lo) / DAY;
  const step = [1, 2, 7, 14, 30, 61, 91, 182, 365].find((d) => days / d <= 5) ?? Math.ceil(days / 5);
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / DAY) * DAY; v <= hi; v += step * DAY) ticks.push(v);
  return ticks.length ? ticks : [lo];
}
