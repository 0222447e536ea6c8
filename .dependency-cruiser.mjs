// The architecture, checked (`npm run lint` runs `depcruise`; issue #13).
// Lower layers never import higher ones; each scripts/lib folder names what it
// may import in LAYERS below, and its main file's header comment says the same.

/**
 * What each folder under scripts/lib may import of ours, besides itself.
 * Ordered bottom-up: core < schema, yaml, cache < domain < rules < registry <
 * validate < write, query < report, site, import, export < commands < cli.
 * `domain` is plain logic over records (diff, leaderboard grouping, metric
 * goals, comparability), low enough for the rules, the writers, the report and
 * the site to share one definition of each domain rule. `rules` holds the
 * checks as pure functions over records and the tree (plus the formatters of
 * the diagnostics they produce); registry/, the one reader, runs them while
 * reading, so the loader and validate report the same problems.
 */
const LAYERS = {
  core: [],
  schema: ["core"],
  yaml: ["core"],
  cache: ["core"],
  git: ["core", "schema"],
  domain: ["core", "schema"],
  rules: ["core", "schema", "domain"],
  inputs: ["core", "schema", "yaml"],
  hf: ["core", "yaml"],
  init: ["core", "schema", "yaml"],
  generate: ["core", "schema", "yaml", "inputs"],
  registry: ["core", "schema", "yaml", "cache", "rules"],
  validate: ["core", "schema", "yaml", "cache", "rules", "registry", "git", "domain"],
  write: ["core", "schema", "yaml", "cache", "rules", "registry", "validate", "git", "inputs", "domain"],
  query: ["core", "schema", "yaml", "cache", "rules", "registry", "validate", "domain"],
  history: ["core", "schema", "yaml", "cache", "rules", "registry", "validate", "git", "inputs", "domain"],
  analysis: ["core", "schema", "yaml", "cache", "rules", "registry", "validate", "git", "inputs", "domain", "query"],
  report: ["core", "schema", "yaml", "cache", "rules", "registry", "validate", "git", "inputs", "domain", "query", "history", "analysis"],
  site: ["core", "schema", "yaml", "cache", "rules", "registry", "validate", "git", "inputs", "domain", "query", "history", "analysis"],
  import: ["core", "schema", "yaml", "cache", "rules", "registry", "validate", "git", "inputs", "hf", "domain", "write", "query"],
  export: ["core", "schema", "yaml", "cache", "rules", "registry", "validate", "git", "inputs", "hf", "domain", "write", "query"],
};

const layerRules = Object.entries(LAYERS).map(([folder, allowed]) => ({
  name: `layer-${folder}`,
  comment: `scripts/lib/${folder}/ may import only ${allowed.length ? allowed.map((f) => `${f}/`).join(", ") : "node and npm packages"} of scripts/lib`,
  severity: "error",
  from: { path: `^scripts/lib/${folder}/` },
  to: { path: "^scripts/lib/", pathNot: `^scripts/lib/(${[folder, ...allowed].join("|")})/` },
}));

/** An npm package only one folder may import: the one module that owns it. */
const ownedPackage = (pkg, owner) => ({
  name: `only-${owner.replace(/\//g, "-")}-imports-${pkg}`,
  comment: `${pkg} is used through scripts/lib/${owner}/ only`,
  severity: "error",
  from: { pathNot: `^scripts/lib/${owner}/` },
  to: { path: `(^|/)node_modules/${pkg}/` },
});

export default {
  forbidden: [
    { name: "no-circular", comment: "modules form no import cycle", severity: "error", from: {}, to: { circular: true } },
    { name: "not-to-unresolvable", comment: "every import resolves", severity: "error", from: {}, to: { couldNotResolve: true } },
    {
      name: "commands-only-from-cli",
      comment: "scripts/commands/ is wired by scripts/cli.ts alone (commands share scripts/commands/_options.ts)",
      severity: "error",
      from: { pathNot: "^scripts/(cli\\.ts$|commands/)" },
      to: { path: "^scripts/commands/" },
    },
    {
      name: "lib-not-to-cli",
      comment: "the library never reaches up into the command layer",
      severity: "error",
      from: { path: "^scripts/lib/" },
      to: { path: "^scripts/(commands/|cli\\.ts$)" },
    },
    {
      name: "report-not-to-site",
      comment: "the PR report and the site share code through domain/, not each other",
      severity: "error",
      from: { path: "^scripts/lib/report/" },
      to: { path: "^scripts/lib/site/" },
    },
    {
      name: "shipped-not-to-test",
      comment: "test/ is not packed; nothing under scripts/, site/ or bin/ may import it",
      severity: "error",
      from: { path: "^(scripts|site|bin)/" },
      to: { path: "^test/" },
    },
    {
      name: "import-root-not-to-sources",
      comment: "the shared import code (scripts/lib/import/*.ts) never imports one source's folder",
      severity: "error",
      from: { path: "^scripts/lib/import/[^/]+$" },
      to: { path: "^scripts/lib/import/[^/]+/" },
    },
    {
      name: "import-sources-apart",
      comment: "one import source never imports another's folder; what they share sits at scripts/lib/import/",
      severity: "error",
      from: { path: "^scripts/lib/import/([^/]+)/" },
      to: { path: "^scripts/lib/import/[^/]+/", pathNot: "^scripts/lib/import/$1/" },
    },
    {
      name: "site-src-is-a-view",
      comment: "the Astro site renders what scripts/lib/site/ gives it (plus shared domain logic, schema types and core)",
      severity: "error",
      from: { path: "^site/src/" },
      to: { path: "^scripts/", pathNot: "^scripts/lib/(site|domain|schema|core)/" },
    },
    ownedPackage("yaml", "yaml"),
    ownedPackage("ajv", "schema"),
    ownedPackage("ajv-formats", "schema"),
    ownedPackage("simple-git", "git"),
    ...layerRules,
  ],
  options: {
    // node_modules may be a symlink (helpers' worktrees share one); report packages by their name there.
    preserveSymlinks: true,
    doNotFollow: { path: "(^|/)node_modules/" },
    exclude: { path: "^test/fixtures/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
