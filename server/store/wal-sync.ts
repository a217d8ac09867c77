// Durable without blocking the event loop. With synchronous = FULL, SQLite fsyncs the WAL inside
// COMMIT, and better-sqlite3 runs COMMIT on the JavaScript thread: a 1,000-event batch dirties
// ~350 pages, and the thread sat idle for the whole fsync of them while other requests waited.
// Live event batches now commit with synchronous = NORMAL (consistent on a power cut, not yet
// durable) and are answered only after `durable()`: an fdatasync of the WAL file on libuv's
// thread pool, which covers every frame committed before it started. Meanwhile this thread parses,
// validates and writes the next requests. Concurrent callers share one fsync (a group commit of
// the disk): whoever commits while one runs waits for the next, which then covers them all.

import { close, closeSync, fdatasync, fsyncSync, open, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { createCheckpointer } from './checkpointer.ts';
import type { Db } from './open-db.ts';

export interface WalSync {
  /** Resolves once everything this connection committed before the call is on disk. */
  durable(): Promise<void>;
  /** Runs `write` (one or more transactions) without an fsync per commit; call `durable()` before answering. */
  relaxed<T>(write: () => T): T;
  close(): void;
}

const noSync: WalSync = { durable: () => Promise.resolve(), relaxed: (write) => write(), close: () => {} };

export function createWalSync(db: Db, file: string): WalSync {
  if (file === ':memory:' || file === '' || String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return noSync;
  const wal = `${file}-wal`;
  let dirSynced = false;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const checkpointer = createCheckpointer(db, file);
  const autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  // Prepared once: db.pragma() prepares its statement on every call, four times per live batch.
  const pragma = (text: string) => {
    const st = db.prepare(`PRAGMA ${text}`);
    return () => void (st.reader ? st.get() : st.run());
  };
  const syncNormal = pragma('synchronous = NORMAL');
  const syncFull = pragma('synchronous = FULL');
  const autoOff = pragma('wal_autocheckpoint = 0');
  const autoOn = pragma(`wal_autocheckpoint = ${autocheckpoint}`);

  // Opened per sync: SQLite deletes and recreates the WAL file when the last connection to the
  // database closes, so a descriptor kept open could outlive the file being synced.
  const syncOnce = () =>
    new Promise<void>((resolve, reject) => {
      if (!dirSynced) {
        // The WAL file's directory entry must be durable too (SQLite syncs the directory on the
        // first FULL commit after creating the file; a relaxed commit does not).
        const d = openSync(dirname(wal), 'r');
        try {
          fsyncSync(d);
        } finally {
          closeSync(d);
        }
        dirSynced = true;
      }
      open(wal, 'r', (err, fd) => {
        // No WAL file: the last connection closed, checkpointing into the (synced) database file.
        if (err) return err.code === 'ENOENT' ? resolve() : reject(err);
        fdatasync(fd, (syncErr) => close(fd, () => (syncErr ? reject(syncErr) : resolve())));
      });
    });

  const start = (): Promise<void> => {
    const p = syncOnce();
    running = p;
    p.then(
      () => void (running === p && (running = null)),
      () => void (running === p && (running = null)),
    );
    return p;
  };

  return {
    durable() {
      if (!running) return start();
      // An fsync already running may have started before our commit: wait for the next one.
      queued ??= running.then(
        () => undefined,
        () => undefined,
      ).then(() => {
        queued = null;
        return start();
      });
      return queued;
    },
    relaxed(write) {
      const offThread = checkpointer.ok();
      syncNormal();
      if (offThread) autoOff();
      try {
        return write();
      } finally {
        syncFull();
        if (offThread) {
          autoOn();
          // The write has committed: a failing checkpoint must not make it look failed (the
          // group commit would retry it, and count its events as duplicates).
          try {
            checkpointer.afterWrite();
          } catch (err) {
            console.error('WAL checkpoint after a live batch:', err);
          }
        }
      }
    },
    close: () => checkpointer.close(),
  };
}
