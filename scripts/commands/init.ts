// `modelreg init [DIR]` (issue #8): scaffold a team's registry repository.
import type { Command } from "commander";
import { initRepository } from "../lib/init/init.ts";

export function register(program: Command): void {
  program
    .command("init")
    .description("scaffold a registry repository that uses modelreg: package.json, registry/, GitHub workflows, README, CODEOWNERS")
    .argument("[dir]", "where to create it (made if missing)", ".")
    .action((dir: string) => {
      const r = initRepository(dir);
      const lines = [`Created in ${r.dir}:`, ...r.written.map((f) => `  ${f}`)];
      if (r.addedScripts.length) lines.push(`package.json: added the npm scripts ${r.addedScripts.join(", ")}`);
      if (r.keptScripts.length) lines.push(`package.json: kept your own ${r.keptScripts.join(", ")} (modelreg's README calls them by these names)`);
      const cd = r.dir === "." ? "" : `cd ${r.dir} && `;
      lines.push(
        "",
        "Next:",
        `  ${cd}npm install && git init -b main && git add . && git commit -m "Set up the model registry"`,
        "  push it to GitHub, then Settings → Pages → Source: GitHub Actions,",
        "  and require the `validate` check on main (README.md says how).",
      );
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
