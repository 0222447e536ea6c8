// Worker thread for generate.ts: writes one slice of the experiments. It plans
// the registry again from the same options (cheap and deterministic) instead
// of receiving the plan, so only the options cross the thread boundary.
import { parentPort, workerData } from "node:worker_threads";
import { planRegistry } from "./_plan.ts";
import { type Slice, writeExperiments } from "./_write.ts";

const { out, plan, from, to } = workerData as Slice;
parentPort?.postMessage(writeExperiments(out, planRegistry(plan), from, to));
