// One source being read: tables arrive file by file (CSV or sheets), errors accumulate across
// all of them, and finish() turns the lot into one ReadResult.
import { DATASET_FILES, type Dataset, type DatasetFile } from '../../../shared/domain.ts';
import { readCsvText } from './csv.ts';
import { checkUtf8 } from './encoding.ts';
import { ErrorList, type ImportError } from './errors.ts';
import { NOTHING_EXISTS, checkReferences, type ExistingLookup, type RowSources } from './references.ts';
import type { ParsedTable } from './table.ts';

export type ReadResult =
  | { ok: true; dataset: Dataset; rows: number; sources: RowSources }
  /** errors holds the first MAX_ERRORS; errorCount counts them all. */
  | { ok: false; errors: ImportError[]; errorCount: number };

export interface ReadOptions {
  /** What the database already holds; without it the source must be self-contained. */
  existing?: ExistingLookup;
}

export class Collector {
  readonly errors = new ErrorList();
  private readonly tables: Partial<Record<DatasetFile, ParsedTable<DatasetFile>>> = {};
  private readonly labels: Partial<Record<DatasetFile, string>> = {};

  add<F extends DatasetFile>(file: F, label: string, table: ParsedTable<F>): void {
    // Two sources for one table (orgs.csv and Orgs.csv, or two sheets) would silently drop one.
    const before = this.labels[file];
    if (before !== undefined) this.errors.add(label, 0, null, null, `${file} is given twice: ${before} and ${label}; keep one`);
    this.tables[file] = table as unknown as ParsedTable<DatasetFile>;
    this.labels[file] = label;
  }

  addCsv(file: DatasetFile, label: string, bytes: Uint8Array): void {
    const checked = checkUtf8(bytes, label);
    if (!checked.ok) this.errors.add(label, checked.line, null, null, checked.reason);
    else this.add(file, label, readCsvText(file, label, bytes, this.errors));
  }

  fail(source: string, reason: string): ReadResult {
    this.errors.add(source, 0, null, null, reason);
    return this.finish();
  }

  finish(options: ReadOptions = {}): ReadResult {
    const rowsOf = <F extends DatasetFile>(f: F) => (this.tables[f]?.rows ?? []) as Dataset[F];
    const dataset: Dataset = {
      orgs: rowsOf('orgs'),
      groups: rowsOf('groups'),
      members: rowsOf('members'),
      meetings: rowsOf('meetings'),
      attendance: rowsOf('attendance'),
      dues: rowsOf('dues'),
      activities: rowsOf('activities'),
      tasks: rowsOf('tasks'),
      applicants: rowsOf('applicants'),
    };
    const lines: RowSources['lines'] = {};
    for (const f of DATASET_FILES) lines[f] = this.tables[f]?.lines ?? [];
    const sources: RowSources = { lines, labels: this.labels };
    // References are checked only once every row is well-formed: a row refused for a bad date
    // would otherwise reappear as "no such organisation" on every row that points at it.
    if (this.errors.count === 0) checkReferences(dataset, options.existing ?? NOTHING_EXISTS, sources, this.errors);
    if (this.errors.count > 0) return { ok: false, errors: this.errors.items, errorCount: this.errors.count };
    const rows = DATASET_FILES.reduce((n, f) => n + dataset[f].length, 0);
    return { ok: true, dataset, rows, sources };
  }
}
