// What the site says about where it came from: the build time, the registry
// repository's commit, and the web URL its "view/edit source" links use. In
// GitHub Actions the repository comes from the environment; elsewhere from
// the `origin` remote, credentials stripped.
import { relative } from "node:path";
import { type RepoFacts, repoFacts } from "../git/facts.ts";
import { stripCredentials } from "../git/provenance.ts";
import { repoWebUrl } from "./links.ts";
import type { SiteMeta } from "./view.ts";

/** The build's time: SOURCE_DATE_EPOCH when set (reproducible-builds.org), so two builds of one commit can be byte-identical. */
function buildTime(epoch: string | undefined): string {
  const seconds = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) : undefined;
  return new Date(seconds !== undefined ? seconds * 1000 : Date.now()).toISOString();
}

export async function siteMeta(root: string, opts: { repoUrl?: string; branch?: string }): Promise<SiteMeta> {
  const facts: RepoFacts = await repoFacts(root).catch(() => ({}));
  const env = process.env;
  const fromActions = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : undefined;
  const remote = facts.remote ? stripCredentials(facts.remote) : undefined;
  return {
    built: buildTime(env.SOURCE_DATE_EPOCH),
    commit: env.GITHUB_SHA ?? facts.commit,
    repoUrl: repoWebUrl(opts.repoUrl) ?? repoWebUrl(fromActions) ?? repoWebUrl(remote),
    branch: opts.branch ?? env.GITHUB_REF_NAME ?? facts.branch ?? "main",
    registryPath: facts.top ? relative(facts.top, root).split("\\").join("/") || "." : "registry",
  };
}
