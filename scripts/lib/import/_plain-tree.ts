// When an import may skip re-parsing the YAML it rendered (issue #18, import
// speed). Our serialiser (yaml/yaml.ts stringifyRecord) writes a plain JSON-like
// tree as YAML that parses back to an equal value (test/import-fast-check.test.ts
// proves it on tricky values), so checking the value is checking the file. Anything
// outside that proven ground — shared objects (rendered as aliases), non-finite
// numbers, class instances, lone surrogates, byte-order marks, deep nesting, big files — goes the
// slow way, through checkFile on the text.
import { LIMITS } from "../yaml/yaml.ts";

/** Well inside LIMITS.maxDepth, so flow-style history points never reach it. */
const FAST_DEPTH = LIMITS.maxDepth / 2;

/** A lone surrogate (not UTF-8 encodable) or a byte-order mark. */
const UNFAITHFUL = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\ufeff/;

/** A string our rendering keeps as it is: well-formed UTF-16, and no byte-order mark (the parser drops one that starts a plain key). */
function faithfulString(s: string): boolean {
  return !UNFAITHFUL.test(s);
}

function plain(value: unknown, depth: number, seen: Set<object>): boolean {
  if (value === null || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "string") return faithfulString(value);
  if (typeof value !== "object" || depth >= FAST_DEPTH || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !plain(value[i], depth + 1, seen)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(value)) {
    if (!faithfulString(key) || !plain((value as Record<string, unknown>)[key], depth + 1, seen)) return false;
  }
  return Object.getOwnPropertySymbols(value).length === 0;
}

/** True when `text` is our rendering of `value` and the value is inside the ground where rendering round-trips. */
export function renderedFaithfully(value: unknown, text: string): boolean {
  return Buffer.byteLength(text) <= LIMITS.maxBytes && typeof value === "object" && value !== null && plain(value, 0, new Set());
}
