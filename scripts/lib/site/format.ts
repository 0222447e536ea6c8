// How values read on the site: numbers to four significant digits (full
// precision in the title; core/format.ts, shared with the report), dates as
// dates, nested values as compact JSON.

export { formatNumber, formatValue, plural } from "../core/format.ts";

/** `2026-02-09 10:35` in the time zone the record was written in. */
export function formatDate(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

export interface TextRun {
  code: boolean;
  text: string;
}

/**
 * Descriptions may hold `inline code`; the site shows it as code and every
 * other character as text. No Markdown, so nothing in a record becomes markup.
 */
export function inlineCode(text: string | undefined): TextRun[] {
  if (!text) return [];
  return text
    .split(/(`[^`\n]+`)/)
    .filter(Boolean)
    .map((part) => (part.length > 2 && part.startsWith("`") && part.endsWith("`") ? { code: true, text: part.slice(1, -1) } : { code: false, text: part }));
}

/** `optimizer.lr` → `["optimizer.", "lr"]`, so nested keys read as a path. */
export function splitKey(key: string): [string, string] {
  const at = key.lastIndexOf(".");
  return at < 0 ? ["", key] : [key.slice(0, at + 1), key.slice(at + 1)];
}
