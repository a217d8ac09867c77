import { describe, expect, it } from 'vitest';
import { monthEnd } from '../../../shared/periods.ts';
import { branchDues, branchDuesMonth, unpaidStreak } from '../../../shared/rules/dues.ts';
import { at, member, mm, months } from './builders.ts';

const MAY = at('2026-05-15T12:00');

describe('dues of one month for a branch', () => {
  it.each([
    ['paid on time', { paidFullAt: at('2026-03-20T10:00') }, { paid: { num: 1, den: 1 }, onTime: { num: 1, den: 1 } }],
    ['paid in the last second of the month', { paidFullAt: monthEnd('2026-03') - 1000 }, { paid: { num: 1, den: 1 }, onTime: { num: 1, den: 1 } }],
    ['paid at the first instant of the next month: late', { paidFullAt: monthEnd('2026-03') }, { paid: { num: 1, den: 1 }, onTime: { num: 0, den: 1 } }],
    ['paid at 2026-04-01T00:30+08:00 (still March in UTC): late', { paidFullAt: at('2026-04-01T00:30+08:00') }, { paid: { num: 1, den: 1 }, onTime: { num: 0, den: 1 } }],
    ['partial payments: full when the second one arrived, in April', { paidFullAt: at('2026-04-10T09:00') }, { paid: { num: 1, den: 1 }, onTime: { num: 0, den: 1 } }],
    ['a payment after asOf does not exist yet', { paidFullAt: at('2026-05-20T09:00') }, { paid: { num: 0, den: 1 }, onTime: { num: 0, den: 1 } }],
    ['unpaid', {}, { paid: { num: 0, den: 1 }, onTime: { num: 0, den: 1 } }],
    ['nothing due (before org_since)', { due: 0 }, { paid: { num: 0, den: 0 }, onTime: { num: 0, den: 0 } }],
    ['owed to another branch (transferred)', { branch: 'B2' }, { paid: { num: 0, den: 0 }, onTime: { num: 0, den: 0 } }],
  ])('%s', (_, over, parts) => {
    const m = member({ months: { '2026-03': mm(over) } });
    expect(branchDuesMonth('B1', [m], '2026-03', MAY)).toEqual(parts);
  });

  it('a member transferred mid-year counts in each branch for the months they belonged there', () => {
    const moved = member({
      current: false,
      months: months(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'], (m) => ({
        branch: m <= '2026-02' ? 'B1' : 'B2',
        paidFullAt: at(`${m}-05T09:00`),
      })),
    });
    expect(branchDues('B1', [moved], MAY).ytd.paid).toEqual({ num: 2, den: 2 });
    expect(branchDues('B2', [moved], MAY).ytd.paid).toEqual({ num: 2, den: 2 });
    expect(branchDues('B2', [moved], MAY).byMonth['2026-05'].paid).toEqual({ num: 1, den: 1 });
  });
});

describe('dues year to date', () => {
  const staff = [
    member({ id: 'A', months: months(['2026-01', '2026-02', '2026-03', '2026-04'], (m) => ({ paidFullAt: at(`${m}-10T09:00`) })) }),
    member({ id: 'B', months: months(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'], {}) }),
  ];
  it('ytd covers completed months only; per-month rates include the current month', () => {
    const d = branchDues('B1', staff, MAY);
    expect(d.ytd.paid).toEqual({ num: 4, den: 8 });
    expect(d.ytd.onTime).toEqual({ num: 4, den: 8 });
    expect(Object.keys(d.byMonth)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    expect(d.byMonth['2026-05'].paid).toEqual({ num: 0, den: 1 });
    expect(d.lastMonth).toBe('2026-04');
  });
  it('in January the last completed month is last December', () => {
    const d = branchDues('B1', [member({ months: months(['2025-12'], {}) })], at('2026-01-05T09:00'));
    expect(d.lastMonth).toBe('2025-12');
    expect(d.byMonth['2025-12'].paid).toEqual({ num: 0, den: 1 });
    expect(d.ytd.paid).toEqual({ num: 0, den: 0 });
  });
});

describe('dues.unpaidStreak', () => {
  const paid = { paidFullAt: at('2026-01-01T09:00') };
  it.each([
    ['unpaid March and April', { '2026-03': mm(), '2026-04': mm() }, 2],
    ['the current month never counts', { '2026-05': mm(), '2026-04': mm(paid) }, 0],
    ['a paid month breaks the streak', { '2026-02': mm(), '2026-03': mm(paid), '2026-04': mm() }, 1],
    ['a month without a record stops it', { '2026-02': mm(), '2026-04': mm() }, 1],
    ['a month with nothing due stops it', { '2026-02': mm(), '2026-03': mm({ due: 0 }), '2026-04': mm() }, 1],
    ['a payment after asOf leaves the month unpaid', { '2026-03': mm(), '2026-04': mm({ paidFullAt: at('2026-05-20T09:00') }) }, 2],
    ['months owed to a previous branch count: the streak is the member\'s', { '2026-03': mm({ branch: 'B2' }), '2026-04': mm() }, 2],
  ])('%s → %i', (_, monthsOf, streak) => {
    expect(unpaidStreak(member({ months: monthsOf }), MAY).streak).toBe(streak);
  });
  it('lists the months oldest first', () => {
    const m = member({ months: months(['2026-02', '2026-03', '2026-04']) });
    expect(unpaidStreak(m, MAY)).toEqual({ streak: 3, months: ['2026-02', '2026-03', '2026-04'] });
  });
});
