// `modelreg export hf <ref>` (issue #9): print an experiment's results as a
// Hugging Face `model-index` block, or write it into a model card.
import type { Command } from "commander";
import { modelIndexFor, writeModelIndex } from "../lib/export/hf.ts";
import { withOptions } from "./_options.ts";

interface HfFlags {
  registry: string;
  write?: string;
  json?: boolean;
}

export function register(program: Command): void {
  const exp = program.command("export").description("export records in other tools' formats");
  withOptions(
    exp.command("hf <ref>").description("an experiment's evaluations as a Hugging Face model-index block: project/model@version|alias|id-prefix, or an id"),
    "registry",
    "json",
  )
    .option("--write <card>", "replace model-index in this model card's front matter (the rest of the card is kept; a card without front matter gets one)")
    .action((ref: string, f: HfFlags) => {
      const out = modelIndexFor(f.registry, ref);
      for (const n of out.notes) process.stderr.write(`note: ${n}\n`);
      if (f.write) {
        const how = writeModelIndex(f.write, out.modelIndex);
        process.stdout.write(`${how} ${f.write}: model-index from experiment ${out.experiment}\n`);
      } else process.stdout.write(f.json ? `${JSON.stringify({ "model-index": out.modelIndex }, null, 2)}\n` : out.text);
    });
}
