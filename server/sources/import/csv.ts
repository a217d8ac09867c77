// Reads one CSV text into a TableReader. csv-parse does the splitting (quotes, embedded
// newlines, CRLF); we only take the header from its first record and hand on the rest.
// Records come as arrays rather than objects keyed by header (columns: true) because the
// header is resolved to positions once in TableReader, which is faster on millions of rows.
import { parse } from 'csv-parse/sync';
import type { DatasetFile } from '../../../shared/domain.ts';
import type { ErrorList } from './errors.ts';
import { TableReader, type ParsedTable } from './table.ts';

const EMPTY: ParsedTable<never> = { rows: [], lines: [] };

export function readCsvText<F extends DatasetFile>(file: F, label: string, text: string, errors: ErrorList): ParsedTable<F> {
  let reader: TableReader<F> | null | undefined;
  parse(text, {
    bom: true,
    relax_column_count: false,
    skip_empty_lines: true,
    // Files that were appended to by hand often mix CRLF and LF; both end a record.
    record_delimiter: ['\r\n', '\n'],
    // A malformed record is reported and skipped, so every bad line is named, not only the first.
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err) errors.add(label, Number(err.lines), null, null, err.message);
    },
    // Rows are consumed here and null is returned, so csv-parse never holds the whole file as records.
    // info.lines is the line on which the record ends (its only line, unless a quoted cell spans lines).
    on_record: (record: string[], info) => {
      if (reader === undefined) reader = TableReader.open(file, label, record, errors);
      else if (reader !== null) reader.add(record, info.lines);
      return null;
    },
  });
  return reader ? reader.result : (EMPTY as ParsedTable<F>);
}
