// `modelreg add` against real temporary git repositories (issue #4): code
// provenance without credentials, `--git-branch` leaving the checkout alone,
// and the README's Python example run for real.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  add,
  assertUserError,
  assertValid,
  experimentFiles,
  GIT_ENV,
  git,
  gitRepo,
  MODEL_DIR,
  onlyExperiment,
  REF,
  registryIn,
  scratch,
} from "./_add-fixtures.ts";
import { ROOT, writeTree } from "./_helpers.ts";

const REMOTE = "https://user:token@example.com/acme/repo.git";

describe("add experiment: code provenance", () => {
  test("records repo (credentials stripped), commit, branch and dirty; no secret reaches the file", async () => {
    const code = scratch();
    writeTree(code, { "train.py": "print('train')\n", "notes.txt": "untracked is not dirty\n" });
    git(code, "init", "-q", "-b", "main");
    git(code, "remote", "add", "origin", REMOTE);
    git(code, "add", "train.py");
    git(code, "commit", "-q", "-m", "train");
    git(code, "switch", "-q", "-c", "feature/lr-sweep");
    const head = git(code, "rev-parse", "HEAD");
    const registry = registryIn(scratch());
    // A token in the environment, as CI jobs have, must not reach the file either.
    const env = { GITHUB_TOKEN: "ghp_envsecret123", MODELREG_TOKEN: "envsecret456" };

    const clean = await add(["experiment", REF, "--registry", registry], { cwd: code, env });
    assert.equal(clean.code, 0, clean.stderr);
    const { text, value } = onlyExperiment(registry);
    assert.deepEqual(value.code, { repo: "https://example.com/acme/repo.git", commit: head, branch: "feature/lr-sweep", dirty: false });
    for (const secret of ["token", "user:", "ghp_envsecret123", "envsecret456"]) assert.ok(!text.includes(secret), `the file holds no ${secret}`);
    assert.ok(!clean.stdout.includes("token") && !clean.stderr.includes("token"), "nor does the output");

    writeFileSync(join(code, "train.py"), "print('changed')\n");
    const dirty = await add(["experiment", REF, "--registry", registry, "--code-dir", code, "--json"], { env });
    assert.equal(dirty.code, 0, dirty.stderr);
    assert.deepEqual(JSON.parse(dirty.stdout).record.code, {
      repo: "https://example.com/acme/repo.git",
      commit: head,
      branch: "feature/lr-sweep",
      dirty: true,
    });
    assert.ok(!dirty.stdout.includes("token"));
    await assertValid(registry);
  });

  test("scp-style and ssh remotes keep the conventional git user; a detached HEAD has no branch", async () => {
    const code = scratch();
    const head = gitRepo(code, "git@github.com:acme/repo.git");
    git(code, "checkout", "-q", "--detach");
    const registry = registryIn(scratch());
    const r = await add(["experiment", REF, "--registry", registry, "--code-dir", code, "--dry-run", "--json"]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).record.code, { repo: "git@github.com:acme/repo.git", commit: head, dirty: false });
  });

  test("--code-dir that does not exist is a usage error", async () => {
    const registry = registryIn(scratch());
    assertUserError(await add(["experiment", REF, "--registry", registry, "--code-dir", join(scratch(), "nope")]), 2, "--code-dir");
    assert.deepEqual(experimentFiles(registry), []);
  });
});

/** Everything `--git-branch` must leave alone. */
function checkoutState(repo: string) {
  return {
    head: git(repo, "rev-parse", "HEAD"),
    branch: git(repo, "symbolic-ref", "HEAD"),
    status: git(repo, "status", "--porcelain", "--untracked-files=all"),
    index: readFileSync(join(repo, ".git", "index")).toString("hex"),
    branches: git(repo, "for-each-ref", "--format=%(refname)", "refs/heads"),
  };
}

describe("add --git-branch", () => {
  test("commits exactly the new file on a new branch; working tree, index and HEAD untouched", async () => {
    const repo = scratch();
    const registry = registryIn(repo);
    gitRepo(repo, REMOTE);
    // Work in progress the command must not sweep into its commit or disturb.
    writeTree(repo, {
      "wip.txt": "untracked\n",
      [`registry/${MODEL_DIR}/model.yaml`]: `${readFileSync(join(registry, MODEL_DIR, "model.yaml"), "utf8")}task: image-classification\n`,
    });
    git(repo, "add", "wip.txt");
    const before = checkoutState(repo);

    const r = await add(["experiment", REF, "--metric", "accuracy=0.93", "--version", "2.0.0", "--git-branch", "modelreg/run-42"], { cwd: repo });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(checkoutState(repo), { ...before, branches: `${before.branches}\nrefs/heads/modelreg/run-42`.split("\n").sort().join("\n") });
    assert.deepEqual(experimentFiles(registry), [], "nothing written into the working tree");

    const changed = git(repo, "diff", "--name-status", "HEAD", "modelreg/run-42").split("\n");
    assert.equal(changed.length, 1, changed.join("\n"));
    const [status, path] = changed[0].split("\t");
    assert.equal(status, "A");
    assert.match(path, new RegExp(`^registry/${MODEL_DIR}/experiments/[0-9a-z]{26}\\.yaml$`));
    assert.equal(git(repo, "rev-parse", "modelreg/run-42^"), before.head, "the branch starts at HEAD");
    const committed = git(repo, "show", `modelreg/run-42:${path}`);
    assert.match(committed, /^version: 2\.0\.0$/m);
    assert.ok(!committed.includes("token"));

    assert.ok(r.stdout.includes(path), r.stdout);
    assert.match(r.stdout, /^ {2}git push -u origin modelreg\/run-42$/m);
    assert.match(
      r.stdout,
      /^ {2}gh pr create --head modelreg\/run-42 --title 'Add experiment [0-9a-z]{26} \(version 2\.0\.0\) to animal-image-classification\/resnet50' --body .+$/m,
    );

    // The branch checks out to a valid registry.
    const clone = scratch();
    git(clone, "clone", "-q", "--branch", "modelreg/run-42", repo, "r");
    await assertValid(join(clone, "r", "registry"));

    assertUserError(await add(["experiment", REF, "--git-branch", "modelreg/run-42"], { cwd: repo }), 2, 'the branch "modelreg/run-42" already exists');
    assertUserError(await add(["experiment", REF, "--git-branch", "bad..name"], { cwd: repo }), 2, "not a valid git branch name");
    assert.deepEqual(checkoutState(repo), { ...before, branches: `${before.branches}\nrefs/heads/modelreg/run-42`.split("\n").sort().join("\n") });
  });

  test("refuses when the model is not committed, or the registry is not in git", async () => {
    const repo = scratch();
    writeTree(repo, { "README.md": "x\n" });
    gitRepo(repo);
    const registry = registryIn(repo);
    assertUserError(await add(["experiment", REF, "--git-branch", "run-1"], { cwd: repo }), 1, "is not committed in HEAD");
    assertUserError(await add(["experiment", REF, "--registry", registryIn(scratch()), "--git-branch", "run-1"]), 2, "not in one");
    assert.equal(git(repo, "branch", "--list", "run-1"), "");
    assert.deepEqual(experimentFiles(registry), []);
  });
});

/** The README's example, verbatim: what a training script runs at its end. */
const PYTHON_EXAMPLE = `import subprocess
subprocess.run(["npx", "modelreg", "add", "experiment", "animal-image-classification/resnet50",
                "--params", "params.yaml", "--metrics", "metrics.json", "--train", "data/train.csv", "--test", "data/test.csv"], check=True)
`;

describe("the README's Python example", () => {
  test("runs from a training repo where modelreg is installed", async (t) => {
    try {
      execFileSync("python3", ["--version"]);
    } catch {
      return t.skip("python3 is not installed");
    }
    const repo = scratch();
    registryIn(repo);
    writeTree(repo, {
      "train.py": PYTHON_EXAMPLE,
      "params.yaml": "train:\n  lr: 0.001\n  epochs: 5\n",
      "metrics.json": '{"accuracy": 0.93, "loss": 0.21}',
      "data/train.csv": "x,y\n1,0\n",
      "data/test.csv": "x,y\n2,1\n",
    });
    const head = gitRepo(repo, REMOTE);
    // As `npm install --save-dev modelreg` leaves it; offline so npx can only use this one.
    mkdirSync(join(repo, "node_modules", ".bin"), { recursive: true });
    symlinkSync(ROOT, join(repo, "node_modules", "modelreg"));
    symlinkSync(join("..", "modelreg", "bin", "modelreg.mjs"), join(repo, "node_modules", ".bin", "modelreg"));
    const out = execFileSync("python3", ["train.py"], {
      cwd: repo,
      env: { ...process.env, ...GIT_ENV, npm_config_offline: "true", NO_COLOR: "1" },
      encoding: "utf8",
    });
    const { value } = onlyExperiment(join(repo, "registry"));
    assert.ok(out.includes(`added experiment ${value.id.slice(0, 12)}`), out);
    assert.deepEqual(value.parameters, { train: { lr: 0.001, epochs: 5 } });
    assert.deepEqual(value.evaluations, { accuracy: 0.93, loss: 0.21 });
    assert.deepEqual(Object.keys(value.datasets ?? {}), ["training", "test"]);
    assert.deepEqual(value.code, { repo: "https://example.com/acme/repo.git", commit: head, branch: "main", dirty: false });
    await assertValid(join(repo, "registry"));
  });
});
