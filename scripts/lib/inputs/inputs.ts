// What training code hands to `add` and `update` (issue #4): parameter and
// metric files in the shapes DVC, Hydra, argparse dumps and plain scripts write,
// and `key=value` flags. JSON is read as YAML 1.2 through the one YAML module,
// which also lets Python's `json.dump` output with bare `NaN` through to a
// clear "not finite" message instead of a JSON syntax error.
import { readFileSync } from "node:fs";
import { DataError, UsageError } from "../core/errors.ts";
import { parseYaml } from "../yaml/yaml.ts";

type Tree = Record<string, unknown>;

function isMap(v: unknown): v is Tree {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Reads a JSON or YAML file; a missing file is a usage error, a broken one a data error at file:line:col. */
function readDataFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : (err as Error).message;
    throw new UsageError(
      `cannot read the ${what} file ${file}: ${why}`,
      "E_NO_INPUT",
      `Check the path given to the ${what} flag (it is relative to the current directory).`,
    );
  }
  const parsed = parseYaml(text);
  const p = parsed.problems[0];
  if (p) throw new DataError(`${file}:${p.line}:${p.col}: the ${what} file is not valid JSON or YAML: ${p.message}`, "E_BAD_INPUT", p.hint);
  return parsed.value;
}

/**
 * Overlays `b` on `a`: maps merge key by key, anything else in `b` replaces.
 * Own-property writes only, so `__proto__` in a config file stays plain data.
 */
function deepMerge(a: Tree, b: Tree): Tree {
  const out: Tree = {};
  for (const [k, v] of Object.entries(a)) define(out, k, v);
  for (const [k, v] of Object.entries(b)) {
    const prev = Object.hasOwn(out, k) ? out[k] : undefined;
    define(out, k, isMap(prev) && isMap(v) ? deepMerge(prev, v) : v);
  }
  return out;
}

function define(obj: Tree, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Splits `key=value` at the first `=`; the key must not be empty. */
function splitAssignment(flag: string, text: string, example: string): [string, string] {
  const at = text.indexOf("=");
  if (at <= 0) {
    throw new UsageError(`${flag} "${text}" is not of the form name=value`, "E_BAD_FLAG", `Write it as \`${flag} ${example}\`.`);
  }
  return [text.slice(0, at).trim(), text.slice(at + 1)];
}

/**
 * Types a flag value as a YAML scalar (`0.001` → number, `true` → boolean,
 * `"1.10"` stays a string) or a flow list/map (`[224,224,3]`). Text that
 * would parse as a block map or list, like `a: b`, is kept as typed.
 */
function yamlScalar(flag: string, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === "~" || trimmed === "null") return null;
  const parsed = parseYaml(trimmed);
  const flow = /^[[{"']/.test(trimmed);
  if (parsed.problems.length > 0) {
    if (!flow) return text;
    throw new UsageError(
      `${flag} value ${trimmed} is not valid YAML: ${parsed.problems[0].message}`,
      "E_BAD_FLAG",
      "Quote the whole assignment for the shell, e.g. `--param 'size=[224, 224, 3]'` or `--param 'name=\"a b\"'`.",
    );
  }
  // Only flow collections are meant as structure: `- a` or `a: b` typed on a command line is text.
  return typeof parsed.value === "object" && parsed.value !== null && !flow ? text : parsed.value;
}

/** Sets `a.b.c` in a nested map, creating maps on the way and replacing non-maps (later flags win). */
function setPath(tree: Tree, dotted: string, value: unknown, flag: string): Tree {
  const keys = dotted.split(".");
  if (keys.some((k) => k === "")) {
    throw new UsageError(`${flag} key "${dotted}" has an empty part`, "E_BAD_FLAG", "Separate nested keys with single dots, e.g. `optimizer.lr=0.001`.");
  }
  const patch: Tree = {};
  let node = patch;
  for (const k of keys.slice(0, -1)) {
    const child: Tree = {};
    define(node, k, child);
    node = child;
  }
  define(node, keys[keys.length - 1], value);
  return deepMerge(tree, patch);
}

/** `--params` files (later files win) then `--param` flags, as one nested map. */
export function collectParameters(files: readonly string[], assignments: readonly string[]): Tree {
  let params: Tree = {};
  for (const file of files) {
    const value = readDataFile(file, "--params");
    if (!isMap(value)) {
      throw new DataError(
        `the --params file ${file} holds ${Array.isArray(value) ? "a list" : `a single value (${String(value)})`}, not a map of parameters`,
        "E_BAD_INPUT",
        "Parameter files are maps at the top, as DVC params.yaml, Hydra configs and `json.dump(vars(args), f)` write them.",
      );
    }
    params = deepMerge(params, value);
  }
  for (const a of assignments) {
    const [key, raw] = splitAssignment("--param", a, "optimizer.lr=0.001");
    params = setPath(params, key, yamlScalar("--param", raw), "--param");
  }
  return params;
}

const NON_FINITE = /^[-+]?(nan|inf|infinity|\.nan|\.inf)$/i;

function notFinite(where: string, key: string, shown: string): DataError {
  return new DataError(
    `${where}: the metric "${key}" is ${shown}; only finite numbers can be recorded`,
    "E_NOT_FINITE",
    "A NaN or infinite metric usually means the run diverged: fix the run, or leave the metric out (it can be added later with `modelreg update experiment`).",
  );
}

/** Nested metric maps flattened to dotted names (`{test: {f1: 0.9}}` → `test.f1`), finite numbers only. */
function flattenMetrics(value: unknown, file: string): Record<string, number> {
  if (!isMap(value)) {
    throw new DataError(
      `the --metrics file ${file} does not hold a map of metric names to numbers`,
      "E_BAD_INPUT",
      'Write it as `{"accuracy": 0.93, "loss": 0.21}` (JSON) or `accuracy: 0.93` lines (YAML).',
    );
  }
  const out: Record<string, number> = {};
  const walk = (node: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(node)) {
      const key = prefix + k;
      if (isMap(v)) walk(v, `${key}.`);
      else if (typeof v === "number" && Number.isFinite(v)) define(out, key, v);
      else if (typeof v === "number" || (typeof v === "string" && NON_FINITE.test(v.trim()))) throw notFinite(file, key, String(v));
      else {
        throw new DataError(
          `${file}: the metric "${key}" is ${JSON.stringify(v)}, not a number`,
          "E_BAD_INPUT",
          "Evaluations are numbers. Record text as a tag (`--tag`) or a parameter (`--param`), and remove it from the metrics file or pass the numbers with `--metric name=value`.",
        );
      }
    }
  };
  walk(value, "");
  return out;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** `--metric name=value`: the value must be a finite number as written. */
function parseMetric(text: string): [string, number] {
  const [name, raw] = splitAssignment("--metric", text, "accuracy=0.93");
  const v = raw.trim();
  if (NON_FINITE.test(v)) throw notFinite("--metric", name, v);
  if (!NUMBER.test(v)) {
    throw new UsageError(`--metric ${name}=${raw}: "${raw}" is not a number`, "E_BAD_FLAG", `Give a finite number, e.g. \`--metric ${name}=0.93\`.`);
  }
  return [name, Number(v)];
}

/** `--metrics` files (later win) then `--metric` flags. */
export function collectMetrics(files: readonly string[], assignments: readonly string[]): Record<string, number> {
  let metrics: Record<string, number> = {};
  for (const file of files) metrics = { ...metrics, ...flattenMetrics(readDataFile(file, "--metrics"), file) };
  for (const a of assignments) {
    const [name, value] = parseMetric(a);
    define(metrics, name, value);
  }
  return metrics;
}

/** `name=value` flags (`--artifact`, `--tag`) as a map of strings; later flags win. */
export function collectPairs(flag: string, assignments: readonly string[], example: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of assignments) {
    const [k, v] = splitAssignment(flag, a, example);
    define(out, k, v);
  }
  return out;
}
