// The pages' one door to the data: the registry loaded once by
// `modelreg site build|dev` (scripts/lib/site/build.ts) and handed over in
// this process, so Astro never parses YAML its own way and every page looks up
// only its own record.
import type { SiteData } from "../../../scripts/lib/site/view.ts";

const KEY = Symbol.for("modelreg.site");

export function site(): SiteData {
  const handoff = (globalThis as Record<symbol, { data?: SiteData } | undefined>)[KEY];
  if (!handoff?.data)
    throw new Error("The site is built by `modelreg site build` (or `npm run build`), which loads the registry first; `astro build` on its own has no data.");
  return handoff.data;
}

/** A URL under the site's base path: `href("projects", slug)` → `/base/projects/slug/`. */
export function href(...segments: string[]): string {
  const path = segments.map((s) => encodeURIComponent(s)).join("/");
  return `${import.meta.env.BASE_URL}${path}${path && !path.endsWith(".json") ? "/" : ""}`;
}

export const modelHref = (project: string, model: string): string => href("projects", project, "models", model);
export const experimentHref = (id: string): string => href("experiments", id);
