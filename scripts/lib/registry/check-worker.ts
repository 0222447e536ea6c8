// A worker thread of the validation pool: reads, hashes and checks batches of files.
import { parentPort } from "node:worker_threads";
import { type BatchRequest, checkBatch } from "./read-and-check.ts";

parentPort!.on("message", (req: BatchRequest) => {
  parentPort!.postMessage(checkBatch(req));
});
