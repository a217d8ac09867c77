// One row of the dataset as the cells of its file, in the import contract's column order
// (schema.ts), so whatever is written here reads back through the importer unchanged.
import type { DatasetFile } from '../../../shared/domain.ts';
import type { Column } from '../import/cells.ts';
import { escapeFormula } from '../import/formula-escape.ts';
import { SCHEMA } from '../import/schema.ts';

export function columnsOf(file: DatasetFile): string[] {
  return Object.keys(SCHEMA[file]);
}

/** The cell for a spreadsheet: numbers stay numbers, booleans become 0/1, null an empty cell. */
export function sheetCell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  // Strings are escaped against formula injection; the importer strips exactly this escape.
  return escapeFormula(String(value));
}

/** The cell for CSV: the same, as text (empty for null). */
export function csvCell(value: unknown): string {
  const v = sheetCell(value);
  return v === null ? '' : typeof v === 'number' ? String(v) : v;
}

export function rowCells<T>(file: DatasetFile, row: object, cell: (v: unknown) => T): T[] {
  const r = row as Record<string, unknown>;
  return Object.keys(SCHEMA[file] as Record<string, Column<unknown>>).map((k) => cell(r[k]));
}
