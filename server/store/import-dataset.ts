// Writes a validated dataset (CONTRACTS §1) in one transaction: all of it or none of it.
// Re-importing the same rows changes nothing: facts are keyed by id, and the tree is upserted.
// Two ways in, one writer: a whole Dataset (importDataset), or chunks of rows streamed from a
// reader while it is still reading (importChunks); either way a throw rolls everything back.

import { DATASET_FILES, type Dataset, type DatasetFile, type OrgRow } from '../../shared/domain.ts';
import { parseDate } from '../../shared/periods.ts';
import type { Directory } from './directory.ts';
import { flushRollups, putActivity, putAttendance, putDues, putGroup, putMeeting, putMember, putOrg, type Ctx } from './fact-ops.ts';
import { factWriters } from './import-facts.ts';
import { setIndexesAside } from './import-indexes.ts';
import { importRollupFlush } from './import-rollups.ts';
import type { Db } from './open-db.ts';
import { inWriteTransaction } from './write-context.ts';

export interface ImportSummary {
  /** Rows read per file, and rows that were new (the rest were already there). */
  rows: Record<DatasetFile, number>;
  added: Record<DatasetFile, number>;
  touched: Set<string>;
}

/** Rows of one file, in the order they are to be written; orgs come whole (parents first). */
export type DatasetChunk = { [F in DatasetFile]: { file: F; rows: Dataset[F] } }[DatasetFile];

/** Parents before children, so the in-memory tree links as it goes. */
function byDepth(orgs: OrgRow[]): OrgRow[] {
  const parent = new Map(orgs.map((o) => [o.code, o.parent_code]));
  const depth = (code: string): number => {
    let d = 0;
    for (let p = parent.get(code); p && d < 64; p = parent.get(p)) d++;
    return d;
  };
  return orgs
    .map((o) => [depth(o.code), o] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, o]) => o);
}

/** Sorted by key; a file already in key order (every export is) is returned as is, unsorted. */
function sortBy<T>(rows: T[], key: (r: T) => string): T[] {
  let inOrder = true;
  for (let i = 1; i < rows.length && inOrder; i++) inOrder = key(rows[i - 1]) <= key(rows[i]);
  if (inOrder) return rows;
  const keyed = rows.map((r) => [key(r), r] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map(([, r]) => r);
}

/** Facts go in in key order (see flushRollups): the order of rows in a file means nothing. */
export function inKeyOrder(ds: Dataset): Dataset {
  return {
    ...ds,
    meetings: sortBy(ds.meetings, (x) => x.id),
    attendance: sortBy(ds.attendance, (x) => `${x.meeting_id}\u0000${x.member_id}`),
    dues: sortBy(ds.dues, (x) => x.id),
    activities: sortBy(ds.activities, (x) => x.id),
  };
}

function emptyCounts(): Record<DatasetFile, number> {
  return Object.fromEntries(DATASET_FILES.map((f) => [f, 0])) as Record<DatasetFile, number>;
}

type PutRow = { [F in DatasetFile]: (r: Dataset[F][number]) => boolean };

/**
 * How rows are written. bulk (the default): facts and rollups a batch of rows per statement
 * (import-facts.ts, import-rollups.ts); false: row by row through fact-ops, as live events are,
 * which is what the bulk writer is tested against (tests/server/store/import-bulk.test.ts).
 */
export interface ImportOptions {
  bulk?: boolean;
}

/** One writer per file: writes a row inside the caller's transaction and says whether it was new. */
function rowWriters(ctx: Ctx): PutRow {
  const since1970 = parseDate('1970-01-01')!;
  return {
    orgs: (r) => {
      const isNew = !ctx.dir.orgs.has(r.code);
      putOrg(ctx, r);
      return isNew;
    },
    groups: (r) => {
      const isNew = !ctx.dir.groups.has(r.code);
      putGroup(ctx, r);
      return isNew;
    },
    members: (r) => putMember(ctx, r, since1970),
    meetings: (r) => putMeeting(ctx, r),
    attendance: (r) => putAttendance(ctx, r),
    dues: (r) => putDues(ctx, r),
    activities: (r) => putActivity(ctx, r),
    tasks: (r) => {
      ctx.acc.touched.add(r.org_code);
      return ctx.w.upsertTask.run(r.id, r.org_code, r.title, r.due_on, r.completed_on).changes > 0;
    },
    applicants: (r) => {
      ctx.acc.touched.add(r.org_code);
      ctx.w.upsertApplicant.run(r.id, r.name, r.org_code, r.stage, r.stage_since);
      return true;
    },
  };
}

/** Writes chunks inside the caller's transaction and counts rows read and rows new. */
function chunkWriter(db: Db, ctx: Ctx, bulk: boolean) {
  const rows = emptyCounts();
  const added = emptyCounts();
  const writers = rowWriters(ctx);
  const facts = bulk ? factWriters(db, ctx) : null;
  const put = (c: DatasetChunk): void => {
    rows[c.file] += c.rows.length;
    if (facts !== null && (c.file === 'meetings' || c.file === 'attendance' || c.file === 'dues' || c.file === 'activities')) {
      added[c.file] += (facts[c.file] as (r: typeof c.rows) => number)(c.rows);
      return;
    }
    const write = writers[c.file] as (r: unknown) => boolean;
    const list: readonly unknown[] = c.file === 'orgs' ? byDepth(c.rows) : c.rows;
    let n = 0;
    for (const r of list) if (write(r)) n++;
    added[c.file] += n;
  };
  return { put, rows, added };
}

/**
 * Writes chunks as they come, in DATASET_FILES order, in one transaction. The source may throw
 * at any point (a bad row found late in a big file): the transaction then rolls back and the
 * error goes on to the caller, so nothing of the import stays.
 */
export function importChunks(db: Db, dir: Directory, chunks: Iterable<DatasetChunk>, options: ImportOptions = {}): ImportSummary {
  const bulk = options.bulk ?? true;
  const flush = bulk ? importRollupFlush(db) : flushRollups;
  let putBack = () => {};
  const { result, touched } = inWriteTransaction(
    db,
    dir,
    (ctx) => {
      if (bulk) putBack = setIndexesAside(db);
      const writer = chunkWriter(db, ctx, bulk);
      for (const c of chunks) writer.put(c);
      return writer;
    },
    (ctx) => {
      flush(ctx);
      putBack();
    },
  );
  return { rows: result.rows, added: result.added, touched };
}

export function importDataset(db: Db, dir: Directory, ds: Dataset, options: ImportOptions = {}): ImportSummary {
  const sorted = inKeyOrder(ds);
  return importChunks(db, dir, DATASET_FILES.map((file) => ({ file, rows: sorted[file] }) as DatasetChunk), options);
}
