// Metric goals for the site's pages and browser scripts; defined once in
// domain/metric-goals.ts (issue #13).
export { bestRun, compareByMetric, goalFor, type PrimaryMetric, primaryMetricOf } from "../domain/metric-goals.ts";
