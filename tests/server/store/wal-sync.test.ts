// Live batches commit without an fsync inside COMMIT and are answered after durable(): an fsync
// of the WAL off the JavaScript thread. Calls made while one runs share the next one, and every
// other writer keeps synchronous = FULL.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../server/store/store.ts';
import { validateEvents } from '../../../server/sources/events/validate.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';

function fileStore(file = join(mkdtempSync(join(tmpdir(), 'vanguard-walsync-')), 'w.db')) {
  const store = createStore(file);
  store.importDataset(tinyDataset());
  return store;
}

describe('durable commits off the thread', () => {
  it('keeps synchronous = FULL outside the relaxed live batches', async () => {
    const store = fileStore();
    const now = Date.parse('2026-04-20T00:00:00+08:00');
    const items = [{ id: 'w1', type: 'dues.paid', at: '2026-04-15T10:00:00+08:00', member: 'M1', month: '2026-04', amount: 1 }];
    const { outcomes } = store.applyBatches([{ items }], now, (it) => validateEvents(it, store.lookup, now));
    expect(outcomes[0]).toMatchObject({ ok: true, accepted: 1 });
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    // The automatic checkpoint is off only during the live batch (a thread checkpoints after it).
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await store.durable();
    store.close();
  });

  it('shares one fsync between the callers that come while one runs', async () => {
    const store = fileStore();
    const a = store.durable();
    const b = store.durable();
    const c = store.durable();
    expect(b).toBe(c);
    expect(a).not.toBe(b);
    await Promise.all([a, b, c]);
    // Nothing running any more: the next caller starts its own.
    const d = store.durable();
    expect(d).not.toBe(b);
    await d;
    store.close();
  });

  it('answers at once for an in-memory database', async () => {
    const store = createStore(':memory:');
    await expect(store.durable()).resolves.toBeUndefined();
    store.close();
  });

  it('keeps every row of live batches committed with the automatic checkpoint off', async () => {
    const store = fileStore();
    const now = Date.parse('2026-04-20T00:00:00+08:00');
    for (let b = 0; b < 20; b++) {
      const items = Array.from({ length: 200 }, (_, i) => ({ id: `c${b}-${i}`, type: 'activity.logged', at: '2026-04-15T10:00:00+08:00', member: `M${(i % 4) + 1}`, kind: 'volunteer', hours: 1 }));
      store.applyBatches([{ items }], now, (it) => validateEvents(it, store.lookup, now));
      await store.durable();
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 300));
    // Nothing is stuck in the WAL: a checkpoint copies it all.
    const [cp] = store.db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(cp.checkpointed).toBe(cp.log);
    expect(store.counts().events).toBe(4000);
    const hours = store.db.prepare("SELECT SUM(volunteer_hours) AS h FROM member_month WHERE month = '2026-04'").get() as { h: number };
    expect(hours.h).toBe(4000);
    store.close();
  });

  it('closes the checkpoint thread first, so closing the store still folds the WAL into the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vanguard-walsync-')), 'c.db');
    const store = fileStore(file);
    const now = Date.parse('2026-04-20T00:00:00+08:00');
    const items = [{ id: 'x1', type: 'dues.paid', at: '2026-04-15T10:00:00+08:00', member: 'M1', month: '2026-04', amount: 1 }];
    store.applyBatches([{ items }], now, (it) => validateEvents(it, store.lookup, now));
    await store.durable();
    await new Promise((r) => setTimeout(r, 200));
    store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
