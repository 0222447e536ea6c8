import { Worker, type WorkerOptions } from "node:worker_threads";

/** Starts a worker thread running a TypeScript module of scripts/lib (e.g. "./check-worker.ts"). */
export function startWorker(module: string, options: WorkerOptions = {}): Worker {
  return new Worker(new URL("./_worker-entry.mjs", import.meta.url), { ...options, argv: [module] });
}
