// The experiment diff, shared by `modelreg diff` and the site's compare page
// (one definition, so both show the same differences): nested parameters
// flattened to dotted keys, section by section.
import type { ExperimentData } from "../schema/types.ts";

export type DiffSection = "attributes" | "parameters" | "datasets" | "evaluations" | "artifacts" | "code" | "environment" | "tags";

export interface DiffRow {
  section: DiffSection;
  key: string;
  /** One value per experiment, undefined where it has none. */
  values: unknown[];
  same: boolean;
}

const SECTIONS: DiffSection[] = ["attributes", "parameters", "datasets", "evaluations", "artifacts", "code", "environment", "tags"];

/** Leaf values of a nested map under dotted keys; lists are leaves. */
export function flatten(value: unknown, prefix = "", out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const key of Object.keys(value)) flatten((value as Record<string, unknown>)[key], prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

function sectionOf(e: ExperimentData, section: DiffSection): Map<string, unknown> {
  if (section === "attributes") {
    return new Map<string, unknown>([
      ["id", e.id],
      ["version", e.version],
      ["created", e.created],
      ["status", e.status],
      ["description", e.description],
    ]);
  }
  return flatten(e[section]);
}

function equal(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

/** Rows for every key any experiment has, in first-seen order within each section. */
export function diffExperiments(experiments: ExperimentData[], opts: { all?: boolean } = {}): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const section of SECTIONS) {
    const maps = experiments.map((e) => sectionOf(e, section));
    const keys = [...new Set(maps.flatMap((m) => [...m.keys()]))];
    for (const key of keys) {
      const values = maps.map((m) => m.get(key));
      if (values.every((v) => v === undefined)) continue;
      const same = values.every((v) => equal(v, values[0]));
      if (opts.all || !same) rows.push({ section, key, values, same });
    }
  }
  return rows;
}
