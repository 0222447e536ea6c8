// The timed part of the bare Astro baseline (issue #6): Astro's build() on the
// project prepare.ts wrote, run by plain Node from the project's root, as
// `astro build` would be. Plain JavaScript on purpose: loading tsx in the same
// process roughly doubles an Astro build's peak RSS, and a bare Astro site has no
// tsx. Astro's defaults apart from quiet logs and caches kept in the project.
// Usage: node build.mjs ROOT OUT DATA; prints {ms, rssMb} as its last line, like scripts/bench/measure.ts.
import { build } from "astro";

const [root, out, data] = process.argv.slice(2);
const start = performance.now();
process.chdir(root);
process.env.ASTRO_TELEMETRY_DISABLED = "1";
process.env.BARE_ASTRO_DATA = data;
let pages = 0;
await build({
  root,
  configFile: false,
  outDir: out,
  cacheDir: `${root}/.astro-cache`,
  logLevel: "warn",
  devToolbar: { enabled: false },
  integrations: [
    {
      name: "bare-astro-count",
      hooks: {
        "astro:build:done": ({ pages: built }) => {
          pages = built.length;
        },
      },
    },
  ],
  vite: { cacheDir: `${root}/.vite-cache`, logLevel: "warn" },
});
process.stdout.write(`Built ${pages.toLocaleString("en")} pages into ${out}.\n`);
process.on("exit", () => {
  process.stdout.write(`\n${JSON.stringify({ ms: performance.now() - start, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
