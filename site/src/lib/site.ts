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

/** What getStaticPaths hands each page: its props, made when the page renders. */
export interface LazyProps<P> {
  load(): P;
}

/**
 * getStaticPaths of a route: its pages that this build renders. Astro keeps
 * every entry until the build ends, so each carries a way to make its props,
 * not the props: at 100k pages the props of all of them would not fit in
 * memory beside each other (issue #15).
 */
export function pathsFor<P>(route: Route): Array<{ params: PageEntry["params"]; props: LazyProps<P> }> {
  const { data, render } = handoff();
  const out: Array<{ params: PageEntry["params"]; props: LazyProps<P> }> = [];
  for (const page of sitePages(data, route)) if (!render || render.has(page.file)) out.push({ params: page.params, props: { load: () => page.props() as P } });
  return out;
}

/**
 * A page's props, made now. Under `site dev` Astro keeps getStaticPaths'
 * answer while the registry reloads, so there they are found again in the
 * data as it is now.
 */
export function currentProps<P>(route: Route, params: PageEntry["params"], props: LazyProps<P>): P {
  if (!import.meta.env.DEV) return props.load();
  const same = (a: PageEntry["params"]) => Object.keys(a).every((k) => (a[k] ?? "") === (params[k] ?? ""));
  for (const page of sitePages(handoff().data, route)) if (same(page.params)) return page.props() as P;
  return props.load();
}

/** The props of a page without parameters (the home page). */
export function propsOf<P>(route: Route): P {
  const page = sitePages(handoff().data, route).next().value;
  if (!page) throw new Error(`the site has no ${route} page`);
  return page.props() as P;
}

/** A URL under the site's base path: `href("projects", slug)` → `/base/projects/slug/`. */
export function href(...segments: string[]): string {
  const path = segments.map((s) => encodeURIComponent(s)).join("/");
  return `${import.meta.env.BASE_URL}${path}${path && !path.endsWith(".json") ? "/" : ""}`;
}

export const modelHref = (project: string, model: string): string => href("projects", project, "models", model);
export const experimentHref = (id: string): string => href("experiments", id);
