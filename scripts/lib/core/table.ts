// Plain-text tables and CSV for the read commands: numbers right-aligned,
// columns shrunk to fit the terminal, and no control characters from the data
// ever reach the terminal (a description could carry escape sequences).

export type Cell = string | number | boolean | null | undefined;

/** C0 and C1 control characters and DEL (tabs and newlines are made spaces first). */
const CONTROL = /\p{Cc}/gu;

/** One line of printable text: control characters become `�`, newlines and tabs spaces. */
export function printable(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return String(value)
    .replace(/\r?\n|\t/g, " ")
    .replace(CONTROL, "\ufffd");
}

function width(s: string): number {
  // East Asian wide characters (Hangul, CJK) take two columns in a terminal.
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function truncate(s: string, max: number): string {
  if (width(s) <= max) return s;
  let out = "";
  for (const ch of s) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function formatTable(headers: string[], rows: Cell[][], maxWidth = 0): string {
  const text = rows.map((r) => r.map(printable));
  const numeric = headers.map((_, c) => rows.length > 0 && rows.every((r) => r[c] === undefined || r[c] === null || typeof r[c] === "number"));
  const widths = headers.map((h, c) => Math.max(width(h), ...text.map((r) => width(r[c]))));
  if (maxWidth > 0) {
    // Shrink the widest columns first until the table fits, keeping each at least 8 wide.
    const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
    while (total() > maxWidth) {
      const widest = widths.indexOf(Math.max(...widths));
      if (widths[widest] <= 8) break;
      widths[widest]--;
    }
  }
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => {
        const t = truncate(cell, widths[c]);
        const pad = " ".repeat(Math.max(0, widths[c] - width(t)));
        return numeric[c] ? pad + t : t + pad;
      })
      .join("  ")
      .trimEnd();
  return `${[line(headers), line(widths.map((w) => "─".repeat(w))), ...text.map(line)].join("\n")}\n`;
}

/** RFC 4180 CSV. */
export function formatCsv(headers: string[], rows: Cell[][]): string {
  const quote = (v: Cell) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[headers, ...rows].map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
}
