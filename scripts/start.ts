// `npm start`: the main job. Until the site lands (issue #6) it validates the
// sample registry and says so plainly.
import { validateRegistry } from "./lib/validate.ts";
import { formatText } from "./lib/format-diagnostics.ts";

const registry = process.argv[2] ?? "registry";
const result = await validateRegistry({ registry });
process.stdout.write(formatText({ ...result, registry }, process.stdout.isTTY === true && !process.env.NO_COLOR));
process.stdout.write("The site is not built yet: the Astro site arrives with issue #6. Meanwhile `npx modelreg --help` lists the commands.\n");
process.exitCode = result.valid ? 0 : 1;
