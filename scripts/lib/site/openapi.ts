// The OpenAPI 3.1 document for the static API (issue #6), made from one route
// table so the document and the files written by api.ts cannot drift apart
// unnoticed: test/site-build.test.ts matches every written file to a route
// here and every route to a written file.
import { COMMON_DEFS } from "../core/schema-defs.generated.ts";
import type { Kind } from "../schema/types.ts";
import { API_VERSION, SUMMARY_FIELDS } from "./api.ts";

type Shape = "health" | "item" | "page" | "ids" | "list" | "map";

interface RouteBase {
  path: string;
  summary: string;
  /** The seed's endpoint this answers. */
  seed?: string;
}

/** Every route but the health check serves records of one kind. */
type Route = RouteBase & ({ shape: "health"; kind?: undefined } | { shape: Exclude<Shape, "health">; kind: Kind });

export const API_ROUTES: Route[] = [
  { path: "/health.json", summary: "Counts, build time and source commit", shape: "health" },
  { path: "/projects/all/{page}.json", summary: "All projects, paged", seed: "GET /projects/all", shape: "page", kind: "project" },
  { path: "/projects/id/{project_id}.json", summary: "A project by id", seed: "GET /projects/id/{project_id}", shape: "item", kind: "project" },
  {
    path: "/projects/name.json",
    summary: "Projects by name: a map from each name to the projects that have it",
    seed: "GET /projects/name/{project_name}",
    shape: "map",
    kind: "project",
  },
  { path: "/models/all/{page}.json", summary: "All models, paged", seed: "GET /models/all", shape: "page", kind: "model" },
  { path: "/models/id/{project_id}/{model}.json", summary: "A model by id (`project/model`)", seed: "GET /models/id/{model_id}", shape: "item", kind: "model" },
  {
    path: "/models/project-id/{project_id}.json",
    summary: "The models of a project",
    seed: "GET /models/project-id/{project_id}",
    shape: "list",
    kind: "model",
  },
  {
    path: "/models/name.json",
    summary: "Models by name: a map from each name to the models that have it",
    seed: "GET /models/name/{model_name}",
    shape: "map",
    kind: "model",
  },
  {
    path: "/models/project-name.json",
    summary: "Models by project name: a map from each project name to its models",
    seed: "GET /models/project-name/{project_name}",
    shape: "map",
    kind: "model",
  },
  { path: "/experiments/all/{page}.json", summary: "All experiments, paged", seed: "GET /experiments/all", shape: "page", kind: "experiment" },
  {
    path: "/experiments/id/{experiment_id}.json",
    summary: "An experiment by id",
    seed: "GET /experiments/id/{experiment_id}",
    shape: "item",
    kind: "experiment",
  },
  {
    path: "/experiments/model-version-id/{project_id}/{model}/{version}.json",
    summary: "The experiment that carries a model version",
    seed: "GET /experiments/model-version-id/{model_version_id}",
    shape: "item",
    kind: "experiment",
  },
  {
    path: "/experiments/model-id/{project_id}/{model}/{page}.json",
    summary: "The ids of a model's experiments, newest first, paged",
    seed: "GET /experiments/model-id/{model_id}",
    shape: "ids",
    kind: "experiment",
  },
  {
    path: "/experiments/project-id/{project_id}/{page}.json",
    summary: "The ids of a project's experiments, paged",
    seed: "GET /experiments/project-id/{project_id}",
    shape: "ids",
    kind: "experiment",
  },
];

const PARAMS: Record<string, { description: string; pattern: string }> = {
  page: { description: "Page number, from 1", pattern: "^[1-9][0-9]*$" },
  // The schemas' own patterns (common.schema.json `$defs`).
  project_id: { description: "Project slug", pattern: COMMON_DEFS.slug.pattern },
  model: { description: "Model slug within the project", pattern: COMMON_DEFS.slug.pattern },
  experiment_id: { description: "Experiment id (26-character ULID, lower case)", pattern: COMMON_DEFS.experimentId.pattern },
  version: { description: "Model version label", pattern: COMMON_DEFS.version.pattern },
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function responseSchema(route: Route): object {
  if (route.shape === "health") return ref("Health");
  // All experiments list summaries, a model's and a project's list ids; everything else carries whole records.
  const item =
    route.shape === "ids"
      ? { type: "string", description: "An experiment id: its record is `experiments/id/{experiment_id}.json`" }
      : ref(route.kind === "experiment" && route.shape === "page" ? "ExperimentSummary" : `${route.kind[0].toUpperCase()}${route.kind.slice(1)}Item`);
  if (route.shape === "item") return item;
  if (route.shape === "list") return { type: "array", items: item };
  if (route.shape === "map") return { type: "object", additionalProperties: { type: "array", items: item } };
  return {
    type: "object",
    required: ["total", "page", "pages", "next", "prev", "items"],
    properties: {
      total: { type: "integer", description: "Items across all pages" },
      page: { type: "integer" },
      pages: { type: "integer" },
      next: { type: ["string", "null"], description: "URL of the next page" },
      prev: { type: ["string", "null"], description: "URL of the previous page" },
      items: { type: "array", items: item },
    },
  };
}

function itemSchema(kind: Kind): object {
  return {
    type: "object",
    required: ["kind", "id", "project_id", "file", "data"],
    properties: {
      kind: { const: kind },
      id: { type: "string", description: kind === "model" ? "`project/model`" : kind === "project" ? "The project slug" : "The experiment id" },
      project_id: { type: "string" },
      ...(kind === "experiment" ? { model_id: { type: "string", description: "`project/model`" } } : {}),
      file: { type: "string", description: "The record's file, relative to the registry root" },
      data: { $ref: `schemas/${kind}.schema.json`, description: `The record as its file holds it` },
    },
  };
}

/** The OpenAPI document for a site served under `base`. */
export function openApiDocument(base: string): object {
  const paths: Record<string, object> = {};
  for (const route of API_ROUTES) {
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    paths[route.path] = {
      get: {
        summary: route.summary,
        // Static files anyone may read: no authentication (redocly's security-defined rule asks for it to be said).
        security: [],
        ...(route.seed ? { description: `Answers the model-DB's \`${route.seed}\`.` } : {}),
        operationId: route.path
          .replace(/\.json$/, "")
          .replace(/[{}]/g, "")
          .split(/[/-]/)
          .filter(Boolean)
          .map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w))
          .join(""),
        parameters: names.map((name) => ({
          name,
          in: "path",
          required: true,
          description: PARAMS[name].description,
          schema: { type: "string", pattern: PARAMS[name].pattern },
        })),
        responses: {
          "200": { description: route.summary, content: { "application/json": { schema: responseSchema(route) } } },
          "404": { description: "No such record" },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "modelreg static API",
      version: API_VERSION,
      license: { name: "MIT", identifier: "MIT" },
      description: "Read-only JSON files written when the site is built. Every response is a static file; listings are paged at 500 items or 4 MB.",
    },
    servers: [{ url: `${base}api/${API_VERSION}` }],
    paths,
    components: {
      schemas: {
        Health: {
          type: "object",
          required: ["status", "api", "built", "commit", "counts"],
          properties: {
            status: { const: "ok" },
            api: { const: API_VERSION },
            built: { type: "string", format: "date-time" },
            commit: { type: ["string", "null"], description: "HEAD of the registry repository when the site was built" },
            counts: { type: "object", properties: { projects: { type: "integer" }, models: { type: "integer" }, experiments: { type: "integer" } } },
          },
        },
        ProjectItem: itemSchema("project"),
        ModelItem: itemSchema("model"),
        ExperimentItem: itemSchema("experiment"),
        ExperimentSummary: {
          type: "object",
          required: ["kind", "id", "project_id", "model_id", "file", "url", "data"],
          properties: {
            kind: { const: "experiment" },
            id: { type: "string" },
            project_id: { type: "string" },
            model_id: { type: "string", description: "`project/model`" },
            file: { type: "string" },
            url: { type: "string", description: "The whole record: `experiments/id/{experiment_id}.json`" },
            data: {
              type: "object",
              description: `The record's ${SUMMARY_FIELDS.join(", ")}; parameters, datasets, history, code and environment are in the whole record`,
              properties: Object.fromEntries(SUMMARY_FIELDS.map((k) => [k, { $ref: `schemas/experiment.schema.json#/properties/${k}` }])),
            },
          },
        },
      },
    },
  };
}
