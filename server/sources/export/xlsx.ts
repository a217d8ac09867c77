// Writes a dataset as one workbook in the import format: a sheet per file, named without
// ".csv", header in row 1. Dates and instants are written as the contract's text, not as
// Excel dates, so they come back byte for byte and no time zone is guessed on the way.
import { PassThrough } from 'node:stream';
import { loadExcel } from '../excel.ts';
import { DATASET_FILES, type Dataset } from '../../../shared/domain.ts';
import { columnsOf, rowCells, sheetCell } from './cells.ts';

/** Excel's hard limit is 1,048,576 rows per sheet, header included. */
export const MAX_SHEET_ROWS = 1_048_575;

export async function writeDatasetXlsx(dataset: Dataset): Promise<Buffer> {
  for (const file of DATASET_FILES) {
    if (dataset[file].length > MAX_SHEET_ROWS) {
      throw new RangeError(`${file} has ${dataset[file].length} rows, more than an XLSX sheet holds (${MAX_SHEET_ROWS}); export CSV instead`);
    }
  }
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve, reject) => out.on('end', resolve).on('error', reject));
  // The streaming writer commits rows as it goes instead of building every cell object first.
  const wb = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  for (const file of DATASET_FILES) {
    const ws = wb.addWorksheet(file);
    ws.addRow(columnsOf(file)).commit();
    for (const row of dataset[file]) ws.addRow(rowCells(file, row, sheetCell)).commit();
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
