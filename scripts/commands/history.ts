import type { Command } from "commander";
import { UsageError } from "../lib/core/errors.ts";
import { parseRef } from "../lib/core/ref.ts";
import { printable } from "../lib/core/table.ts";
import { parseMoment } from "../lib/history/at.ts";
import { type AliasChange, type CommitInfo, describeTargets, experimentHistory, type FieldChange, modelHistory, type Target } from "../lib/history/history.ts";
import { experimentFromRef } from "../lib/registry/experiment-ref.ts";

interface HistoryFlags {
  registry: string;
  alias?: string;
  since?: string;
  until?: string;
  json?: boolean;
}

/** `2026-03-14 09:30 UTC`: dates in one zone, so entries compare at a glance. */
const when = (iso: string) => `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`;

function byLine(c: CommitInfo): string {
  const pr = c.pr !== undefined ? `, PR #${c.pr}` : "";
  const merged = c.mergedBy && c.mergedBy !== c.author ? ` (merged by ${c.mergedBy})` : "";
  return `commit ${c.commit.slice(0, 10)} by ${c.author} <${c.email}>${merged}${pr}${c.revert ? " (a revert)" : ""}`;
}

const commitJson = (c: CommitInfo) => ({
  commit: c.commit,
  date: c.date,
  author: c.author,
  email: c.email,
  mergedBy: c.mergedBy ?? null,
  pr: c.pr ?? null,
  subject: c.subject,
  revert: c.revert,
});

const label = (t: Target | undefined) => (!t ? "(none)" : t.version && t.id ? `${t.version} (${t.id})` : t.id ? t.id : `${t.value} (not in the registry now)`);
const value = (v: unknown) => (v === undefined ? "(none)" : typeof v === "string" ? v : JSON.stringify(v));
const fieldLine = (f: FieldChange) => ("before" in f || "after" in f ? `${f.field}: ${value(f.before)} → ${value(f.after)}` : `${f.field} changed`);

/** A `--since`/`--until` bound in ms; a date alone is the start (since) or end (until) of that day, UTC. */
async function bound(registry: string, text: string | undefined, flag: string, start: boolean): Promise<number | undefined> {
  if (text === undefined) return undefined;
  const m = await parseMoment(registry, /^\d{4}-\d{2}-\d{2}$/.test(text) && start ? `${text}T00:00Z` : text, flag);
  if (m.kind !== "date") throw new UsageError(`${flag} takes a date, not a commit`, "E_BAD_FLAG", `e.g. \`${flag} 2026-03-01\``);
  return m.ms;
}

async function showModel(project: string, model: string, flags: HistoryFlags): Promise<string> {
  const [since, until] = [await bound(flags.registry, flags.since, "--since", true), await bound(flags.registry, flags.until, "--until", false)];
  const changes = (await modelHistory(flags.registry, project, model))
    .filter(
      (c: AliasChange) =>
        (flags.alias === undefined || c.alias === flags.alias) &&
        (since === undefined || Date.parse(c.date) >= since) &&
        (until === undefined || Date.parse(c.date) <= until),
    )
    .reverse();
  const targets = describeTargets(
    flags.registry,
    project,
    model,
    changes.flatMap((c) => [c.from, c.to].filter((v): v is string => v !== undefined)),
  );
  const name = `${project}/${model}`;
  if (flags.json) {
    const side = (v: string | undefined) => (v === undefined ? null : { value: v, version: targets.get(v)?.version ?? null, id: targets.get(v)?.id ?? null });
    return `${JSON.stringify({ model: name, changes: changes.map((c) => ({ alias: c.alias, from: side(c.from), to: side(c.to), ...commitJson(c) })) }, null, 2)}\n`;
  }
  if (changes.length === 0)
    return `${name}: no alias changes${flags.alias ? ` of ${flags.alias}` : ""}${flags.since || flags.until ? " in that period" : ""}\n`;
  const lines = [`${name}: ${changes.length} alias change${changes.length === 1 ? "" : "s"}, newest first`];
  for (const c of changes) {
    const to = c.to === undefined ? "(removed)" : label(targets.get(c.to));
    lines.push("", `${when(c.date)}  ${c.alias}: ${c.from === undefined ? "(none)" : label(targets.get(c.from))} → ${to}`, `  ${byLine(c)}`, `  ${c.subject}`);
  }
  return `${lines.map(printable).join("\n")}\n`;
}

async function showExperiment(ref: string, flags: HistoryFlags): Promise<string> {
  const e = experimentFromRef(flags.registry, ref);
  const events = (await experimentHistory(flags.registry, e)).reverse();
  if (flags.json)
    return `${JSON.stringify({ id: e.id, file: e.file, events: events.map((ev) => ({ kind: ev.kind, from: ev.from ?? null, changes: ev.changes, ...commitJson(ev) })) }, null, 2)}\n`;
  if (events.length === 0) return `${e.id}: no committed history yet (${e.file} is not committed on this branch)\n`;
  const lines = [
    `${e.id} (${e.project}/${e.model}${e.data.version ? `, version ${e.data.version}` : ""}): ${events.length} change${events.length === 1 ? "" : "s"}, newest first`,
  ];
  for (const ev of events) {
    lines.push(
      "",
      `${when(ev.date)}  ${ev.kind}${ev.from ? ` (from ${ev.from})` : ""}`,
      `  ${byLine(ev)}`,
      `  ${ev.subject}`,
      ...ev.changes.map((f) => `  ${fieldLine(f)}`),
    );
  }
  return `${lines.map(printable).join("\n")}\n`;
}

export function register(program: Command): void {
  program
    .command("history <ref>")
    .description("read the registry's git history: project/model → every alias change (who, when, which PR); an experiment → how its record changed")
    .option("--registry <dir>", "the registry directory", "registry")
    .option("--alias <name>", "only changes of this alias (project/model)")
    .option("--since <date>", "only changes on or after this date (UTC)")
    .option("--until <date>", "only changes on or before this date (UTC)")
    .option("--json", "print JSON for tools")
    .action(async (text: string, flags: HistoryFlags) => {
      const ref = parseRef(text);
      if (ref.kind === "project") {
        throw new UsageError(
          `history takes project/model or an experiment, not the project "${ref.project}"`,
          "E_BAD_REF",
          `e.g. \`modelreg history ${ref.project}/MODEL\`.`,
        );
      }
      const out = ref.kind === "model" ? await showModel(ref.project, ref.model, flags) : await showExperiment(text, flags);
      process.stdout.write(out);
    });
}
