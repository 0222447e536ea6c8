import { analysisReport, benchAnalysis } from "/work/wt-analysis/scripts/bench/analysis.ts";
const [size, reg] = [Number(process.argv[2]), process.argv[3]];
process.stdout.write(analysisReport(await benchAnalysis(size, reg)));
