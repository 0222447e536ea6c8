// Values as other tools write them, turned into what our schemas accept — or
// a reason to leave them out. A registry never gets an invalid record: NaN,
// `???`, `NA` and empty metrics are skipped and reported, `15.037146%` is read
// as 15.037146 and the report says so (issue #9).
import { parseYaml } from "../yaml/yaml.ts";

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const NON_FINITE = /^[-+]?(nan|inf|infinity|\.nan|\.inf)$/i;

export type MetricValue = { value: number; note?: string } | { skip: string };

/** A metric value → a finite number, or why it cannot be recorded. */
export function metricValue(raw: unknown): MetricValue {
  if (typeof raw === "number") return Number.isFinite(raw) ? { value: raw } : { skip: `${raw} is not a finite number` };
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return { skip: "the value is empty" };
  if (typeof raw !== "string") return { skip: `${JSON.stringify(raw)} is not a number` };
  const text = raw.trim();
  if (NUMBER.test(text)) return { value: Number(text) };
  if (NON_FINITE.test(text)) return { skip: `${text} is not a finite number` };
  const percent = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/.exec(text);
  if (percent) return { value: Number(percent[1]), note: `"${text}" was read as ${Number(percent[1])} (percentage points, the % sign dropped)` };
  return { skip: `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}" is not a number` };
}

/**
 * A parameter written as text (MLflow stores every parameter as a string)
 * typed so queries can compare it: `0.5`, `1.0` and `1e-05` → numbers, `True`
 * → true, `[224, 224, 3]` → a list. `007`, `1.10` and integers beyond 2^53
 * stay text: as numbers they would read differently.
 */
export function typedParam(text: string): unknown {
  const t = text.trim();
  // Python writes floats shortest-first (`0.1`, `1.0`, `1e-05`); other spellings (`1.10`) are text someone chose.
  if (NUMBER.test(t) && (String(Number(t)) === t || /^[-+]?\d+\.0$/.test(t) || /^[-+]?\d(\.\d+)?e[-+]\d+$/i.test(t)) && Number.isFinite(Number(t)))
    return Number(t);
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  if (/^\[.*\]$|^\{.*\}$/s.test(t) && t.length < 10_000) {
    const parsed = parseYaml(t);
    if (parsed.problems.length === 0) return parsed.value;
  }
  return text;
}

/** Longest metric, history and artifact name the schema takes. */
export const MAX_NAME = 200;
/** Longest tag key the schema takes. */
export const MAX_TAG_KEY = 128;

/** Copies `key: value` without letting `__proto__` touch the prototype. */
export function define<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
