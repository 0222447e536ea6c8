// The whole registry's log (registryHistory, the site's one history pass;
// issue #16) reads every commit with `git log --relative` rather than a
// pathspec (scripts/lib/history/git-log.ts). These are the cases where the
// two could differ: a commit that touches only code beside the registry, a
// run moved into the registry from outside it (created, not moved), a run
// moved out of it (deleted), and a project named like the registry's folder.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { renameSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { registryHistory } from "../scripts/lib/history/history.ts";
import { tempDir, writeTree } from "./_helpers.ts";

const RUN_A = "01jgxb8mx04z2cpr5sz7pt5va0";
const RUN_B = "01jgxb8mx04z2cpr5sz7pt5vb0";
const run = (id: string, accuracy: number) => `id: ${id}\ncreated: 2026-01-05T09:00:00Z\nevaluations:\n  accuracy: ${accuracy}\n`;

test("registry log: code-only commits left out, a run moved in is created, one moved out deleted, a project named `registry` keeps its path", async () => {
  const dir = tempDir("modelreg-registry-log-");
  let day = 0;
  const commit = (message: string) => {
    const at = `2026-01-0${++day}T09:00:00Z`;
    const who = { GIT_AUTHOR_NAME: "Alice", GIT_AUTHOR_EMAIL: "alice@example.com", GIT_COMMITTER_NAME: "Alice", GIT_COMMITTER_EMAIL: "alice@example.com" };
    execFileSync("git", ["add", "-A"], { cwd: dir });
    execFileSync("git", ["commit", "-qm", message], { cwd: dir, env: { ...process.env, ...who, GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at } });
  };
  const models = "registry/registry/models/resnet";
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
  writeTree(dir, {
    "registry/registry/project.yaml": "name: Registry\n",
    [`${models}/model.yaml`]: "name: ResNet\naliases:\n  production: 1.0.0\n",
    [`${models}/experiments/${RUN_A}.yaml`]: run(RUN_A, 0.9),
    [`incoming/${RUN_B}.yaml`]: run(RUN_B, 0.8),
  });
  commit("Registry, and a run waiting outside it");
  writeTree(dir, { "src/train.py": "EPOCHS = 10\n" });
  commit("Code only");
  renameSync(join(dir, `incoming/${RUN_B}.yaml`), join(dir, `${models}/experiments/${RUN_B}.yaml`));
  commit("Move a run into the registry");
  renameSync(join(dir, `${models}/experiments/${RUN_A}.yaml`), join(dir, `attic-${RUN_A}.yaml`));
  commit("Move a run out of the registry");

  const h = await registryHistory(join(dir, "registry"));
  const kinds = (id: string) => h.experiments.get(id)?.map((e) => `${e.kind}: ${e.subject}`);
  assert.deepEqual(kinds(RUN_A), ["created: Registry, and a run waiting outside it", "deleted: Move a run out of the registry"]);
  assert.deepEqual(kinds(RUN_B), ["created: Move a run into the registry"]);
  assert.deepEqual(
    h.models.get("registry/resnet")?.map((c) => [c.alias, c.to, c.subject]),
    [["production", "1.0.0", "Registry, and a run waiting outside it"]],
  );
  const subjects = new Set([...h.experiments.values(), ...h.models.values()].flat().map((e) => e.subject));
  assert.equal(subjects.has("Code only"), false);
});
