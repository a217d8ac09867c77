// The store stage's face: one handle that owns the database, the directory and the readers.

import type { Dataset } from '../../shared/domain.ts';
import { loadDirectory, type Directory } from './directory.ts';
import { importDataset, type ImportSummary } from './import-dataset.ts';
import { openDb, type Db } from './open-db.ts';
import { createRollupReader, type RollupReader } from './rollup-read.ts';

export interface Store {
  db: Db;
  dir: Directory;
  reader: RollupReader;
  importDataset(ds: Dataset): ImportSummary;
  counts(): { orgs: number; members: number; events: number; meetings: number };
  /** Folds the WAL back into the database file; run periodically so the WAL stays bounded. */
  checkpoint(): void;
  close(): void;
}

export function createStore(file: string): Store {
  const db = openDb(file);
  const dir = loadDirectory(db);
  const reader = createRollupReader(db);
  const countEvents = db.prepare('SELECT COUNT(*) AS n FROM events');
  const countMeetings = db.prepare('SELECT COUNT(*) AS n FROM meetings');
  return {
    db,
    dir,
    reader,
    importDataset: (ds) => importDataset(db, dir, ds),
    counts: () => ({
      orgs: dir.orgs.size,
      members: [...dir.members.values()].filter((m) => m.leftOn === null).length,
      events: (countEvents.get() as { n: number }).n,
      meetings: (countMeetings.get() as { n: number }).n,
    }),
    checkpoint: () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    close: () => db.close(),
  };
}
