// Worker thread for generate.ts: writes one slice of the experiments. It plans
// the registry again from the same options (cheap and deterministic) instead
// of receiving the plan, so nothing large crosses the thread boundary.
import { parentPort, workerData } from "node:worker_threads";
import { planRegistry, writeExperiments, type GenerateOptions } from "./generate.ts";

const { opts, from, to } = workerData as { opts: GenerateOptions; from: number; to: number };
parentPort?.postMessage(writeExperiments(opts.out, planRegistry(opts), from, to));
