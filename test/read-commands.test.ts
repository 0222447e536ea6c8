// `modelreg show`, `resolve` and `diff` through the real CLI on the sample
// registry (issue #5): every kind of reference, --json shapes, bad references,
// and data that tries to drive the terminal. Expectations come from the
// loader's records, computed here in plain TypeScript.

import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { cacheEnv, present, tempDir, writeTree } from "./_helpers.ts";
import { type Exp, fails, load, ok, SAMPLE } from "./_read-helpers.ts";

const ENV = cacheEnv();
const run = (...args: string[]) => ok([...args, "--registry", SAMPLE], ENV);
const fail = (code: number, ...args: string[]) => fails([...args, "--registry", SAMPLE], code, ENV);

const reg = await load(SAMPLE);
const all = reg.experiments;
const modelOf = (p: string, m: string) => present(reg.models.find((x) => x.project === p && x.model === m));
/** The experiment an alias target (a version or an id) names. */
const target = (p: string, m: string, t: string) => present(all.find((e) => e.project === p && e.model === m && (e.data.version === t || e.id === t)));
const aliasesOf = (e: Exp) =>
  Object.entries(modelOf(e.project, e.model).data.aliases ?? {})
    .filter(([, t]) => target(e.project, e.model, t) === e)
    .map(([a]) => a);
/** The shortest prefix (at least 4 characters) that names only this experiment. */
const uniquePrefix = (e: Exp) => {
  for (let n = 4; ; n++) if (all.filter((x) => x.id.startsWith(e.id.slice(0, n))).length === 1) return e.id.slice(0, n);
};
/** Leaf values of nested data under dotted keys, lists as leaves. */
function leaves(v: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (v && typeof v === "object" && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) leaves(x, prefix ? `${prefix}.${k}` : k, out);
  else if (prefix) out.set(prefix, v);
  return out;
}

const RESNET = modelOf("animal-image-classification", "resnet50");
const PROD = target(RESNET.project, RESNET.model, present(RESNET.data.aliases).production);
// A model with an alias that names an experiment id rather than a version.
const BY_ID = reg.models.flatMap((m) =>
  Object.entries(m.data.aliases ?? {})
    .filter(([, t]) => target(m.project, m.model, t)?.id === t)
    .map(([alias, t]) => ({ m, alias, e: target(m.project, m.model, t) })),
)[0];
const OLDER = all.filter((e) => e.model === "resnet50" && e.data.version && e.id < PROD.id).sort((a, b) => (a.id < b.id ? 1 : -1))[0];

describe("show", { concurrency: 4 }, () => {
  test("show PROJECT: --json has the record and its models; the human view names them", async () => {
    const p = present(reg.projects.find((x) => x.project === "energy-demand-forecast"));
    const models = reg.models
      .filter((m) => m.project === p.project)
      .map((m) => m.model)
      .sort();
    const [json, human] = await Promise.all([run("show", p.project, "--json"), run("show", p.project)]);
    assert.deepEqual(JSON.parse(json), { project: p.project, data: p.data, models });
    assert.equal(human.split("\n")[0], `project ${p.project}  ${p.data.name}`);
    for (const m of models) assert.match(human, new RegExp(`^ {2}${m} `, "m"));
  });

  test("show PROJECT/MODEL: --json has the record and its experiment count; the human view lists aliases", async () => {
    const count = all.filter((e) => e.project === RESNET.project && e.model === RESNET.model).length;
    const [json, human] = await Promise.all([run("show", `${RESNET.project}/${RESNET.model}`, "--json"), run("show", `${RESNET.project}/${RESNET.model}`)]);
    assert.deepEqual(JSON.parse(json), { project: RESNET.project, model: RESNET.model, data: RESNET.data, experiments: count });
    for (const [alias, t] of Object.entries(present(RESNET.data.aliases))) assert.match(human, new RegExp(`^ {2}${alias} +${t.replaceAll(".", "\\.")}$`, "m"));
  });

  test("show ID, a unique prefix, @version and @alias all name the same experiment; --json shape", async () => {
    const expected = { project: PROD.project, model: PROD.model, id: PROD.id, file: PROD.file, aliases: aliasesOf(PROD), data: PROD.data };
    assert.ok(expected.aliases.includes("production"));
    const refs = [PROD.id, uniquePrefix(PROD), `${PROD.project}/${PROD.model}@${PROD.data.version}`, `${PROD.project}/${PROD.model}@production`];
    const outs = await Promise.all(refs.map((ref) => run("show", ref, "--json")));
    for (const [i, out] of outs.entries()) assert.deepEqual(JSON.parse(out), expected, refs[i]);
  });

  test("show ID (human): head with version and aliases, then every parameter, dataset field and metric", async () => {
    const out = await run("show", PROD.id);
    assert.equal(out.split("\n")[0], `experiment ${PROD.id}  ${PROD.project}/${PROD.model}@${PROD.data.version}  [${aliasesOf(PROD).join(", ")}]`);
    for (const [section, data] of [
      ["parameters", PROD.data.parameters],
      ["datasets", PROD.data.datasets],
      ["evaluations", PROD.data.evaluations],
    ] as const) {
      assert.match(out, new RegExp(`^${section}$`, "m"));
      for (const key of leaves(data).keys()) assert.match(out, new RegExp(`^ {2}${key.replaceAll(".", "\\.")} `, "m"), `${section}: ${key}`);
    }
  });

  test("show an alias that names an experiment id lists that alias on the experiment", async () => {
    assert.ok(BY_ID, "the sample has an alias pointing at an id");
    const out = JSON.parse(await run("show", `${BY_ID.m.project}/${BY_ID.m.model}@${BY_ID.alias}`, "--json"));
    assert.equal(out.id, BY_ID.e.id);
    assert.deepEqual(out.aliases, aliasesOf(BY_ID.e));
    assert.ok(out.aliases.includes(BY_ID.alias));
  });
});

describe("resolve", { concurrency: 4 }, () => {
  const ref = `${RESNET.project}/${RESNET.model}@production`;

  test("resolve @production (human): id, version, file and every artifact", async () => {
    const lines = (await run("resolve", ref)).trimEnd().split("\n");
    assert.equal(lines[0], `${ref} → ${PROD.id} (version ${PROD.data.version})`);
    assert.ok(
      lines.includes(`id       ${PROD.id}`) && lines.includes(`version  ${PROD.data.version}`) && lines.includes(`file     ${PROD.file}`),
      lines.join("\n"),
    );
    const artifacts = lines.slice(lines.indexOf("artifacts") + 1).map((l) => l.trim().split(/ +/));
    assert.deepEqual(artifacts, Object.entries(present(PROD.data.artifacts)));
  });

  test("resolve --json: by alias and by version, everything a deployment needs", async () => {
    const [byAlias, byVersion] = await Promise.all([
      run("resolve", ref, "--json"),
      run("resolve", `${RESNET.project}/${RESNET.model}@${OLDER.data.version}`, "--json"),
    ]);
    const d = PROD.data;
    assert.deepEqual(
      JSON.parse(byAlias),
      JSON.parse(
        JSON.stringify({
          ref,
          project: PROD.project,
          model: PROD.model,
          id: PROD.id,
          version: d.version,
          alias: "production",
          via: "alias",
          created: d.created,
          status: d.status,
          file: PROD.file,
          artifacts: d.artifacts,
          datasets: d.datasets,
          code: d.code,
          environment: d.environment,
          evaluations: d.evaluations,
          parameters: d.parameters,
        }),
      ),
    );
    const v = JSON.parse(byVersion);
    assert.deepEqual([v.id, v.version, v.via, v.alias], [OLDER.id, OLDER.data.version, "version", undefined]);
  });

  test("resolve --artifact NAME prints exactly the URI", async () => {
    const [name, uri] = Object.entries(present(PROD.data.artifacts))[1];
    assert.equal(await run("resolve", ref, "--artifact", name), `${uri}\n`);
  });

  test("resolve --artifact with an unknown name: exit 1, did-you-mean and the artifacts there are", async () => {
    const stderr = await fail(1, "resolve", ref, "--artifact", "modle");
    assert.match(stderr, new RegExp(`experiment ${PROD.id} has no artifact "modle"`));
    assert.match(stderr, /Did you mean "model"\?/);
    assert.ok(stderr.includes(`Artifacts: ${Object.keys(present(PROD.data.artifacts)).join(", ")}.`), stderr);
  });

  test("resolve an unset alias: exit 1, naming the alias and listing the aliases that are set", async () => {
    const m = present(reg.models.find((x) => x.data.aliases && !("staging" in x.data.aliases)));
    const stderr = await fail(1, "resolve", `${m.project}/${m.model}@staging`);
    assert.match(stderr, new RegExp(`${m.project}/${m.model} has no version or alias "staging"`));
    assert.ok(stderr.includes(`Aliases: ${Object.keys(present(m.data.aliases)).join(", ")}.`), stderr);
  });

  test("resolve a mistyped alias suggests the alias", async () => {
    assert.match(await fail(1, "resolve", `${RESNET.project}/${RESNET.model}@prod`), /has no version or alias "prod"[\s\S]*Did you mean "production"\?/);
  });
});

describe("diff", { concurrency: 4 }, () => {
  const [a, b] = [OLDER, PROD];
  const sections = ["parameters", "datasets", "evaluations"] as const;
  /** Expected rows of one section: key → [value a, value b], JSON-style (null for missing). */
  const rowsOf = (section: (typeof sections)[number]) => {
    const [la, lb] = [leaves(a.data[section]), leaves(b.data[section])];
    return new Map([...new Set([...la.keys(), ...lb.keys()])].map((k) => [k, [la.get(k) ?? null, lb.get(k) ?? null]]));
  };
  const differs = ([x, y]: unknown[]) => JSON.stringify(x) !== JSON.stringify(y);
  type Row = { section: string; key: string; values: unknown[]; same: boolean };

  test("diff --json: only the differing keys, with both values", async () => {
    const out = JSON.parse(await run("diff", a.id, `${b.project}/${b.model}@production`, "--json")) as { experiments: string[]; rows: Row[] };
    assert.deepEqual(out.experiments, [a.id, b.id]);
    assert.ok(out.rows.every((r) => !r.same));
    for (const s of sections) {
      const expected = [...rowsOf(s)].filter(([, v]) => differs(v));
      assert.ok(expected.length > 0, `${s} differ`);
      assert.deepEqual(
        out.rows
          .filter((r) => r.section === s)
          .map((r) => [r.key, r.values])
          .sort(),
        expected.sort(),
        s,
      );
    }
  });

  test("diff --all --json: equal keys too, marked same", async () => {
    const out = JSON.parse(await run("diff", a.id, b.id, "--all", "--json")) as { rows: Row[] };
    for (const s of sections) {
      const expected = [...rowsOf(s)].map(([k, v]) => [k, v, !differs(v)]);
      if (s !== "evaluations")
        assert.ok(
          expected.some(([, , same]) => same),
          `${s} has equal keys`,
        );
      assert.deepEqual(
        out.rows
          .filter((r) => r.section === s)
          .map((r) => [r.key, r.values, r.same])
          .sort(),
        expected.sort(),
        s,
      );
    }
  });

  test("diff (human): ≠ rows only; --all adds the equal ones; an experiment against itself", async () => {
    const [equal] = present([...rowsOf("parameters")].find(([, v]) => !differs(v)));
    const [changed] = present([...rowsOf("parameters")].find(([, v]) => differs(v)));
    const [some, every, self] = await Promise.all([run("diff", a.id, b.id), run("diff", a.id, b.id, "--all"), run("diff", a.id, uniquePrefix(a))]);
    assert.match(some, new RegExp(`^≠  parameters\\.${changed.replaceAll(".", "\\.")} `, "m"));
    assert.doesNotMatch(some, new RegExp(`parameters\\.${equal.replaceAll(".", "\\.")} `));
    assert.match(every, new RegExp(`^ {3}parameters\\.${equal.replaceAll(".", "\\.")} `, "m"));
    assert.equal(self, `${a.id} and ${a.id} have the same parameters, datasets and metrics\n`);
  });
});

describe("bad references exit non-zero with a pointed message", { concurrency: 4 }, () => {
  // A malformed reference is exit 1, as the issue asks of bad refs; the message says what is wrong with it.
  const MALFORMED: Array<[string, string]> = [
    ["a/b/c", "it has more than one `/`"],
    ["A/B", '"A" is not a slug'],
    ["x@", "a version or alias needs `project/model@…`"],
    ["../etc", '".." is not a slug'],
    ["p/m@", '"" is not a version, alias or id'],
    ["p/m@1@2", "it has more than one `@`"],
  ];
  for (const [ref, why] of MALFORMED) {
    test(`malformed: show ${ref}`, async () => {
      const stderr = await fail(1, "show", ref);
      assert.ok(stderr.startsWith(`modelreg: "${ref}" is not a reference: ${why}`), stderr);
      assert.match(stderr, /hint: Write an experiment id/);
    });
  }

  test("resolve and diff parse references the same way", async () => {
    const [resolve, diff] = await Promise.all([fail(1, "resolve", "../etc"), fail(1, "diff", PROD.id, "a/b/c")]);
    assert.match(resolve, /"\.\.\/etc" is not a reference: "\.\." is not a slug/);
    assert.match(diff, /"a\/b\/c" is not a reference: it has more than one `\/`/);
  });

  test("an ambiguous id prefix: exit 1, listing every candidate with its model", async () => {
    const prefix = present(
      [...new Set(all.map((e) => e.id.slice(0, 4)))]
        .map((p) => [p, all.filter((e) => e.id.startsWith(p))] as const)
        .find(([, hits]) => hits.length > 1 && hits.length <= 8),
    );
    const stderr = await fail(1, "show", prefix[0]);
    assert.match(stderr, new RegExp(`the id prefix "${prefix[0]}" matches ${prefix[1].length} experiments`));
    for (const e of prefix[1]) assert.ok(stderr.includes(`${e.id} (${e.project}/${e.model})`), `${e.id} in\n${stderr}`);
  });

  test("an unknown id, project, model or version: exit 1, with did-you-mean where there is one", async () => {
    const unknown = present(["7zzzzzzz", "7zzz", "7zzzz1"].find((p) => !all.some((e) => e.id.startsWith(p))));
    const [id, project, model, version, notExperiment] = await Promise.all([
      fail(1, "show", unknown),
      fail(1, "show", "animal-image-clasification"),
      fail(1, "diff", PROD.id, "animal-image-classification/resnet5@production"),
      fail(1, "resolve", `${RESNET.project}/${RESNET.model}@9.9.9`),
      fail(1, "resolve", RESNET.project),
    ]);
    assert.match(id, new RegExp(`no experiment id starts with "${unknown}"`));
    assert.match(project, /there is no project "animal-image-clasification"[\s\S]*Did you mean "animal-image-classification"\?/);
    assert.match(model, /project "animal-image-classification" has no model "resnet5"[\s\S]*Did you mean "resnet50"\?/);
    assert.match(version, /has no version or alias "9\.9\.9"/);
    assert.match(notExperiment, /"animal-image-classification" names a project, not an experiment/);
  });
});

describe("data that tries to drive the terminal is shown inert", { concurrency: 4 }, () => {
  const ESC = "\u001b";
  const CSI = "\u009b";
  const dir = tempDir();
  const registry = join(dir, "registry");
  cpSync(SAMPLE, registry, { recursive: true });
  const xgb = modelOf("energy-demand-forecast", "xgboost");
  const victim = target(xgb.project, xgb.model, present(xgb.data.aliases).staging);
  const other = present(all.find((e) => e.model === "xgboost" && e !== victim));
  const description = `${ESC}[31mred${ESC}[0m <script>alert(1)</script> ${CSI}2J`;
  const edit = (file: string, from: RegExp, to: string) => {
    const text = readFileSync(join(registry, file), "utf8");
    assert.match(text, from);
    writeFileSync(join(registry, file), text.replace(from, to));
  };
  // YAML double-quoted escapes: \e is ESC, \a BEL, \u009b the one-byte CSI.
  edit(victim.file, /^description: .*$/m, 'description: "\\e[31mred\\e[0m <script>alert(1)</script> \\u009b2J"');
  edit(victim.file, /^ {2}team: .*$/m, '  team: "\\e]0;pwned\\a<b>team</b>"');
  edit(victim.file, /^artifacts:\n/m, 'artifacts:\n  "\\e[2Jwipe": s3://bucket/wipe\n');
  edit("energy-demand-forecast/project.yaml", /^name: .*$/m, 'name: "\\e[1mEnergy\\e[0m <i>demand</i>"');
  const env = cacheEnv();
  const run = (...args: string[]) => ok([...args, "--registry", registry], env);
  const inert = (out: string, what: string) => {
    assert.ok(!out.includes(ESC) && !out.includes(CSI) && !out.includes("\u0007"), `${what} printed a raw control character:\n${JSON.stringify(out)}`);
  };

  test("the edited registry is valid", async () => {
    assert.equal(present((await load(registry)).experiments.find((e) => e.id === victim.id)).data.description, description);
  });

  test("list experiments and list projects tables: no escape bytes; the HTML is plain text", async () => {
    const [experiments, projects] = await Promise.all([
      run("list", "experiments", "--model", `${xgb.project}/${xgb.model}`, "--columns", "attributes.id,attributes.description,tags.team"),
      run("list", "projects"),
    ]);
    inert(experiments, "list experiments");
    inert(projects, "list projects");
    assert.ok(experiments.includes("<script>alert(1)</script>") && experiments.includes("<b>team</b>"), experiments);
    assert.ok(projects.includes("<i>demand</i>"), projects);
  });

  test("show, resolve and diff (human): no escape bytes", async () => {
    const outs = await Promise.all([
      run("show", victim.id),
      run("show", xgb.project),
      run("resolve", `${xgb.project}/${xgb.model}@staging`),
      run("diff", victim.id, other.id),
    ]);
    for (const [i, out] of outs.entries()) inert(out, ["show", "show project", "resolve", "diff"][i]);
    assert.ok(outs[0].includes("<script>alert(1)</script>"));
    assert.match(outs[2], /wipe +s3:\/\/bucket\/wipe/);
  });

  test("--json keeps the data exactly, with ESC and BEL escaped", async () => {
    const out = await run("show", victim.id, "--json");
    assert.ok(!out.includes(ESC) && !out.includes("\u0007"), out);
    assert.equal(JSON.parse(out).data.description, description);
  });

  test("an error hint that lists artifact names has no escape bytes", async () => {
    inert(await fails(["resolve", `${xgb.project}/${xgb.model}@staging`, "--artifact", "nope", "--registry", registry], 1, env), "resolve --artifact hint");
  });
});

describe("references that look like something else", () => {
  test("a project whose slug could be an id prefix can be shown", async () => {
    const dir = tempDir();
    writeTree(dir, {
      "registry/data2024/project.yaml": readFileSync(join(SAMPLE, "energy-demand-forecast", "project.yaml"), "utf8").replace(/^name: .*$/m, "name: Data 2024"),
    });
    const out = await ok(["show", "data2024", "--registry", join(dir, "registry"), "--json"], cacheEnv());
    assert.equal(JSON.parse(out).project, "data2024");
  });
});
