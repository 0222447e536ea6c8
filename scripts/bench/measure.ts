// Runs one naive baseline case in this process and prints {ms, rssMb} as the last
// line, so the runner gets peak memory of exactly that case (worker threads included).
import { naiveList } from "./naive-list.ts";
import { naiveValidate } from "./naive-validate.ts";

const [what, ...args] = process.argv.slice(2);
const start = performance.now();
if (what === "naive-validate") {
  await naiveValidate(args[0]);
} else if (what === "naive-list") {
  await naiveList(args[0], args[1], args[2], Number(args[3]));
} else {
  throw new Error(`unknown case ${what}`);
}
process.on("exit", () => {
  const ms = performance.now() - start;
  process.stdout.write(`\n${JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
