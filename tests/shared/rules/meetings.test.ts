import { describe, expect, it } from 'vitest';
import { monthOf } from '../../../shared/periods.ts';
import { attendanceRatio, meetingCounts, orgLifeGapMonths } from '../../../shared/rules/meetings.ts';
import { at, branch, meetingMonth, org } from './builders.ts';

const MAY = at('2026-05-15T12:00');
const held = (...months: string[]) => Object.fromEntries(months.map((m) => [m, meetingMonth({ theme_day: 1 })]));

describe('orgLife.gapMonths', () => {
  it.each([
    ['held in the current month', branch({ meetings: held('2026-05') }), 0],
    ['held last month, not yet this month (the current month never counts)', branch({ meetings: held('2026-04') }), 0],
    ['none in March and April', branch({ meetings: held('2026-02') }), 2],
    ['a study session is not organisational life', branch({ meetings: { '2026-04': meetingMonth({ study: 3 }), ...held('2026-03') } }), 1],
    ['a group meeting is', branch({ meetings: { '2026-04': meetingMonth({ group_meeting: 1 }) } }), 0],
    ['founded 2026-04-10: months before founding stop the count', branch({ org: org({ establishedOn: '2026-04-10' }) }), 1],
    ['founded this month', branch({ org: org({ establishedOn: '2026-05-02' }) }), 0],
    ['nothing ever held: capped at the 24-month fact window', branch(), 24],
    ['2026-04-01T00:30+08:00 is April', branch({ meetings: { [monthOf(at('2026-04-01T00:30+08:00'))]: meetingMonth({ theme_day: 1 }) } }), 0],
  ])('%s → %i', (_, facts, gap) => {
    expect(orgLifeGapMonths(facts, MAY)).toBe(gap);
  });
});

describe('attendance.rate parts', () => {
  it('sums present and expected over this year only; leave is not present', () => {
    const facts = branch({
      meetings: {
        '2025-12': meetingMonth({ theme_day: 1 }, 10, 10),
        '2026-01': meetingMonth({ theme_day: 1 }, 10, 8), // 2 on leave are simply not present
        '2026-05': meetingMonth({ general_meeting: 1 }, 10, 5),
      },
    });
    expect(attendanceRatio(facts, MAY)).toEqual({ num: 13, den: 20 });
  });
});

describe('meeting counts', () => {
  it('per month of this year and for the year', () => {
    const facts = branch({
      meetings: { '2025-12': meetingMonth({ study: 5 }), '2026-02': meetingMonth({ study: 2 }), '2026-05': meetingMonth({ study: 1, theme_day: 1 }) },
    });
    const counts = meetingCounts(facts, MAY);
    expect(counts['meetings.study.2026-02']).toBe(2);
    expect(counts['meetings.study.2026-05']).toBe(1);
    expect(counts['meetings.study.2026']).toBe(3);
    expect(counts['meetings.theme_day.2026']).toBe(1);
    expect(counts['meetings.general_meeting.2026-01']).toBe(0);
    expect(counts['meetings.study.2026-06']).toBeUndefined();
    expect(counts['meetings.study.2025-12']).toBeUndefined();
  });
});
