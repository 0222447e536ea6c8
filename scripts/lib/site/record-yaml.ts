// An experiment record as the YAML text the site shows (issue #15): the page
// fetches the record from the JSON API and renders it with the registry's own
// serialiser, so the site carries one copy of each record.
import { stringifyYaml } from "../yaml/yaml.ts";

export function recordYaml(data: unknown): string {
  return stringifyYaml(data);
}
