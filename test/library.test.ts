// The library API (`import … from "modelreg"`, issue #14): what the package's
// `exports` entry offers, pinned so a change to the public surface is deliberate,
// and the README's example run through it.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as api from "../scripts/index.ts";
import { ROOT } from "./_helpers.ts";

test("library: the public API is exactly these names", () => {
  assert.deepEqual(Object.keys(api).sort(), [
    "DataError",
    "ModelregError",
    "UsageError",
    "addExperiment",
    "addModel",
    "addProject",
    "diffExperiments",
    "experimentFromRef",
    "formatReport",
    "listExperimentRows",
    "loadRegistry",
    "promote",
    "updateExperiment",
    "validateRegistry",
  ]);
});

test("library: the README's example validates the sample registry", async () => {
  const { valid, checked, diagnostics } = await api.validateRegistry({ registry: `${ROOT}/registry` });
  assert.equal(valid, true);
  assert.ok(checked > 0);
  assert.deepEqual(diagnostics, []);
});
