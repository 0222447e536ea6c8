// Preloaded (`node --import`) into a case that runs a real command, such as
// bin/modelreg.mjs: prints {ms, rssMb} as the last line, as measure.ts does.
const start = performance.now();
process.on("exit", () => {
  process.stdout.write(`\n${JSON.stringify({ ms: performance.now() - start, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
