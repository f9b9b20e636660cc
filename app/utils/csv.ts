// CSV for spreadsheets, one way for every export: cells that a spreadsheet
// would run as a formula (=, +, -, @, tab, return) get a leading quote, and
// the download starts with a byte-order mark so Excel reads UTF-8 names right.
import { stringify } from "csv-stringify/sync";

/** Spreadsheet programs run cells that start with these as formulas; a leading quote keeps them text. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A header and rows as CSV text, every cell made safe. */
export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([[...header], ...rows.map((row) => row.map(safeCell))]);
}

/** A private CSV download named `<name>-<today>.csv`. */
export function csvDownload(csv: string, name: string): Response {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
