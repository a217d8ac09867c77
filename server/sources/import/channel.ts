// The synchronous channel between the import reader (a worker thread) and the writer. The write
// is one SQLite transaction, which better-sqlite3 runs synchronously, so the writer cannot await
// messages: it takes them with receiveMessageOnPort and sleeps on a shared counter (Atomics.wait)
// when none is there. The reader bumps the counter after each message and stays at most AHEAD
// chunks in front, so a slow writer never has the whole file queued in memory.
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { DatasetFile } from '../../../shared/domain.ts';
import type { ImportError } from './errors.ts';

export type ReaderMessage =
  /**
   * Rows of one file in file order, as their values in schema order one row after another:
   * copying a flat array between threads costs half of copying the same rows as objects.
   * done on the file's last chunk; errorCount: bad rows so far, all files.
   */
  | { kind: 'rows'; file: DatasetFile; label: string; values: unknown[]; lines: number[]; done: boolean; errorCount: number }
  | { kind: 'end'; errors: ImportError[]; errorCount: number }
  | { kind: 'fatal'; message: string };

/** Slots of the shared Int32Array: messages sent, chunks taken by the writer, stop asked. */
export const SENT = 0;
export const TAKEN = 1;
export const STOP = 2;
/**
 * Chunks the reader may be in front. Which thread is the slower one changes from file to file
 * (members and meetings cost the writer far more per row than the reader; attendance about the
 * same for both), so the reader banks rows while the writer is on the slow files and the writer
 * draws on them later. 48 chunks of CHUNK_ROWS is about 800,000 rows in flight at most; the
 * district import's peak memory stayed at 1.6 GB, as with 8.
 */
export const AHEAD = 48;
const STALL_MS = 120_000;

export function newSignal(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
}

/** Reader side: post, then wake the writer. */
export function send(port: MessagePort, signal: Int32Array, message: ReaderMessage): void {
  port.postMessage(message);
  Atomics.add(signal, SENT, 1);
  Atomics.notify(signal, SENT);
}

/** Reader side: wait while `sent` chunks are more than AHEAD in front of the writer. False when asked to stop. */
export function keepPace(signal: Int32Array, sent: number): boolean {
  for (;;) {
    if (Atomics.load(signal, STOP) !== 0) return false;
    const taken = Atomics.load(signal, TAKEN);
    if (sent - taken <= AHEAD) return true;
    Atomics.wait(signal, TAKEN, taken, 1000);
  }
}

/** Writer side: the next message, blocking this thread until there is one. */
export function receive(port: MessagePort, signal: Int32Array): ReaderMessage {
  let idle = 0;
  for (;;) {
    // Read the counter before looking: a message posted after the look bumps it, so the wait
    // below returns at once instead of sleeping past it.
    const seen = Atomics.load(signal, SENT);
    const got = receiveMessageOnPort(port);
    if (got) return got.message as ReaderMessage;
    if (Atomics.wait(signal, SENT, seen, 1000) !== 'timed-out') idle = 0;
    else if ((idle += 1000) >= STALL_MS) throw new Error(`the import reader sent nothing for ${STALL_MS / 1000} s`);
  }
}

/** Writer side: one chunk taken, so the reader may go on. */
export function taken(signal: Int32Array): void {
  Atomics.add(signal, TAKEN, 1);
  Atomics.notify(signal, TAKEN);
}
