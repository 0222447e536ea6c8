// Checks many files on all cores. Batches go to whichever worker is free, so a
// slow batch does not hold the others back; results come back in input order.
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { checkBatch, type CheckedFile } from "./read-and-check.ts";
import type { FileRef } from "./types.ts";

/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 400;
const BATCH = 250;

export async function checkFiles(root: string, refs: FileRef[], opts: { keepValues?: boolean; workers?: number } = {}): Promise<CheckedFile[]> {
  const keepValues = opts.keepValues ?? false;
  const count = Math.min(opts.workers ?? availableParallelism(), Math.ceil(refs.length / BATCH));
  if (refs.length < PARALLEL_THRESHOLD || count < 2) return checkBatch({ root, refs, keepValues });

  const results: CheckedFile[][] = [];
  let next = 0;
  const workers = Array.from({ length: count }, () => new Worker(new URL("./_worker-entry.mjs", import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next * BATCH >= refs.length) return resolve();
              const index = next++;
              worker.once("message", (batch: CheckedFile[]) => {
                results[index] = batch;
                send();
              });
              worker.postMessage({ root, refs: refs.slice(index * BATCH, (index + 1) * BATCH), keepValues });
            };
            worker.once("error", reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}
