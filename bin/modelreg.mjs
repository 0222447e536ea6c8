#!/usr/bin/env node
// The `modelreg` command: the compiled CLI (`npm run build:ts` writes dist/;
// `npm install` and `npm pack` run it through the `prepare` script).
await import("../dist/cli.js");
