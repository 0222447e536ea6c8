// Leaderboard behaviour: column headers sort the rows (numbers as numbers,
// missing values last), and the compare button counts the ticked runs.
import { wireCompareForm } from "./compare-form";

function cellValue(row: HTMLTableRowElement, col: number): string | undefined {
  // Cells carry their sort key in data-v only where it differs from their text.
  const cell = row.cells[col];
  const v = cell?.dataset.v ?? cell?.textContent?.trim();
  return v === undefined || v === "" ? undefined : v;
}

function sortTable(table: HTMLTableElement, col: number, th: HTMLTableCellElement): void {
  const ascending = th.getAttribute("aria-sort") !== "ascending";
  const numeric =
    th.dataset.type === "number" ||
    (th.dataset.type === "auto" && [...table.tBodies[0].rows].every((r) => cellValue(r, col) === undefined || !Number.isNaN(Number(cellValue(r, col)))));
  const rows = [...table.tBodies[0].rows];
  rows.sort((a, b) => {
    const x = cellValue(a, col);
    const y = cellValue(b, col);
    if (x === undefined || y === undefined) return x === undefined ? (y === undefined ? 0 : 1) : -1;
    const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, { numeric: true });
    return ascending ? order : -order;
  });
  table.tBodies[0].append(...rows);
  for (const other of table.tHead?.rows[0].cells ?? []) other.removeAttribute("aria-sort");
  th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
}

for (const table of document.querySelectorAll<HTMLTableElement>("table[data-sortable]")) {
  const headers = table.tHead?.rows[0].cells ?? [];
  for (let col = 0; col < headers.length; col++) {
    headers[col].querySelector("button.sort")?.addEventListener("click", () => sortTable(table, col, headers[col]));
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>("form.compare-form")) wireCompareForm(form);
