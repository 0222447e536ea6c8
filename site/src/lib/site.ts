// The pages' one door to the data: the registry loaded once by
// `modelreg site build|dev` (scripts/lib/site/build.ts) and handed over in
// this process, so Astro never parses YAML its own way. Each page renders the
// props scripts/lib/site/pages/ computes for it; an incremental build hands
// over the files to render and getStaticPaths leaves the others out.
import { type PageEntry, type Route, sitePages } from "../../../scripts/lib/site/pages/index";
import type { SiteData } from "../../../scripts/lib/site/view";

const KEY = Symbol.for("modelreg.site");

interface Handoff {
  data?: SiteData;
  /** Output files to render; every page when absent. */
  render?: Set<string>;
}

function handoff(): Handoff & { data: SiteData } {
  const h = (globalThis as Record<symbol, Handoff | undefined>)[KEY];
  if (!h?.data)
    throw new Error("The site is built by `modelreg site build` (or `npm run build`), which loads the registry first; `astro build` on its own has no data.");
  return h as Handoff & { data: SiteData };
}

export function site(): SiteData {
  return handoff().data;
}

/** getStaticPaths of a route: its pages that this build renders, with their props. */
export function pathsFor<P>(route: Route): Array<{ params: PageEntry["params"]; props: P }> {
  const { data, render } = handoff();
  const out: Array<{ params: PageEntry["params"]; props: P }> = [];
  for (const page of sitePages(data, route)) if (!render || render.has(page.file)) out.push({ params: page.params, props: page.props() as P });
  return out;
}

/**
 * A page's props: those getStaticPaths computed, when building. Under
 * `site dev` Astro keeps getStaticPaths' answer while the registry reloads, so
 * there they are computed again from the data as it is now.
 */
export function currentProps<P>(route: Route, params: PageEntry["params"], props: P): P {
  if (!import.meta.env.DEV) return props;
  const same = (a: PageEntry["params"]) => Object.keys(a).every((k) => (a[k] ?? "") === (params[k] ?? ""));
  for (const page of sitePages(handoff().data, route)) if (same(page.params)) return page.props() as P;
  return props;
}

/** The props of a page without parameters (the home page). */
export function propsOf<P>(route: Route): P {
  return sitePages(handoff().data, route).next().value!.props() as P;
}

/** A URL under the site's base path: `href("projects", slug)` → `/base/projects/slug/`. */
export function href(...segments: string[]): string {
  const path = segments.map((s) => encodeURIComponent(s)).join("/");
  return `${import.meta.env.BASE_URL}${path}${path && !path.endsWith(".json") ? "/" : ""}`;
}

export const modelHref = (project: string, model: string): string => href("projects", project, "models", model);
export const experimentHref = (id: string): string => href("experiments", id);
