// Worker threads do not inherit the parent's module hooks
// (https://github.com/privatenumber/tsx/issues/354), so each one loads tsx
// itself before importing the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./_generate-worker.ts");
