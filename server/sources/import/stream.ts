// The streamed read of a CSV source: a worker thread parses and checks the files while this
// thread writes what it has already sent, so a big import uses both cores. The chunks come out
// of a synchronous generator for the store's one write transaction. A bad row anywhere, even
// near the end of the last file, makes the generator throw ImportRefused once every file has
// been read; the transaction then rolls back. The errors are the ones readSource reports for
// the same files: the same reader makes them, and references are checked in the same order
// (ReferenceChecker), only once no row is malformed.
import { MessageChannel, Worker } from 'node:worker_threads';
import type { DatasetFile, OrgRow } from '../../../shared/domain.ts';
import { newSignal, receive, STOP, taken } from './channel.ts';
import { ErrorList, type ImportError } from './errors.ts';
import type { ReaderData } from './read-worker.ts';
import type { SourceFiles } from './read-source.ts';
import { NOTHING_EXISTS, ReferenceChecker, type ExistingLookup } from './references.ts';
import { SCHEMA, type RowOf } from './schema.ts';
import { rowMaker, type RowMaker } from './table.ts';

export type StreamChunk = { [F in DatasetFile]: { file: F; rows: RowOf<F>[] } }[DatasetFile];

export class ImportRefused extends Error {
  constructor(
    readonly errors: ImportError[],
    readonly errorCount: number,
  ) {
    super(`import refused: ${errorCount} bad row(s)`);
  }
}

const BOOT = new URL('./read-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./read-worker.ts', import.meta.url).href;

/** Rows per message: big enough that messaging costs little, small enough to keep both threads busy. */
export const CHUNK_ROWS = 16_384;

const makers = new Map<DatasetFile, { make: RowMaker; width: number }>();

function fromValues(file: DatasetFile, values: unknown[]): unknown[] {
  let m = makers.get(file);
  if (!m) makers.set(file, (m = { make: rowMaker(file), width: Object.keys(SCHEMA[file]).length }));
  const rows = new Array(values.length / m.width);
  for (let i = 0; i < rows.length; i++) rows[i] = m.make(values, i * m.width);
  return rows;
}

export function* streamCsv(
  files: Extract<SourceFiles, { kind: 'csv' }>['files'],
  existing: ExistingLookup = NOTHING_EXISTS,
  chunkRows = CHUNK_ROWS,
): Generator<StreamChunk, void, undefined> {
  const { port1, port2 } = new MessageChannel();
  const signal = newSignal();
  const data: ReaderData & { entry: string } = { files, port: port2, signal, chunkRows, entry: ENTRY };
  // A larger young generation: the reader allocates millions of short-lived cells and rows.
  const worker = new Worker(BOOT, { workerData: data, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  const labels = new Map<DatasetFile, string>();
  const refErrors = new ErrorList();
  const refs = new ReferenceChecker(existing, refErrors, (f) => labels.get(f) ?? `${f}.csv`);
  // The orgs file is checked and written whole: parents and loops need every org.
  const orgs: { rows: OrgRow[]; lines: number[] } = { rows: [], lines: [] };
  try {
    for (;;) {
      const m = receive(port1, signal);
      if (m.kind === 'fatal') throw new Error(`the import reader failed: ${m.message}`);
      if (m.kind === 'end') {
        if (m.errorCount > 0) throw new ImportRefused(m.errors, m.errorCount);
        if (refErrors.count > 0) throw new ImportRefused(refErrors.items, refErrors.count);
        return;
      }
      taken(signal);
      // Once a row is malformed the import is refused and references are not looked at (as in
      // readSource); the rest is only read for the report.
      if (m.errorCount > 0) continue;
      labels.set(m.file, m.label);
      const rows = fromValues(m.file, m.values);
      let chunk = { file: m.file, rows, lines: m.lines } as StreamChunk & { lines: number[] };
      if (m.file === 'orgs') {
        orgs.rows.push(...(rows as OrgRow[]));
        orgs.lines.push(...m.lines);
        if (!m.done) continue;
        chunk = { file: 'orgs', ...orgs };
      }
      refs.check(chunk.file, chunk.rows, chunk.lines);
      if (refErrors.count === 0 && chunk.rows.length > 0) yield { file: chunk.file, rows: chunk.rows } as StreamChunk;
    }
  } finally {
    Atomics.store(signal, STOP, 1);
    port1.close();
    void worker.terminate();
  }
}
