import { Worker, type WorkerOptions } from "node:worker_threads";

/** Starts a worker thread running a module of scripts/lib, named by its URL (e.g. `new URL("./check-worker.ts", import.meta.url)` in registry/pool.ts). */
export function startWorker(module: URL, options: WorkerOptions = {}): Worker {
  return new Worker(new URL("./_worker-entry.mjs", import.meta.url), { ...options, argv: [module.href] });
}
