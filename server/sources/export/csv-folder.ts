// Writes a dataset as the folder of CSV files the importer reads (CONTRACTS §1). UTF-8 with a
// BOM: without it Excel on Chinese Windows opens the file as GBK and shows mojibake names.
// Every file gets its header even when empty, so an export doubles as a blank template.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { DATASET_FILES, type Dataset, type DatasetFile } from '../../../shared/domain.ts';
import { columnsOf, csvCell, rowCells } from './cells.ts';

function* cellsOf(file: DatasetFile, rows: readonly object[]): Generator<string[]> {
  for (const row of rows) yield rowCells(file, row, csvCell);
}

export async function writeCsvFolder(dataset: Dataset, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const file of DATASET_FILES) {
    const path = join(dir, `${file}.csv`);
    // Streamed, so two million attendance rows never sit in memory as one string.
    await pipeline(
      Readable.from(cellsOf(file, dataset[file])),
      stringify({ bom: true, header: true, columns: columnsOf(file) }),
      createWriteStream(path),
    );
    written.push(path);
  }
  return written;
}
