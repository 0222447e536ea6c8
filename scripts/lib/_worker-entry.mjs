// Worker threads do not inherit the parent's module hooks, so each one loads
// tsx itself before importing the TypeScript worker (a no-op when execArgv
// already carries tsx).
import { register } from "tsx/esm/api";

register();
await import("./check-worker.ts");
