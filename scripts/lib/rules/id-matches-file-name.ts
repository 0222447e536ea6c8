import type { FileRule } from "./types.ts";

export const idMatchesFileName: FileRule = {
  id: "id-matches-file-name",
  description: "An experiment's `id` equals its file name without `.yaml`.",
  kinds: ["experiment"],
  check({ ref, value }) {
    const id = (value as { id: string }).id;
    if (id === ref.id) return [];
    return [
      {
        path: ["id"],
        message: `\`id\` is "${id}" but the file is named ${ref.id}.yaml`,
        hint: `Make them agree: set \`id: ${ref.id}\`, or rename the file to ${id}.yaml.`,
      },
    ];
  },
};
