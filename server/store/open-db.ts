// Opens the SQLite file (or ':memory:') with the pragmas the store relies on and applies the
// numbered migrations in order, each in its own transaction, recording them in user_version.

import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../root.ts';

export type Db = Database.Database;

const MIGRATIONS = join(ROOT, 'server', 'store', 'migrations');

export function openDb(file: string, opts: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: opts.readonly ?? false });
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk when it returns, so what is answered survives a power cut as well
    // as a kill -9. Live event batches commit with NORMAL instead and are answered only after an
    // fdatasync of the WAL run off the JavaScript thread (store/wal-sync.ts): the same guarantee,
    // without the thread waiting on the disk.
    db.pragma('synchronous = FULL');
    db.pragma('journal_size_limit = 67108864');
    db.pragma('foreign_keys = OFF');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    // Events touch members at random, so a batch reads pages all over the file: through a memory
    // map rather than read() into SQLite's own cache. (A larger wal_autocheckpoint made 1,000-event
    // batches faster but the checkpoints rarer and longer; at 500 single events/s the POST p99 was
    // better with SQLite's default of 1,000 pages, so it stays.)
    db.pragma('mmap_size = 1073741824');
    db.pragma('temp_store = MEMORY');
    migrate(db);
  }
  return db;
}

export function migrate(db: Db): number {
  const files = readdirSync(MIGRATIONS)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort();
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const file of files) {
    const version = Number(file.slice(0, 3));
    if (version <= current) continue;
    const sql = readFileSync(join(MIGRATIONS, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
