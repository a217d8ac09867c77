// exceljs takes about 0.4 s to load, more than the rest of the server together: it is loaded with
// the first workbook read or written, not at start-up (the wall must come up fast).
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | null = null;

export function loadExcel(): Promise<typeof ExcelJS> {
  return (loading ??= import('exceljs').then((m) => m.default));
}
