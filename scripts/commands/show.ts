import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { DataError, UsageError } from "../lib/core/errors.ts";
import { parseRef } from "../lib/core/ref.ts";
import { experimentAt, setByLine, setByOf } from "../lib/history/history.ts";
import { aliasesOf, showExperiment, showModel, showProject } from "../lib/query/show.ts";
import { experimentFromRef } from "../lib/registry/experiment-ref.ts";
import { readModels, readProjects } from "../lib/registry/read.ts";
import { assertModelExists, listExperiments } from "../lib/registry/refs.ts";
import { withOptions } from "./_options.ts";

export function register(program: Command): void {
  withOptions(
    program
      .command("show <ref>")
      .description("show a project, model or experiment: an id (or unique prefix), project, project/model, or project/model@version|alias"),
    "registry",
    "json",
  )
    .option("--at <date|commit>", "for project/model@alias: the experiment the alias named at that moment (2026-03-12 = the end of that day, UTC; or a commit)")
    .action(async (text: string, flags: { registry: string; at?: string; json?: boolean }) => {
      let ref = parseRef(text);
      // A project slug can look like an id prefix ("data2024"): an existing project wins.
      if (ref.kind === "id" && existsSync(join(flags.registry, ref.prefix, "project.yaml"))) ref = { kind: "project", project: ref.prefix };
      const out = (json: unknown, human: string): void => {
        process.stdout.write(flags.json ? `${JSON.stringify(json, null, 2)}\n` : human);
      };
      if (flags.at !== undefined && ref.kind !== "experiment") {
        throw new UsageError(
          "--at needs a reference to an alias",
          "E_BAD_FLAG",
          "Write `project/model@alias --at DATE`, e.g. `show vision/resnet@production --at 2026-03-12`.",
        );
      }
      if (ref.kind === "project") {
        assertModelExists(flags.registry, ref.project);
        const project = readProjects(flags.registry).rows.find((p) => p.project === ref.project);
        if (!project) throw new DataError(`${ref.project}/project.yaml is not valid`, "E_INVALID", `Run \`modelreg validate\` to see why.`);
        const models = readModels(flags.registry, ref.project).rows;
        return out({ ...project, models: models.map((m) => m.model) }, showProject(project, models));
      }
      if (ref.kind === "model") {
        assertModelExists(flags.registry, ref.project, ref.model);
        const model = readModels(flags.registry, ref.project).rows.find((m) => m.model === ref.model);
        if (!model) throw new DataError(`the model.yaml of ${ref.project}/${ref.model} is not valid`, "E_INVALID", "Run `modelreg validate` to see why.");
        const count = listExperiments(flags.registry, { project: ref.project, model: ref.model }).length;
        return out({ ...model, experiments: count }, showModel(model, count));
      }
      const past = flags.at === undefined ? undefined : await experimentAt(flags.registry, text, flags.at);
      const e = past ?? experimentFromRef(flags.registry, ref);
      const model = readModels(flags.registry, e.project).rows.find((m) => m.model === e.model);
      const aliases = aliasesOf(model, e);
      const json = { project: e.project, model: e.model, id: e.id, file: e.file, aliases, data: e.data };
      if (!past) return out(json, showExperiment(e, aliases));
      out({ ...json, setBy: setByOf(past) }, `${text} at ${past.moment.text} → ${e.id}\n${setByLine(past)}\n\n${showExperiment(e, aliases)}`);
    });
}
