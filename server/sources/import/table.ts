// Turns the text cells of one file (from CSV or a workbook sheet) into typed rows of the
// contract. Both readers feed this one place, so CSV and XLSX validate identically. The header
// is resolved to column positions once; the per-row loop is allocation-light because it runs
// two million times for a year of attendance.
import type { DatasetFile } from '../../../shared/domain.ts';
import { Invalid, type Column } from './cells.ts';
import type { ErrorList } from './errors.ts';
import { unescapeFormula } from './formula-escape.ts';
import { KEY_COLUMNS, SCHEMA, requiredColumns, type RowOf } from './schema.ts';
import { SeenKeys } from './seen-keys.ts';

export interface ParsedTable<F extends DatasetFile> {
  rows: RowOf<F>[];
  /** lines[i] is the source line of row i, for errors found later (references). */
  lines: number[];
  /**
   * Only from a flat reader (the streamed import, which sends rows to another thread): the rows'
   * values in schema order, one row after another, and rows stays empty.
   */
  values?: unknown[];
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
  result: ParsedTable<F>;
  private readonly names: string[];
  private readonly columns: Column<unknown>[];
  private readonly positions: Int32Array;
  private readonly keyIndexes: number[];
  private readonly seen: SeenKeys;
  private readonly values: unknown[];
  private readonly make: RowMaker;

  private constructor(
    readonly file: F,
    readonly label: string,
    header: readonly string[],
    private readonly errors: ErrorList,
    private readonly flat: boolean,
  ) {
    this.result = this.empty();
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
    this.seen = new SeenKeys(this.keyIndexes.length > 1);
    this.values = new Array(this.names.length);
    this.make = rowMaker(file);
  }

  /** Null when a required column is missing: one error per column on line 1, no rows read. flat: see ParsedTable.values. */
  static open<F extends DatasetFile>(file: F, label: string, header: readonly string[], errors: ErrorList, flat = false): TableReader<F> | null {
    const reader = new TableReader(file, label, header, errors, flat);
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
    // Duplicates are looked for even on a row refused for another column, as long as its key
    // itself is sound, so two rows sharing an id are both named in one pass. A key column that
    // was itself refused (empty or invalid) holds no string, and the row has no key.
    const { keyIndexes } = this;
    const a = values[keyIndexes[0]];
    const b = keyIndexes.length > 1 ? values[keyIndexes[1]] : '';
    if (typeof a === 'string' && typeof b === 'string') {
      const first = this.seen.firstLine(a, b, line);
      if (first !== 0) {
        const k = keyIndexes.map((i) => names[i]);
        errors.add(label, line, k.join('+'), keyIndexes.length > 1 ? `${a} + ${b}` : a, `duplicate ${k.join(' + ')}: same as line ${first}`);
        return;
      }
    }
    if (bad) return;
    if (this.flat) {
      const out = this.result.values!;
      for (let j = 0; j < values.length; j++) out.push(values[j]);
    } else {
      this.result.rows.push(this.make(values) as unknown as RowOf<F>);
    }
    this.result.lines.push(line);
  }

  /** Rows read so far and not yet taken. */
  get count(): number {
    return this.result.lines.length;
  }

  /** The rows read since the last take; duplicate keys are still caught across takes. */
  take(): ParsedTable<F> {
    const taken = this.result;
    this.result = this.empty();
    return taken;
  }

  private empty(): ParsedTable<F> {
    return this.flat ? { rows: [], lines: [], values: [] } : { rows: [], lines: [] };
  }
}
