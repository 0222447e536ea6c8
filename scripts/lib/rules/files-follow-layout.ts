import { place } from "../core/layout.ts";
import type { Diagnostic } from "../schema/types.ts";
import type { RegistryRule } from "./types.ts";

export const filesFollowLayout: RegistryRule = {
  id: "files-follow-layout",
  description: "Every file sits where the layout puts it, with valid slugs and a .yaml extension; symlinks are not followed.",
  check({ paths }) {
    const found: Diagnostic[] = [];
    const said = new Set<string>();
    // One report per problem: a badly named directory is named once, not once per file in it.
    const emit = (file: string, severity: Diagnostic["severity"], message: string, hint: string) => {
      if (!said.has(message)) found.push({ rule: this.id, severity, file, line: 1, col: 1, path: "", message, hint });
      said.add(message);
    };
    for (const p of paths) {
      if (p.type === "symlink") {
        emit(
          p.file,
          "error",
          p.inside ? `"${p.file}" is a symbolic link` : `"${p.file}" is a symbolic link that points outside the registry`,
          "Replace the link with the file itself; links are never followed, so what they point to is not part of the registry.",
        );
      } else if (p.type === "other") {
        emit(p.file, "error", `"${p.file}" is not a regular file`, "Remove it from the registry directory.");
      } else {
        const placed = p.placement ?? place(p.file);
        if (!placed.ok && placed.severity !== "ignore") emit(p.file, placed.severity, placed.message, placed.hint);
      }
    }
    return found;
  },
};
