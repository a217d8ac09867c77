// Import from a path or an upload, the same code behind `npm run import` and POST /api/import:
// read and validate everything first, write in one transaction only when nothing is wrong.

import { readdirSync, statSync } from 'node:fs';
import type { Store } from '../store/store.ts';
import type { ImportSummary } from '../store/import-dataset.ts';
import { ImportRefused, readSource, readSourceBuffer, readSourceFiles, sourceFiles, streamCsv, type ImportError, type ReadResult } from './import/index.ts';
import type { Dataset } from '../../shared/domain.ts';

export type ImportOutcome =
  | { ok: true; summary: ImportSummary; rows: number }
  | { ok: false; errors: ImportError[]; errorCount: number };

export type ImportInput = { path: string } | { xlsx: Uint8Array } | { files: Record<string, unknown> };

export async function readImport(store: Store, input: ImportInput): Promise<ReadResult> {
  const options = { existing: store.importLookup };
  if ('path' in input) return readSource(input.path, options);
  if ('xlsx' in input) return readSourceBuffer(input.xlsx, 'xlsx', options);
  return readSourceFiles(input.files, options);
}

export async function importInto(write: (ds: Dataset) => ImportSummary, store: Store, input: ImportInput): Promise<ImportOutcome> {
  const read = await readImport(store, input);
  if (!read.ok) return { ok: false, errors: read.errors, errorCount: read.errorCount };
  return { ok: true, summary: write(read.dataset), rows: read.rows };
}

/**
 * `npm run import`: CSV files are parsed in a worker thread while this thread writes the rows
 * already checked, in the one transaction (see import/stream.ts); a workbook, a missing path or
 * a refused name goes the way of importInto, which answers the same for them.
 */
export async function importPath(store: Store, path: string): Promise<ImportOutcome> {
  const info = statSync(path, { throwIfNoEntry: false });
  const source = info ? sourceFiles(path, info.isDirectory() ? readdirSync(path) : null) : null;
  if (source?.kind !== 'csv') return importInto(store.importDataset, store, { path });
  try {
    const summary = store.importChunks(streamCsv(source.files, store.importLookup));
    return { ok: true, summary, rows: Object.values(summary.rows).reduce((a, b) => a + b, 0) };
  } catch (err) {
    if (err instanceof ImportRefused) return { ok: false, errors: err.errors, errorCount: err.errorCount };
    throw err;
  }
}

export function formatErrors(errors: ImportError[], errorCount: number): string {
  const lines = errors.map((e) => `  ${e.file}:${e.line}${e.column ? ` [${e.column}]` : ''}${e.value !== null ? ` "${e.value}"` : ''}: ${e.reason}`);
  if (errorCount > errors.length) lines.push(`  … and ${errorCount - errors.length} more`);
  return lines.join('\n');
}
