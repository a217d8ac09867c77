// Turns the text cells of one file (from CSV or a workbook sheet) into typed rows of the
// contract. Both readers feed this one place, so CSV and XLSX validate identically. The header
// is resolved to column positions once; the per-row loop is allocation-light because it runs
// two million times for a year of attendance.
import type { DatasetFile } from '../../../shared/domain.ts';
import { Invalid, type Column } from './cells.ts';
import type { ErrorList } from './errors.ts';
import { unescapeFormula } from './formula-escape.ts';
import { KEY_COLUMNS, SCHEMA, requiredColumns, type RowOf } from './schema.ts';

export interface ParsedTable<F extends DatasetFile> {
  rows: RowOf<F>[];
  /** lines[i] is the source line of rows[i], for errors found later (references). */
  lines: number[];
}

/** Builds a row of `file` from its values in schema order, starting at `at`. */
export type RowMaker = (values: readonly unknown[], at?: number) => Record<string, unknown>;

/**
 * A row built as one object literal gets a single hidden class up front, instead of growing key
 * by key through keyed stores, measurably cheaper over millions of rows. The source is made only
 * from the schema's own column names, never from file content.
 */
export function rowMaker(file: DatasetFile): RowMaker {
  const fields = Object.keys(SCHEMA[file]).map((n, i) => `${JSON.stringify(n)}: v[a + ${i}]`).join(', ');
  return new Function('v', 'at', `const a = at ?? 0; return { ${fields} };`) as RowMaker;
}

export class TableReader<F extends DatasetFile> {
  result: ParsedTable<F> = { rows: [], lines: [] };
  private readonly names: string[];
  private readonly columns: Column<unknown>[];
  private readonly positions: Int32Array;
  private readonly keyIndexes: number[];
  private readonly seen = new Map<string, number>();
  private readonly values: unknown[];
  private readonly make: RowMaker;

  private constructor(
    readonly file: F,
    readonly label: string,
    header: readonly string[],
    private readonly errors: ErrorList,
  ) {
    const table = SCHEMA[file] as Record<string, Column<unknown>>;
    this.names = Object.keys(table);
    this.columns = this.names.map((n) => table[n]);
    const where = new Map<string, number>();
    header.forEach((h, i) => {
      // "Code " or "CODE" from a hand-edited header still means code.
      const name = h.trim().toLowerCase();
      if (!where.has(name)) where.set(name, i);
    });
    // Unknown header columns are ignored; absent optional ones read as empty (-1).
    this.positions = Int32Array.from(this.names, (n) => where.get(n) ?? -1);
    this.keyIndexes = KEY_COLUMNS[file].map((k) => this.names.indexOf(k));
    this.values = new Array(this.names.length);
    this.make = rowMaker(file);
  }

  /** Null when a required column is missing: one error per column on line 1, no rows read. */
  static open<F extends DatasetFile>(file: F, label: string, header: readonly string[], errors: ErrorList): TableReader<F> | null {
    const reader = new TableReader(file, label, header, errors);
    let ok = true;
    for (const name of requiredColumns(file)) {
      if (reader.positions[reader.names.indexOf(name)] < 0) {
        errors.add(label, 1, name, null, `required column "${name}" is missing from the header`);
        ok = false;
      }
    }
    return ok ? reader : null;
  }

  add(cells: ArrayLike<string | undefined>, line: number): void {
    const { names, columns, positions, errors, label, values } = this;
    let bad = false;
    for (let j = 0; j < names.length; j++) {
      const p = positions[j];
      const raw = p < 0 ? '' : (cells[p] ?? '');
      const column = columns[j];
      if (raw.length === 0 || (raw.charCodeAt(0) <= 32 && raw.trim().length === 0)) {
        if (column.required) {
          errors.add(label, line, names[j], raw, 'required value is empty');
          bad = true;
        }
        values[j] = column.empty;
        continue;
      }
      const value = column.parse(unescapeFormula(raw));
      if (value instanceof Invalid) {
        errors.add(label, line, names[j], raw, value.reason);
        bad = true;
      }
      values[j] = value;
    }
    const row = this.make(values);
    // Duplicates are looked for even on a row refused for another column, as long as its key
    // itself is sound, so two rows sharing an id are both named in one pass.
    const key = this.keyOf(row);
    if (key !== null) {
      const first = this.seen.get(key);
      if (first !== undefined) {
        const k = this.keyIndexes.map((i) => names[i]);
        errors.add(label, line, k.join('+'), key.replace('\u0001', ' + '), `duplicate ${k.join(' + ')}: same as line ${first}`);
        return;
      }
      this.seen.set(key, line);
    }
    if (bad) return;
    this.result.rows.push(row as unknown as RowOf<F>);
    this.result.lines.push(line);
  }

  /** The rows read since the last take; duplicate keys are still caught across takes. */
  take(): ParsedTable<F> {
    const taken = this.result;
    this.result = { rows: [], lines: [] };
    return taken;
  }

  /** Null when a key column was itself refused (empty or invalid). */
  private keyOf(row: Record<string, unknown>): string | null {
    const a = row[this.names[this.keyIndexes[0]]];
    if (typeof a !== 'string') return null;
    if (this.keyIndexes.length === 1) return a;
    const b = row[this.names[this.keyIndexes[1]]];
    return typeof b === 'string' ? `${a}\u0001${b}` : null;
  }
}
