// The store stage's face: one handle that owns the database, the directory and the readers.

import type { Dataset, OrgType } from '../../shared/domain.ts';
import type { EventError, EventLookup } from '../sources/events/validate.ts';
import type { LiveEvent } from '../sources/events/schema.ts';
import { applyBatches, applyEvents, type ApplyResult, type BatchAuthor, type BatchOutcome, type PendingBatch } from './apply-events.ts';
import { loadDirectory, type Directory } from './directory.ts';
import { importChunks, importDataset, type DatasetChunk, type ImportSummary } from './import-dataset.ts';
import { openDb, type Db } from './open-db.ts';
import { createRollupReader, type RollupReader } from './rollup-read.ts';
import { createCachedReader, type CachedReader } from './rollup-cache.ts';
import { writesFor } from './write-context.ts';
import { createWalSync } from './wal-sync.ts';

export interface Store {
  db: Db;
  dir: Directory;
  reader: CachedReader;
  importDataset(ds: Dataset): ImportSummary;
  /** The same write fed chunk by chunk while the source is still being read (a throw rolls it all back). */
  importChunks(chunks: Iterable<DatasetChunk>): ImportSummary;
  applyEvents(events: LiveEvent[], receivedAt: number, author?: BatchAuthor): ApplyResult;
  /**
   * Several requests' batches in one transaction, each validated after the ones before it. The
   * commit does not wait for the disk: answer only after `durable()` (store/wal-sync.ts).
   */
  applyBatches(batches: PendingBatch[], receivedAt: number, validate: (items: unknown[]) => { events: LiveEvent[]; errors: EventError[] }): { outcomes: BatchOutcome[]; touched: Set<string> };
  /** Resolves once every transaction committed so far is on disk (an fsync of the WAL, off this thread). */
  durable(): Promise<void>;
  lookup: EventLookup;
  /** What an import may refer to without carrying it itself. */
  importLookup: { hasOrg(code: string): OrgType | null; hasMember(id: string): boolean; hasMeeting(id: string): boolean; hasGroup(code: string): string | null };
  counts(): { orgs: number; members: number; events: number; meetings: number };
  /** Folds the WAL back into the database file; run periodically so the WAL stays bounded. */
  checkpoint(): void;
  close(): void;
}

export function createStore(file: string): Store {
  const db = openDb(file);
  // Members are read on first use, so the server answers the tree before it has read 47,000 of them.
  const dir = loadDirectory(db, { deferMembers: true });
  // The live window's rollups are served from memory and kept current by each commit.
  const reader = createCachedReader(db, createRollupReader(db));
  const countEvents = db.prepare('SELECT COUNT(*) AS n FROM events');
  const countMeetings = db.prepare('SELECT COUNT(*) AS n FROM meetings');
  const w = writesFor(db);
  const wal = createWalSync(db, file);
  const lookup: EventLookup = {
    orgType: (code) => dir.orgs.get(code)?.type ?? null,
    groupBranch: (code) => dir.groups.get(code)?.branch ?? null,
    member: (id) => {
      const m = dir.members.get(id);
      return m ? { status: m.status, left: m.leftOn !== null } : null;
    },
    meetingExists: (id) => w.getMeeting.get(id) !== undefined,
    taskExists: (id) => w.taskExists.get(id) !== undefined,
    applicantExists: (id) => w.applicantExists.get(id) !== undefined,
  };
  return {
    db,
    dir,
    reader,
    importDataset: (ds) => importDataset(db, dir, ds),
    importChunks: (chunks) => importChunks(db, dir, chunks),
    applyEvents: (events, receivedAt, author) => applyEvents(db, dir, events, receivedAt, author),
    applyBatches: (batches, receivedAt, validate) => wal.relaxed(() => applyBatches(db, dir, batches, receivedAt, validate)),
    durable: () => wal.durable(),
    lookup,
    importLookup: {
      hasOrg: (code) => dir.orgs.get(code)?.type ?? null,
      hasMember: (id) => dir.members.has(id),
      hasMeeting: (id) => w.getMeeting.get(id) !== undefined,
      hasGroup: (code) => dir.groups.get(code)?.branch ?? null,
    },
    counts: () => ({
      orgs: dir.orgs.size,
      members: [...dir.members.values()].filter((m) => m.leftOn === null).length,
      events: (countEvents.get() as { n: number }).n,
      meetings: (countMeetings.get() as { n: number }).n,
    }),
    checkpoint: () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    close: () => {
      wal.close();
      db.close();
    },
  };
}
