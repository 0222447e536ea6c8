// A Hugging Face model card (README.md): YAML front matter between `---`
// lines, then Markdown. Only the one YAML module parses the front matter.
// hf/ holds the Hugging Face formats `import hf` reads and `export hf` writes;
// it may import only core/ and yaml/.
import { readFileSync } from "node:fs";
import { DataError, UsageError } from "../core/errors.ts";
import { type ParsedYaml, parseYaml } from "../yaml/yaml.ts";

export interface CardParts {
  /** Everything before the YAML (a BOM and the opening `---` line); empty when the card has no front matter. */
  head: string;
  yaml: string | null;
  /** The closing `---` line and the Markdown body. */
  tail: string;
  /** 1-based line where the YAML starts, so messages point into the card. */
  firstLine: number;
}

const OPEN = /^(\uFEFF?---[ \t]*\r?\n)/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/m;

export function splitCard(text: string): CardParts {
  const open = OPEN.exec(text);
  if (!open) return { head: "", yaml: null, tail: text, firstLine: 1 };
  const rest = text.slice(open[1].length);
  const close = CLOSE.exec(rest);
  if (!close) return { head: "", yaml: null, tail: text, firstLine: 1 };
  return { head: open[1], yaml: rest.slice(0, close.index), tail: rest.slice(close.index), firstLine: 2 };
}

export function readCardText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : (err as Error).message;
    throw new UsageError(
      `cannot read the model card ${file}: ${why}`,
      "E_NO_INPUT",
      "Name the model card's README.md (the file that starts with `---` front matter).",
    );
  }
}

/** The parsed front matter; a card whose YAML is broken is a data error at card:line:col. */
export function parseFrontMatter(file: string, parts: CardParts): ParsedYaml {
  const parsed = parseYaml(parts.yaml ?? "");
  const p = parsed.problems[0];
  if (p && p.code !== "EMPTY") {
    throw new DataError(
      `${file}:${p.line + parts.firstLine - 1}:${p.col}: the card's front matter is not valid YAML: ${p.message}`,
      "E_BAD_SOURCE",
      `${p.hint} Nothing was written.`,
    );
  }
  return parsed;
}
