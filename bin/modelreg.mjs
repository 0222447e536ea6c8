#!/usr/bin/env node
// The `modelreg` command: loads tsx so the TypeScript sources run as they are.
import { register } from "tsx/esm/api";

register();
await import("../scripts/cli.ts");
