// Serving tests (site preview and dev, from this repo or an installed package):
// start the command, wait for the URL it prints, poll a page until it says something.
import { type ChildProcess, spawn } from "node:child_process";

/** Starts `node BIN ARGS` and resolves with the URL it prints, or rejects when it exits or prints none in time. */
export function serveCli(
  bin: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; timeoutMs: number },
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: opts.cwd, env: { ...process.env, NO_COLOR: "1", ...opts.env } });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no URL printed within ${opts.timeoutMs / 1000} s:\n${out}`)), opts.timeoutMs);
    child.stdout.on("data", (d) => {
      out += d;
      const m = /(http:\/\/localhost:\d+\/\S*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    });
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => reject(new Error(`exited ${code} before serving:\n${out}`)));
  });
}

/** Fetches `url` every 300 ms until its body passes `until`; fails with the last body after `ms`. */
export async function poll(url: string, until: (body: string) => boolean, ms = 30_000): Promise<string> {
  const end = Date.now() + ms;
  let body = "";
  while (Date.now() < end) {
    body = await fetch(url).then(
      (r) => r.text(),
      () => "",
    );
    if (until(body)) return body;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} never matched; last body:\n${body.slice(0, 500)}`);
}
