// Only for the TypeScript sources (tests import them under tsx; the package
// runs compiled JavaScript and starts its workers directly, see _threads.ts).
// Worker threads do not inherit the parent's module hooks
// (https://github.com/privatenumber/tsx/issues/354), so each one loads tsx
// itself, then the TypeScript module named by startWorker.
import { register } from "tsx/esm/api";

register();
await import(process.argv[2]);
