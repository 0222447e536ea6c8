#!/usr/bin/env node
// The `modelreg` command: loads tsx so the TypeScript sources run as they are.
// The unregister function is kept so `site build` can drop tsx's loader hooks
// before Astro loads: Astro compiles what it needs itself, and with tsx's hooks
// in place its build takes about twice the memory.
import { register } from "tsx/esm/api";

globalThis[Symbol.for("modelreg.unregisterTsx")] = register();
await import("../scripts/cli.ts");
