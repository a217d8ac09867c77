// Runs a write as one transaction with a fresh rollup accumulator. If anything throws, SQLite
// rolls back and the in-memory directory is reloaded, so memory never runs ahead of the disk.

import { loadDirectory, loadMembersNow, type Directory } from './directory.ts';
import type { Ctx } from './fact-ops.ts';
import { flushRollups } from './fact-ops.ts';
import type { Db } from './open-db.ts';
import { RollupAcc } from './rollup-acc.ts';
import { prepareWrites, type Writes } from './statements.ts';

const cache = new WeakMap<Db, Writes>();

export function writesFor(db: Db): Writes {
  let w = cache.get(db);
  if (!w) cache.set(db, (w = prepareWrites(db)));
  return w;
}

/** Told of every committed write's rollup increments (the in-memory rollup cache listens). */
const committedListeners = new WeakMap<Db, (acc: RollupAcc) => void>();
export function onCommitted(db: Db, listener: (acc: RollupAcc) => void): void {
  committedListeners.set(db, listener);
}

/** Where a write may read a member's month of dues as committed without SQL (the rollup cache). */
const duesStates = new WeakMap<Db, NonNullable<Ctx['duesState']>>();
export function readDuesFrom(db: Db, duesState: NonNullable<Ctx['duesState']>): void {
  duesStates.set(db, duesState);
}

/** flush: writes ctx.acc's rollups before the commit; the bulk import passes its batched one. */
export function inWriteTransaction<T>(
  db: Db,
  dir: Directory,
  body: (ctx: Ctx) => T,
  flush: (ctx: Ctx) => void = flushRollups,
): { result: T; touched: Set<string> } {
  // Read before the transaction: a deferred load inside it would see its own uncommitted rows.
  loadMembersNow(dir);
  const w = writesFor(db);
  const ctx: Ctx = {
    w,
    dir,
    acc: new RollupAcc(),
    meetings: new Map(),
    payments: new Map(),
    duesWasEmpty: (w.anyDues.get() as { x: number }).x === 0,
    duesState: duesStates.get(db),
  };
  try {
    const result = db.transaction(() => {
      const r = body(ctx);
      flush(ctx);
      return r;
    })();
    committedListeners.get(db)?.(ctx.acc);
    return { result, touched: ctx.acc.touched };
  } catch (err) {
    Object.assign(dir, loadDirectory(db), { version: dir.version + 1 });
    throw err;
  }
}
