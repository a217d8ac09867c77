import { describe, expect, it } from 'vitest';
import { monthRange } from '../../../shared/periods.ts';
import { DEFAULT_RULES } from '../../../shared/rules/config.ts';
import { absenceStreak, memberLight } from '../../../shared/rules/member-light.ts';
import { vanguardPoints } from '../../../shared/rules/vanguard.ts';
import { at, member, mm, months } from './builders.ts';

const MAY = at('2026-05-15T12:00');
const PAID = { paidFullAt: at('2026-01-01T09:00') };
const absent = mm({ ...PAID, expected: 2 });
const present = mm({ ...PAID, expected: 2, present: 1 });
const onLeave = mm({ ...PAID, expected: 2, excused: 1 });
const notExpected = mm({ ...PAID, expected: 0 });

describe('absenceStreak', () => {
  it.each([
    ['absent March and April', { '2026-03': absent, '2026-04': absent }, 2],
    ['absent in the current month only: never counts', { '2026-04': present, '2026-05': absent }, 0],
    ['leave (excused) is not absence and breaks the streak', { '2026-03': absent, '2026-04': onLeave }, 0],
    ['present at one meeting breaks it', { '2026-02': absent, '2026-03': present, '2026-04': absent }, 1],
    ['months expected at nothing are skipped', { '2026-02': absent, '2026-03': notExpected, '2026-04': absent }, 2],
    ['months without a record are skipped', { '2026-02': absent, '2026-04': absent }, 2],
    ['looks back 12 months at most', months(monthRange('2024-06', '2026-04'), { ...PAID, expected: 1 }), 12],
  ])('%s → %i', (_, monthsOf, streak) => {
    expect(absenceStreak(member({ months: monthsOf }), MAY, DEFAULT_RULES).streak).toBe(streak);
  });
});

describe('member light', () => {
  it.each([
    ['all well', { '2026-04': present }, 'green', []],
    ['one unpaid month', { '2026-04': mm({ expected: 1, present: 1 }) }, 'yellow', ['党费连续1个月未缴 (2026-04)']],
    ['three unpaid months', months(['2026-02', '2026-03', '2026-04'], { expected: 1, present: 1 }), 'red', ['党费连续3个月未缴 (2026-02, 2026-03, 2026-04)']],
    ['six unpaid months: 自行脱党 risk', months(monthRange('2025-11', '2026-04'), { expected: 1, present: 1 }), 'red', ['党费连续6个月未缴 (2025-11, 2025-12, 2026-01, 2026-02, 2026-03, 2026-04)，有自行脱党风险']],
    ['two months absent', { '2026-03': absent, '2026-04': absent }, 'yellow', ['连续2个月未参加组织生活 (2026-03, 2026-04)']],
    ['both', { '2026-02': mm({ expected: 1 }), '2026-03': mm({ expected: 1 }), '2026-04': mm({ expected: 1 }) }, 'red', ['党费连续3个月未缴 (2026-02, 2026-03, 2026-04)', '连续3个月未参加组织生活 (2026-02, 2026-03, 2026-04)']],
    ['current month unpaid and absent: not yet', { '2026-04': present, '2026-05': mm({ expected: 1 }) }, 'green', []],
  ])('%s → %s', (_, monthsOf, level, messages) => {
    const { light } = memberLight(member({ months: monthsOf }), MAY, DEFAULT_RULES);
    expect(light.level).toBe(level);
    expect(light.reasons.map((r) => r.message)).toEqual(messages);
  });

  it('reasons carry rule, value and threshold', () => {
    const { light, unpaidStreak, absenceStreak } = memberLight(member({ months: months(['2026-02', '2026-03', '2026-04'], {}) }), MAY, DEFAULT_RULES);
    expect(light.reasons[0]).toMatchObject({ rule: 'dues', level: 'red', value: 3, threshold: 3 });
    expect([unpaidStreak, absenceStreak]).toEqual([3, 0]);
  });
});

describe('vanguard index', () => {
  it('sums this year by item: attendance 1, on-time dues 1, demo posts 2, volunteer 0.5/h', () => {
    const m = member({
      months: {
        '2025-12': mm({ presentPoints: 9, paidFullAt: at('2025-12-02T09:00') }),
        '2026-01': mm({ presentPoints: 2, paidFullAt: at('2026-01-05T09:00'), demoPosts: 1 }),
        '2026-02': mm({ presentPoints: 1, paidFullAt: at('2026-03-05T09:00'), volunteerHours: 3 }), // late: no dues point
        '2026-03': mm({ branch: 'B2', presentPoints: 1, paidFullAt: at('2026-03-05T09:00') }), // points follow the member
        '2026-05': mm({ paidFullAt: at('2026-05-02T09:00') }), // current month, already paid on time
        '2026-04': mm({ paidFullAt: at('2026-05-20T09:00') }), // after asOf: not paid
      },
    });
    expect(vanguardPoints(m, MAY, DEFAULT_RULES)).toEqual({
      vanguard: 4 + 3 + 2 + 1.5,
      vanguardItems: { attendance: 4, dues: 3, demoPosts: 2, volunteer: 1.5 },
    });
  });
});
