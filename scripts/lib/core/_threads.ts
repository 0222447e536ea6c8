import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Compiled, this file is `dist/lib/core/_threads.js`, and a worker's module is
 * the `.js` file tsc wrote beside the `.ts` one its caller names. From the
 * TypeScript sources (the tests import them under tsx), it stays `.ts`.
 */
const COMPILED = import.meta.url.endsWith(".js");

/** Starts a worker thread running a module of scripts/lib, named by its URL (e.g. `new URL("./check-worker.ts", import.meta.url)` in registry/pool.ts). */
export function startWorker(module: URL, options: WorkerOptions = {}): Worker {
  if (COMPILED) return new Worker(new URL(module.href.replace(/\.ts$/, ".js")), options);
  return new Worker(new URL("./_worker-entry.mjs", import.meta.url), { ...options, argv: [module.href] });
}
