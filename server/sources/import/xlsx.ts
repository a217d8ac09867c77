// Reads a workbook whose sheets are named after the contract's files (orgs, members, …).
// Cells arrive typed (numbers, Dates, rich text, formulas); they are turned back into the text
// a CSV would have held and fed to the same TableReader, so both formats validate alike.
import type ExcelJS from 'exceljs';
import { loadExcel } from '../excel.ts';
import { DATASET_FILES, type DatasetFile } from '../../../shared/domain.ts';
import type { CellKind, Column } from './cells.ts';
import type { ErrorList } from './errors.ts';
import { SCHEMA } from './schema.ts';
import { TableReader, type ParsedTable } from './table.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel stores wall-clock time without a zone; exceljs hands it over as that time in UTC. */
function dateText(d: Date, kind: CellKind): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (kind === 'month') return day.slice(0, 7);
  if (kind !== 'instant') return day;
  // No offset: the contract reads it as Asia/Shanghai, which is what the operator typed.
  return `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function cellText(value: ExcelJS.CellValue, kind: CellKind): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    // A date column holding a bare serial number (date format lost): read it as Excel would.
    if (kind === 'date' || kind === 'instant' || kind === 'month') return dateText(new Date(EXCEL_EPOCH + Math.round(value * 86400_000)), kind);
    return String(value);
  }
  if (value instanceof Date) return dateText(value, kind);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result ?? null, kind);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue, kind); // hyperlink
  return String(value);
}

export async function loadWorkbook(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new (await loadExcel()).Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

export function sheetFile(name: string): DatasetFile | null {
  const n = name.trim().toLowerCase().replace(/\.csv$/, '');
  return (DATASET_FILES as readonly string[]).includes(n) ? (n as DatasetFile) : null;
}

export function readSheet<F extends DatasetFile>(file: F, ws: ExcelJS.Worksheet, errors: ErrorList): ParsedTable<F> {
  const table = SCHEMA[file] as Record<string, Column<unknown>>;
  let reader: TableReader<F> | null | undefined;
  let kinds: CellKind[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    if (reader === null) return;
    const values = row.values as ExcelJS.CellValue[]; // 1-based, sparse
    if (reader === undefined) {
      const header = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => cellText(values[i + 1], 'text').trim());
      kinds = header.map((h) => table[h.toLowerCase()]?.kind ?? 'text');
      reader = TableReader.open(file, ws.name, header, errors);
      return;
    }
    const cells = kinds.map((kind, i) => cellText(values[i + 1], kind));
    if (cells.every((c) => c.trim() === '')) return; // a row of formatting only
    reader.add(cells, line);
  });
  return reader ? reader.result : { rows: [], lines: [] };
}
