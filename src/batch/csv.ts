import { stringify, type Options } from 'csv-stringify/sync';

/**
 * The batch CSV, for HR staff who open it in Excel or WPS. Written by csv-stringify (the `csv`
 * project), not by hand:
 *
 * - a UTF-8 byte-order mark first (`bom`), without which Excel reads UTF-8 as the local code page and
 *   every Chinese title turns to mojibake;
 * - `escape_formulas`: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return (or their
 *   full-width forms) is prefixed with `'`, so a profile id such as `=HYPERLINK(…)` is shown as text,
 *   never run as a formula (OWASP's "CSV injection");
 * - control characters other than tab and line breaks (a NUL in an id, say) are written as `\u0000`:
 *   visible, and nothing a spreadsheet could cut a cell at.
 *
 * Header names are ASCII, one word each, for machines (pandas, SQL imports); docs/batch.md says what
 * each holds.
 */
export const CSV_COLUMNS = ['position', 'id', 'rule_set', 'outcome', 'failed_conditions', 'missing_fields', 'error'] as const;

/** One row, in the order of `CSV_COLUMNS`. */
export type CsvRow = readonly [position: number, id: string, ruleSet: string, outcome: string, failed: string, missing: string, error: string];

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');
/** A string with its control characters written out; checked first, since almost no cell has one. */
const visible = (value: string) => (CONTROL.test(value) ? value.replace(CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) : value);

const OPTIONS: Options = {
  escape_formulas: true,
  cast: { string: visible },
};

/** The start of the file: the BOM, then the header line. */
export const CSV_HEADER = stringify([], { bom: true, header: true, columns: [...CSV_COLUMNS] });

/**
 * Rows as CSV text, one line each. Call it with many rows at once where there are many (a worker's
 * batch): each call costs a fixed setup (options checked, a stringifier made) besides the rows.
 */
export function csvRows(rows: readonly CsvRow[]): string {
  return rows.length === 0 ? '' : stringify(rows as CsvRow[], OPTIONS);
}
