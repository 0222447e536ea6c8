// How a Hugging Face dataset reference (type, config, split) is kept in a
// dataset `uri`, and read back for export: `hf://datasets/<type>` with
// `?config=…&split=…` when they are known. Our dataset fields have `name` and
// `revision` but no config or split, and the uri is what leaderboards group by.
export interface HfDataset {
  type: string;
  config?: string;
  split?: string;
}

const PREFIX = "hf://datasets/";

export function hfDatasetUri(d: HfDataset): string {
  const query = new URLSearchParams();
  if (d.config) query.set("config", d.config);
  if (d.split) query.set("split", d.split);
  const q = query.toString();
  return `${PREFIX}${d.type}${q ? `?${q}` : ""}`;
}

/** The reference a uri holds, or undefined for a uri that is not `hf://datasets/…`. */
export function parseHfDatasetUri(uri: string): HfDataset | undefined {
  if (!uri.startsWith(PREFIX)) return undefined;
  const [type, q = ""] = uri.slice(PREFIX.length).split("?", 2);
  const query = new URLSearchParams(q);
  return { type, config: query.get("config") ?? undefined, split: query.get("split") ?? undefined };
}
