// A live payment moves its member's month of dues on from what the rollup already says
// (fact-ops.ts duesOfMonth) when that settles it, and sums every payment again when it does not.
// Either way the month must read as if every payment had been summed in time order: after each
// batch, member_month is compared with that sum over the dues table.
import { afterEach, describe, expect, it } from 'vitest';
import { parseInstant } from '../../../shared/periods.ts';
import { paidFullAt } from '../../../server/store/rollup-acc.ts';
import { createStore, type Store } from '../../../server/store/store.ts';
import type { LiveEvent } from '../../../server/sources/events/schema.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';

let store: Store;
afterEach(() => store?.close());

/** A payment: amount @ day of the month, 10:00 Shanghai. */
type Pay = [amount: number, day: string];
const at = (month: string, day: string) => `${month}-${day}T10:00:00+08:00`;

function month(s: Store, member: string, m: string) {
  const row = s.db.prepare('SELECT paid, paid_full_at AS fullAt FROM member_month WHERE member_id = ? AND month = ?').get(member, m) as { paid: number; fullAt: number | null };
  const payments = s.db.prepare('SELECT amount, paid_at AS paidAt FROM dues WHERE member_id = ? AND month = ?').all(member, m) as { amount: number; paidAt: number }[];
  return { row, fromScratch: paidFullAt(payments, s.dir.members.get(member)!.due) };
}

// Members of the tiny district owe 10 a month. M3 has no row for 2026-05; M1's 2026-04 row holds
// a meeting attended and no dues.
const cases: { name: string; member: string; month: string; batches: Pay[][]; paid: number; fullOn: string | null }[] = [
  { name: 'one payment in full', member: 'M3', month: '2026-05', batches: [[[10, '03']]], paid: 10, fullOn: '03' },
  { name: 'partial, then the rest', member: 'M3', month: '2026-05', batches: [[[4, '03']], [[6, '10']]], paid: 10, fullOn: '10' },
  { name: 'in full, then more later', member: 'M3', month: '2026-05', batches: [[[10, '03']], [[5, '20']], [[5, '21']]], paid: 20, fullOn: '03' },
  { name: 'in full, then an earlier payment sent late', member: 'M3', month: '2026-05', batches: [[[10, '20']], [[10, '02']]], paid: 20, fullOn: '02' },
  { name: 'partial, then an earlier payment completes it', member: 'M3', month: '2026-05', batches: [[[6, '20']], [[4, '02']]], paid: 10, fullOn: '20' },
  { name: 'two payments in one batch', member: 'M3', month: '2026-05', batches: [[[6, '04'], [4, '03']]], paid: 10, fullOn: '04' },
  { name: 'more paid at the very instant it was paid in full', member: 'M3', month: '2026-05', batches: [[[10, '03']], [[1, '03']]], paid: 11, fullOn: '03' },
  { name: 'sums compared in fen', member: 'M3', month: '2026-05', batches: [[[3.3, '01']], [[3.3, '02']], [[3.4, '03']], [[0.1, '04']]], paid: 10.1, fullOn: '03' },
  { name: 'nothing paid yet', member: 'M3', month: '2026-05', batches: [[[0, '01']], [[9.99, '02']]], paid: 9.99, fullOn: null },
  { name: 'a row with attendance and no dues', member: 'M1', month: '2026-04', batches: [[[10, '05']], [[1, '06']]], paid: 11, fullOn: '05' },
];

// The month as committed is read from the in-memory rollups once they hold its window (a live
// server), else from member_month.
describe.each([
  ['read from member_month', false],
  ['read from the rollup cache', true],
])('store: a live payment moves its month of dues (%s)', (_, cached) => {
  for (const c of cases) {
    it(c.name, () => {
      store = createStore(':memory:');
      store.importDataset(tinyDataset());
      if (cached) expect(store.reader.covers('2025-01')).toBe(true);
      expect(store.reader.duesState(c.member, c.month) !== undefined).toBe(cached);
      let n = 0;
      for (const batch of c.batches) {
        const events = batch.map(([amount, day]) => ({ id: `pay-${++n}`, type: 'dues.paid', at: at(c.month, day), member: c.member, month: c.month, amount }) as LiveEvent);
        store.applyEvents(events, Date.now());
        const { row, fromScratch } = month(store, c.member, c.month);
        expect(row).toEqual(fromScratch);
      }
      expect(month(store, c.member, c.month).row).toEqual({ paid: c.paid, fullAt: c.fullOn ? parseInstant(at(c.month, c.fullOn)) : null });
    });
  }
});
