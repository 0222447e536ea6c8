// Text from a registry is data, never markup: a hostile file must not add
// links, images, HTML or table cells to a job summary (issue #8).

/**
 * For Markdown text (tables included), never at the start of a line: HTML
 * characters as entities, `@` so nobody is mentioned, bare URLs unlinked, and
 * every character that opens inline markup (emphasis, code, links, images,
 * cells, math) escaped.
 */
export function md(text: unknown): string {
  return (
    entities(text)
      // Bare URLs would become links (GFM autolinks): their `:` and `www.` are spelled as references.
      .replace(/:/g, "&#58;")
      .replace(/www\./gi, (w) => `${w.slice(0, 3)}&#46;`)
      .replace(/[\\`*_[\]|~!$]/g, "\\$&")
  );
}

/** For text inside HTML (`<summary>`), where Markdown is not parsed. */
export function html(text: unknown): string {
  return entities(text).replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** One line, with HTML's special characters and `@` as character references. */
function entities(text: unknown): string {
  return String(text)
    .replace(/[\r\n\t]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, "&#64;");
}

/** A code span for text that cannot break out of one (ids, slugs, plain paths); escaped text otherwise. */
export function code(text: string): string {
  return /^[A-Za-z0-9._/:+=-]+$/.test(text) ? `\`${text}\`` : md(text);
}
