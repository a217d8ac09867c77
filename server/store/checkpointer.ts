// Checkpoints of the live batches' WAL on a second thread. SQLite's automatic checkpoint runs
// inside the COMMIT that crosses 1,000 WAL pages, on the committing thread: every third
// 1,000-event batch copied ~4 MB into the database file and synced it while the event loop
// waited (measured: COMMIT 32–40 ms a batch with it, 12 ms without). Live batches now commit with
// the automatic checkpoint off, and this thread's own connection runs a PASSIVE checkpoint, which
// never blocks the writer, after them.
//
// A PASSIVE checkpoint cannot finish while the writer keeps appending, and SQLite restarts the
// WAL from its start only when one finished; so when the WAL has grown past `catchUpPages`, the
// writer runs a PASSIVE checkpoint itself between two batches: the thread has already copied
// almost everything, the writer copies the rest, and the next commit restarts the WAL.

import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { ROOT } from '../root.ts';
import type { Db } from './open-db.ts';

// CommonJS run by `new Worker(…, { eval: true })`: no file to find beside the bundle.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('node:module').createRequire(workerData.root)('better-sqlite3');
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
parentPort.on('message', (m) => {
  if (m === 'close') {
    db.close();
    Atomics.store(workerData.closed, 0, 1);
    Atomics.notify(workerData.closed, 0);
    process.exit(0);
  }
  let r = { busy: 1, log: -1, checkpointed: -1 };
  try { r = db.pragma('wal_checkpoint(PASSIVE)')[0]; } catch (err) { r.error = String(err); }
  parentPort.postMessage(r);
});
`;

export interface Checkpointer {
  /** False once the thread failed: the writer must keep SQLite's automatic checkpoint on. */
  ok(): boolean;
  /** Called after a write that left its pages in the WAL: checkpoints soon, off this thread. */
  afterWrite(): void;
  close(): void;
}

/** Passes at most this often: each one syncs the WAL and the database file. */
const MIN_INTERVAL_MS = 100;

export function createCheckpointer(db: Db, file: string, opts: { catchUpPages?: number } = {}): Checkpointer {
  // 64 MiB of WAL (journal_size_limit) between the writer's own catch-ups: each blocks the event
  // loop for the fsync of the database file (10–20 ms each, three a second under the ingest bench's
  // three connections at 4,096 pages: 4.6 % of the thread).
  const catchUpPages = opts.catchUpPages ?? 16384;
  let worker: Worker | null = null;
  let running = false;
  let again = false;
  let walPages = 0;
  let closed = false;
  let failed = false;
  let lastRun = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const run = () => {
    timer = null;
    if (closed || !worker) return;
    running = true;
    again = false;
    lastRun = performance.now();
    worker.postMessage('checkpoint');
  };
  const schedule = () => {
    if (running || timer) {
      again = true;
      return;
    }
    const wait = lastRun + MIN_INTERVAL_MS - performance.now();
    if (wait <= 0) run();
    else (timer = setTimeout(run, wait)).unref();
  };
  // Set by the thread once its connection is closed (see close()).
  const closedFlag = new Int32Array(new SharedArrayBuffer(4));
  const start = () => {
    worker = new Worker(WORKER, { eval: true, workerData: { root: join(ROOT, 'package.json'), file, closed: closedFlag } });
    worker.unref();
    worker.on('message', (r: { log: number; checkpointed: number; error?: string }) => {
      running = false;
      if (r.log >= 0) walPages = r.log;
      if (again && !closed) schedule();
    });
    worker.on('error', (err) => {
      console.error('WAL checkpointer failed; the writer checkpoints again:', err);
      failed = true;
      worker = null;
      running = false;
    });
  };

  return {
    ok: () => !failed && !closed,
    afterWrite() {
      if (closed || failed) return;
      if (walPages > catchUpPages) {
        // The thread has copied almost all of it; copy the rest here so the WAL can restart.
        const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
        walPages = r.busy ? walPages : 0;
      }
      if (!worker) start();
      schedule();
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (!worker) return;
      // Wait (bounded) for the thread to close its connection: the writer's own close must be the
      // last one, which checkpoints the WAL into the database file and deletes it. Otherwise a
      // stopped server left a -wal file, and a copy of the .db file alone lacked the last writes.
      worker.postMessage('close');
      Atomics.wait(closedFlag, 0, 0, 10_000);
      worker = null;
    },
  };
}
