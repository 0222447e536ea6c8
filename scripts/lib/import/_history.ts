// Metric curves as importers record them (issue #9): long curves thinned
// evenly so a record stays small, first and last point kept. Shared by the
// MLflow and W&B importers.
import type { HistoryPoint } from "../schema/types.ts";

/** Curves longer than this are thinned evenly (first and last point kept). */
export const MAX_HISTORY_POINTS = 1000;

export function thin(points: HistoryPoint[]): HistoryPoint[] {
  if (points.length <= MAX_HISTORY_POINTS) return points;
  const out: HistoryPoint[] = [];
  for (let i = 0; i < MAX_HISTORY_POINTS; i++) out.push(points[Math.round((i * (points.length - 1)) / (MAX_HISTORY_POINTS - 1))]);
  return out;
}
