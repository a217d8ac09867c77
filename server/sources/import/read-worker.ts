// The import reader thread: reads the CSV files in DATASET_FILES order, checks and parses them
// exactly as readSource does (same TableReader, same errors), and sends the good rows on in
// chunks while the main thread writes the chunks before. It never touches the database.
import { readFileSync } from 'node:fs';
import { workerData, type MessagePort } from 'node:worker_threads';
import type { DatasetFile } from '../../../shared/domain.ts';
import { keepPace, send } from './channel.ts';
import { readCsvText } from './csv.ts';
import { checkUtf8 } from './encoding.ts';
import { ErrorList } from './errors.ts';
import type { ParsedTable } from './table.ts';

export interface ReaderData {
  files: { file: DatasetFile; label: string; path: string }[];
  port: MessagePort;
  signal: Int32Array;
  chunkRows: number;
}

function run({ files, port, signal, chunkRows }: ReaderData): void {
  const errors = new ErrorList();
  let sent = 0;
  for (const { file, label, path } of files) {
    // The reader gives the rows as flat values already: no object per row made here only to be
    // taken apart again for the message.
    const post = (t: ParsedTable<DatasetFile>, done: boolean) => {
      send(port, signal, { kind: 'rows', file, label, values: t.values ?? [], lines: t.lines, done, errorCount: errors.count });
      if (!keepPace(signal, ++sent)) throw new Stopped();
    };
    const bytes = readFileSync(path);
    const checked = checkUtf8(bytes, label);
    if (!checked.ok) {
      errors.add(label, checked.line, null, null, checked.reason);
      post({ rows: [], lines: [] }, true);
      continue;
    }
    const rest = readCsvText(file, label, bytes, errors, true, { rows: chunkRows, flat: true, emit: (t) => post(t, false) });
    post(rest, true);
  }
  send(port, signal, { kind: 'end', errors: errors.items, errorCount: errors.count });
}

class Stopped extends Error {}

try {
  run(workerData as ReaderData);
} catch (err) {
  if (!(err instanceof Stopped)) {
    const { port, signal } = workerData as ReaderData;
    send(port, signal, { kind: 'fatal', message: String((err as Error)?.stack ?? err) });
  }
}
