// Every page of the site and the data it renders (issue #15). The Astro pages
// under site/src/pages are views of these props: getStaticPaths asks here for
// its entries, and the build hashes the same props to decide which pages to
// render again. A page that shows something new shows it through its props;
// read it in the props function, never in the .astro file, and the
// incremental build notices when it changes.
import type { SiteData } from "../view.ts";
import { experimentPage } from "./experiment.ts";
import { experimentInputs, leaderboardInputs } from "./inputs.ts";
import { leaderboardPage, leaderboardPages } from "./leaderboard.ts";
import { homePage, projectPage } from "./project.ts";

export type Route = "home" | "static" | "project" | "leaderboard" | "experiment";

export interface PageEntry {
  route: Route;
  /** The output file, from the site's root: `experiments/<id>/index.html`. */
  file: string;
  params: Record<string, string | undefined>;
  /** The page's data; computed when asked, so listing every page holds none of it. */
  props(): unknown;
  /** A cheaper stand-in for the props' hash, from the records' version tokens (inputs.ts); undefined when there are none. */
  inputs?(): string | undefined;
}

/** Pages without data: the same for every registry. */
const STATIC_PAGES = ["404.html", "compare/index.html", "search/index.html"];

export function* sitePages(site: SiteData, only?: Route): Generator<PageEntry> {
  if (!only || only === "home") yield { route: "home", file: "index.html", params: {}, props: () => homePage(site) };
  if (!only || only === "static") for (const file of STATIC_PAGES) yield { route: "static", file, params: {}, props: () => ({}) };
  if (!only || only === "project") {
    for (const p of site.projects) {
      yield { route: "project", file: `projects/${p.record.project}/index.html`, params: { project: p.record.project }, props: () => projectPage(p) };
    }
  }
  if (!only || only === "leaderboard") {
    for (const m of site.models) {
      const [project, model] = [m.project.project, m.record.model];
      for (const { group, page, path } of leaderboardPages(m)) {
        yield {
          route: "leaderboard",
          file: ["projects", project, "models", model, ...path, "index.html"].join("/"),
          params: { project, model, view: path.length ? path.join("/") : undefined },
          props: () => leaderboardPage(site, m, group, page),
          inputs: () => leaderboardInputs(site, m, group, page),
        };
      }
    }
  }
  if (!only || only === "experiment") {
    for (const e of site.experiments.values()) {
      const m = site.modelsByKey.get(`${e.project}/${e.model}`);
      yield {
        route: "experiment",
        file: `experiments/${e.id}/index.html`,
        params: { id: e.id },
        props: () => experimentPage(site, e),
        ...(m ? { inputs: () => experimentInputs(site, m, e) } : {}),
      };
    }
  }
}
