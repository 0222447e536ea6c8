// Training curves from the CSV files training loops already write (issue #4):
// Keras CSVLogger (`epoch,accuracy,loss,val_accuracy,val_loss`, one row per
// epoch), Lightning CSVLogger (`epoch,step,train_loss,val_loss`, where train and
// validation rows leave each other's cells empty) and DVCLive's TSV plots
// (`timestamp<TAB>step<TAB>acc`).
import { readFileSync } from "node:fs";
import { DataError, UsageError } from "../core/errors.ts";
import type { HistoryPoint } from "../schema/types.ts";

/** Columns that place a point rather than being a curve. */
const STEP_COLUMNS = ["step", "epoch"];
const TIMESTAMP_COLUMN = "timestamp";

/** Splits one CSV line; double-quoted cells may hold the delimiter and `""`. */
function cells(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(cell);
      cell = "";
    } else cell += c;
  }
  out.push(cell);
  return out.map((s) => s.trim());
}

function bad(file: string, line: number, message: string, hint: string): DataError {
  return new DataError(`${file}:${line}: ${message}`, "E_BAD_HISTORY", hint);
}

/** Reads one history file into metric name → points, in file order. */
function readHistory(file: string): Record<string, HistoryPoint[]> {
  let text: string;
  try {
    text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : (err as Error).message;
    throw new UsageError(
      `cannot read the --history file ${file}: ${why}`,
      "E_NO_INPUT",
      "Check the path given to --history (it is relative to the current directory).",
    );
  }
  const lines = text.split(/\r?\n/);
  const header = lines[0] ?? "";
  const delimiter = header.includes("\t") && !header.includes(",") ? "\t" : ",";
  const columns = cells(header, delimiter);
  const stepName = STEP_COLUMNS.find((c) => columns.includes(c));
  if (!stepName) {
    throw bad(
      file,
      1,
      `the header (${header.slice(0, 80) || "empty"}) has no \`step\` or \`epoch\` column`,
      "Give a CSV whose first line names the columns, with a `step` or `epoch` column, as the Keras and Lightning CSV loggers write (`epoch,loss,val_loss`).",
    );
  }
  const stepCol = columns.indexOf(stepName);
  const timeCol = columns.indexOf(TIMESTAMP_COLUMN);
  const curves = columns
    .map((name, col) => ({ name, col, points: [] as HistoryPoint[] }))
    .filter(({ name }) => name !== "" && !STEP_COLUMNS.includes(name) && name !== TIMESTAMP_COLUMN);
  // A Map, so a column named `__proto__` stays data (Object.fromEntries defines own keys).
  const history = new Map<string, HistoryPoint[]>(curves.map(({ name, points }) => [name, points]));

  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const row = cells(lines[i], delimiter);
    const present = curves.filter(({ col }) => (row[col] ?? "") !== "");
    if (present.length === 0) continue;
    const stepText = row[stepCol] ?? "";
    const step = Number(stepText);
    if (stepText === "" || !Number.isInteger(step) || step < 0) {
      throw bad(
        file,
        i + 1,
        `the ${stepName} "${stepText}" is not a whole number ≥ 0`,
        `Every row with values needs its ${stepName}; check that the file was written by a CSV logger and not edited.`,
      );
    }
    const time = timeCol >= 0 ? Number(row[timeCol]) : NaN;
    for (const { name, col, points } of present) {
      const value = Number(row[col]);
      if (!Number.isFinite(value)) {
        throw bad(
          file,
          i + 1,
          `the value of "${name}" at ${stepName} ${step} is ${row[col]}, not a finite number`,
          "A NaN or infinite value usually means the run diverged; delete that row (or the column) from a copy of the file, or leave --history out.",
        );
      }
      points.push(Number.isInteger(time) && time >= 0 ? { step, value, timestamp: time } : { step, value });
    }
  }
  return Object.fromEntries([...history].filter(([, points]) => points.length > 0));
}

/** Several history files merged: a curve named in a later file replaces the earlier one. */
export function collectHistory(files: readonly string[]): Record<string, HistoryPoint[]> {
  return Object.fromEntries(files.flatMap((file) => Object.entries(readHistory(file))));
}
