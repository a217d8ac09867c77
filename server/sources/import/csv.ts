// Reads one CSV text into a TableReader. csv-parse does the splitting (quotes, embedded
// newlines, CRLF); we only take the header from its first record and hand on the rest.
// Records come as arrays rather than objects keyed by header (columns: true) because the
// header is resolved to positions once in TableReader, which is faster on millions of rows.
import { Parser, type Options } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { DatasetFile } from '../../../shared/domain.ts';
import type { ErrorList } from './errors.ts';
import { TableReader, type ParsedTable } from './table.ts';

/**
 * csv-parse's push-style core, which every Parser carries as `api` (lib/api/index.js). It hands
 * each record over synchronously, while `parser.info.lines` is the record's line. The public
 * `on_record` hook gives the same line, but builds an info object per record first; on two
 * million attendance rows that object costs about a third of the parse. If a later csv-parse
 * drops `api`, readCsvText falls back to `on_record` (tests run both paths).
 */
interface PushApi {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
}

/** Hands rows on every `rows` rows instead of keeping the whole file (the streamed import). */
export interface ChunkSink<F extends DatasetFile> {
  rows: number;
  /** Rows as flat values (ParsedTable.values) rather than objects. */
  flat?: boolean;
  emit(table: ParsedTable<F>): void;
}

/**
 * input: CSV text, or bytes already checked to be UTF-8 (saves decoding and re-encoding a large
 * file). With a sink, full chunks go to it as they fill and only the rest is returned.
 */
export function readCsvText<F extends DatasetFile>(
  file: F,
  label: string,
  input: string | Uint8Array,
  errors: ErrorList,
  fast = true,
  sink?: ChunkSink<F>,
): ParsedTable<F> {
  let reader: TableReader<F> | null | undefined;
  // csv-parse reports the line a record ends on; a quoted cell with newlines moves that past
  // the line the record starts on, which is the one a person looks for in the file.
  const take = (record: string[], endLine: number) => {
    let line = endLine;
    for (let i = 0; i < record.length; i++) {
      for (let at = record[i].indexOf('\n'); at !== -1; at = record[i].indexOf('\n', at + 1)) line--;
    }
    if (reader === undefined) reader = TableReader.open(file, label, record, errors, sink?.flat ?? false);
    else if (reader !== null) {
      reader.add(record, line);
      if (sink && reader.count >= sink.rows) sink.emit(reader.take());
    }
  };
  const options: Options = {
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
  };
  const parser = new Parser(options);
  const api = (parser as unknown as { api?: PushApi }).api;
  if (fast && api && typeof api.parse === 'function') {
    const bytes = typeof input === 'string' ? Buffer.from(input) : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    const err = api.parse(bytes, true, (record) => take(record, parser.info.lines), () => {});
    if (err) errors.add(label, parser.info.lines, null, null, err.message);
  } else {
    // Rows are consumed here and null returned, so csv-parse never holds the file as records.
    parse(typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength), { ...options, on_record: (record: string[], info) => (take(record, info.lines), null) });
  }
  return reader ? reader.result : { rows: [], lines: [] };
}
