// `modelreg site build|preview|dev` (issue #6): the Astro site for any registry.

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../lib/core/errors.ts";
import { plural } from "../lib/core/format.ts";
import { buildSite, devSite, normalizeBase, previewSite } from "../lib/site/build.ts";
import { sharedOption } from "./_options.ts";

interface SiteFlags {
  registry: string;
  out: string;
  base?: string;
  repoUrl?: string;
  branch?: string;
  port?: string;
  host?: string;
  cache?: boolean;
  cacheDir?: string;
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port "${text}" is not a port number`, "E_BAD_FLAG", "Use a number from 1 to 65535, e.g. `--port 4321`.");
  return port;
}

function options(flags: SiteFlags) {
  if (!existsSync(flags.registry))
    throw new UsageError(
      `the registry directory "${flags.registry}" does not exist`,
      "E_NO_REGISTRY",
      "Pass `--registry DIR`, or run from the repository that holds `registry/`.",
    );
  return {
    registry: flags.registry,
    out: flags.out,
    base: normalizeBase(flags.base),
    repoUrl: flags.repoUrl,
    branch: flags.branch,
    cacheDir: flags.cache === false ? (false as const) : flags.cacheDir,
  };
}

export function register(program: Command): void {
  const site = program.command("site").description("build, preview or live-edit the registry's website");
  const common = (cmd: Command) =>
    cmd
      .addOption(sharedOption("registry"))
      .option("--out <dir>", "where the built site goes", "_site")
      .option("--base <path>", "URL path the site is served under, e.g. /my-repo/ for a GitHub Pages project site", "/")
      .addOption(sharedOption("noCache"))
      .addOption(sharedOption("cacheDir"));
  common(site.command("build"))
    .description("build the static site and its JSON API into --out")
    .option("--repo-url <url>", "web URL of the registry's repository, for view/edit links (default: from GitHub Actions or the origin remote)")
    .option("--branch <name>", "branch the view/edit links point at (default: the current branch)")
    .action(async (flags: SiteFlags) => {
      const r = await buildSite(options(flags));
      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      const how = r.full
        ? `all rendered: ${r.full}`
        : `${r.rendered.toLocaleString("en-US")} rendered, ${(r.pages - r.rendered).toLocaleString("en-US")} reused from the previous build`;
      process.stdout.write(
        `Built ${plural(r.pages, "page")} (${how}) and ${plural(r.dataFiles, "data file")} (API, search; ${r.written.toLocaleString("en-US")} written${r.removed ? `, ${plural(r.removed, "file")} of removed records deleted` : ""}) into ${resolve(flags.out)} in ${s(r.ms)} (loading the registry ${s(r.phases.loadMs)}, finding changes ${s(r.phases.planMs)}, Astro ${s(r.phases.astroMs)}, API and search ${s(r.phases.dataMs)}).\n`,
      );
    });
  common(site.command("preview"))
    .description("serve a site built with `site build`")
    .option("--port <n>", "port to listen on", "4321")
    .option("--host <name>", "interface to listen on", "localhost")
    .action(async (flags: SiteFlags) => {
      if (!existsSync(resolve(flags.out, "index.html")))
        throw new UsageError(`no built site in "${flags.out}"`, "E_NOT_BUILT", "Run `modelreg site build` first (or `npm start`, which builds and serves).");
      const server = await previewSite({ ...options(flags), port: parsePort(flags.port), host: flags.host });
      process.stdout.write(`Serving ${resolve(flags.out)} at ${server.url}  (Ctrl-C to stop)\n`);
      await server.closed();
    });
  common(site.command("dev"))
    .description("live-editing server: pages rebuild when a registry file changes")
    .option("--port <n>", "port to listen on", "4321")
    .action(async (flags: SiteFlags) => {
      const server = await devSite({ ...options(flags), port: parsePort(flags.port) }, (err) => {
        process.stderr.write(err ? `modelreg: ${err.message}\n` : "modelreg: registry reloaded\n");
      });
      process.stdout.write(`Live site at ${server.url}  (Ctrl-C to stop)\n`);
    });
}
