// A worker thread of the validation pool: reads, hashes and checks batches of files.
import { parentPort } from "node:worker_threads";
import { defined } from "../core/invariant.ts";
import { type BatchRequest, checkBatch } from "./read-and-check.ts";

// pool.ts starts this module only as a worker thread, which always has a parent port.
const port = defined(parentPort, "the worker's parent port");
port.on("message", (req: BatchRequest) => {
  port.postMessage(checkBatch(req));
});
