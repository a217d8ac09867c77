// Live batches commit without an fsync inside COMMIT and are answered after durable(): an fsync
// of the WAL off the JavaScript thread. Calls made while one runs share the next one, and every
// other writer keeps synchronous = FULL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../server/store/store.ts';
import { validateEvents } from '../../../server/sources/events/validate.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';

function fileStore() {
  const store = createStore(join(mkdtempSync(join(tmpdir(), 'vanguard-walsync-')), 'w.db'));
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
});
