// Old versions of registry files, read by blob id through one
// `git cat-file --batch` and parsed by the one YAML module (STYLE.md §2).
import { spawn } from "node:child_process";
import { decodeUtf8, parseYaml } from "../yaml/yaml.ts";

/** The contents of the blobs, by id, from one git process. */
export function readBlobs(cwd: string, ids: Iterable<string>): Promise<Map<string, Buffer>> {
  const asked = [...new Set(ids)];
  const out = new Map<string, Buffer>();
  if (asked.length === 0) return Promise.resolve(out);
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => chunks.push(d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`git cat-file failed (${code}): ${stderr.trim()}`));
      const all = Buffer.concat(chunks);
      let at = 0;
      for (const id of asked) {
        const eol = all.indexOf(10, at);
        const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(all.subarray(at, eol).toString("utf8"));
        at = eol + 1;
        if (!m) continue;
        const size = Number(m[3]);
        if (m[2] === "blob") out.set(id, all.subarray(at, at + size));
        at += size + 1;
      }
      resolve(out);
    });
    child.stdin.end(asked.map((id) => `${id}\n`).join(""));
  });
}

/** A blob parsed as a registry record; undefined when it is missing, not UTF-8, not YAML or not a map. */
export function parseBlob(blob: Buffer | undefined): Record<string, unknown> | undefined {
  if (!blob) return undefined;
  const decoded = decodeUtf8(blob);
  if ("problem" in decoded) return undefined;
  const parsed = parseYaml(decoded.text);
  const v = parsed.value;
  return parsed.problems.length === 0 && v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
