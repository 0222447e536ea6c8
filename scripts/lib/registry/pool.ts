// Checks many files on both cores: the main thread starts at once, and one
// worker thread per extra core joins as soon as it has loaded (about half a
// second), taking batches from the same queue. Each worker always has a
// second batch waiting so it never idles while the main thread is busy.

import { availableParallelism } from "node:os";
import { startWorker } from "../core/_threads.ts";
import { defined } from "../core/invariant.ts";
import type { FileRef } from "../schema/types.ts";
import { type CheckedFile, checkBatch } from "./read-and-check.ts";

/** Below this many files a worker would not finish loading before the work is done. */
const PARALLEL_THRESHOLD = 300;
const WORKER_BATCH = 200;
/** Small, so the main thread comes back often to feed the workers. */
const MAIN_BATCH = 25;

export async function checkFiles(root: string, refs: FileRef[], opts: { keepValues?: boolean; workers?: number } = {}): Promise<CheckedFile[]> {
  const keepValues = opts.keepValues ?? false;
  const extra = Math.max(0, (opts.workers ?? availableParallelism()) - 1);
  if (refs.length < PARALLEL_THRESHOLD || extra === 0) return checkBatch({ root, refs, keepValues });

  const results = new Map<number, CheckedFile[]>();
  let next = 0;
  const take = (size: number): [number, FileRef[]] | null => {
    if (next >= refs.length) return null;
    const start = next;
    next = Math.min(refs.length, next + size);
    return [start, refs.slice(start, next)];
  };

  let failure: unknown = null;
  const workers = Array.from({ length: extra }, () => {
    const worker = startWorker(new URL("./check-worker.ts", import.meta.url));
    const inFlight: number[] = [];
    const feed = () => {
      const batch = take(WORKER_BATCH);
      if (!batch) return;
      inFlight.push(batch[0]);
      worker.postMessage({ root, refs: batch[1], keepValues });
    };
    const done = new Promise<void>((resolve) => {
      worker.on("message", (checked: CheckedFile[]) => {
        // Workers answer their batches in the order they were sent.
        results.set(defined(inFlight.shift(), "the batch a worker answered"), checked);
        feed();
        if (inFlight.length === 0) resolve();
      });
      worker.on("error", (err) => {
        failure = err;
        resolve();
      });
    });
    worker.once("online", () => {
      feed();
      feed();
    });
    return { worker, done, idle: () => inFlight.length === 0 };
  });

  try {
    for (let batch = take(MAIN_BATCH); batch; batch = take(MAIN_BATCH)) {
      results.set(batch[0], checkBatch({ root, refs: batch[1], keepValues }));
      // Let worker messages in, so their next batches go out without delay.
      await new Promise<void>((r) => setImmediate(r));
    }
    await Promise.all(workers.map((w) => (w.idle() ? undefined : w.done)));
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
  return [...results.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, checked]) => checked);
}
