import { Worker, type WorkerOptions } from "node:worker_threads";

/** Starts a worker thread running a module of scripts/lib, named by its URL (`new URL("./check-worker.ts", import.meta.url)`). */
export function startWorker(module: URL, options: WorkerOptions = {}): Worker {
  return new Worker(new URL("./_worker-entry.mjs", import.meta.url), { ...options, argv: [module.href] });
}
