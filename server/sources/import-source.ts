// Import from a path or an upload, the same code behind `npm run import` and POST /api/import:
// read and validate everything first, write in one transaction only when nothing is wrong.

import type { Store } from '../store/store.ts';
import type { ImportSummary } from '../store/import-dataset.ts';
import { readSource, readSourceBuffer, readSourceFiles, type ImportError, type ReadResult } from './import/index.ts';
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

export function formatErrors(errors: ImportError[], errorCount: number): string {
  const lines = errors.map((e) => `  ${e.file}:${e.line}${e.column ? ` [${e.column}]` : ''}${e.value !== null ? ` "${e.value}"` : ''}: ${e.reason}`);
  if (errorCount > errors.length) lines.push(`  … and ${errorCount - errors.length} more`);
  return lines.join('\n');
}
