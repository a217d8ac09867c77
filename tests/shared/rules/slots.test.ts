import { describe, expect, it } from 'vitest';
import type { MeetingKind } from '../../../shared/domain.ts';
import { monthOf } from '../../../shared/periods.ts';
import { DEFAULT_RULES } from '../../../shared/rules/config.ts';
import { rate } from '../../../shared/rules/ratio.ts';
import { compliance, complianceByMonth, requiredSlots } from '../../../shared/rules/slots.ts';
import { at, branch, meetingMonth, org } from './builders.ts';

const MAY = at('2026-05-15T12:00');
type Kinds = Partial<Record<MeetingKind, number>>;
const every = (months: string[], kinds: Kinds) => Object.fromEntries(months.map((m) => [m, meetingMonth(kinds)]));
const JAN_APR = ['2026-01', '2026-02', '2026-03', '2026-04'];
const ALL: Kinds = { general_meeting: 1, party_lesson: 1, theme_day: 1, committee_meeting: 1 };

function evaluate(facts = branch(), asOf = MAY, rules = DEFAULT_RULES) {
  const c = compliance(requiredSlots(facts, asOf, rules));
  return { c3m1l: c.c3m1l, themeDay: c.themeDay };
}

describe('slots and compliance', () => {
  it.each([
    ['no committee, no groups, all held: quarterly slots of Q1, and Q2 already fulfilled in April', branch({ meetings: every(JAN_APR, ALL) }), { num: 4, den: 4 }, { num: 4, den: 4 }],
    ['nothing held: completed slots count against, the current month and quarter do not', branch(), { num: 0, den: 2 }, { num: 0, den: 4 }],
    ['with a committee: monthly committee slots Jan–Apr on top', branch({ org: org({ hasCommittee: true }), meetings: every(JAN_APR, ALL) }), { num: 8, den: 8 }, { num: 4, den: 4 }],
    ['committee meetings held by a branch without a committee are not required', branch({ meetings: every(JAN_APR, { committee_meeting: 1 }) }), { num: 0, den: 2 }, { num: 0, den: 4 }],
    ['current month fulfilled counts: May theme day and committee meeting', branch({ org: org({ hasCommittee: true }), meetings: every([...JAN_APR, '2026-05'], { theme_day: 1, committee_meeting: 1 }) }), { num: 5, den: 7 }, { num: 5, den: 5 }],
    ['current quarter fulfilled counts: Q2 general meeting held in April', branch({ meetings: every(['2026-04'], { general_meeting: 1 }) }), { num: 1, den: 3 }, { num: 0, den: 4 }],
    ['founded 2026-03-10: Q1 and March count, January and February do not', branch({ org: org({ establishedOn: '2026-03-10' }) }), { num: 0, den: 2 }, { num: 0, den: 2 }],
    ['founded in the current quarter: nothing required yet', branch({ org: org({ establishedOn: '2026-05-02' }) }), { num: 0, den: 0 }, { num: 0, den: 0 }],
    ['meetings of last year do not fulfil this year', branch({ meetings: every(['2025-12'], ALL) }), { num: 0, den: 2 }, { num: 0, den: 4 }],
  ])('%s', (_, facts, c3m1l, themeDay) => {
    expect(evaluate(facts)).toEqual({ c3m1l, themeDay });
  });

  it('group meetings: one monthly slot per group, fulfilled by that group only', () => {
    const facts = branch({
      org: org({ groups: ['G1', 'G2'] }),
      groupMeetings: { G1: { '2026-01': 1, '2026-02': 1, '2026-03': 1, '2026-04': 1 }, G2: { '2026-04': 2 } },
    });
    const c = evaluate(facts).c3m1l;
    expect(c).toEqual({ num: 5, den: 2 + 8 });
  });

  it('nothing required yet is null, not 0 % or 100 %', () => {
    const { c3m1l, themeDay } = evaluate(branch(), at('2026-01-10T09:00'));
    expect([rate(c3m1l), rate(themeDay)]).toEqual([null, null]);
  });

  it('an event at 2026-04-01T00:30+08:00 belongs to April although it is March in UTC', () => {
    const held = at('2026-04-01T00:30+08:00');
    expect(new Date(held).toISOString().slice(0, 7)).toBe('2026-03');
    const facts = branch({ meetings: { [monthOf(held)]: meetingMonth({ theme_day: 1 }) } });
    const byMonth = complianceByMonth(requiredSlots(facts, MAY, DEFAULT_RULES), MAY);
    expect(byMonth['2026-03'].themeDay).toEqual({ num: 0, den: 1 });
    expect(byMonth['2026-04'].themeDay).toEqual({ num: 1, den: 1 });
  });

  it('asOf exactly at a month start: the previous month is completed, the new one current', () => {
    expect(evaluate(branch(), at('2026-04-01T00:00+08:00')).themeDay).toEqual({ num: 0, den: 3 });
    expect(evaluate(branch(), at('2026-03-31T23:59:59+08:00')).themeDay).toEqual({ num: 0, den: 2 });
  });

  it('party lesson by month when the rules say so', () => {
    const rules = { ...DEFAULT_RULES, slots: { partyLesson: 'month' as const } };
    expect(evaluate(branch(), MAY, rules).c3m1l).toEqual({ num: 0, den: 1 + 4 });
  });

  it('per month: each month gets the slots that end in it; the unfinished month only if fulfilled', () => {
    const facts = branch({ org: org({ hasCommittee: true }), meetings: every(['2026-01', '2026-03'], ALL) });
    const byMonth = complianceByMonth(requiredSlots(facts, MAY, DEFAULT_RULES), MAY);
    expect(Object.keys(byMonth)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    expect(byMonth['2026-01'].c3m1l).toEqual({ num: 1, den: 1 }); // committee
    expect(byMonth['2026-02'].c3m1l).toEqual({ num: 0, den: 1 });
    expect(byMonth['2026-03'].c3m1l).toEqual({ num: 3, den: 3 }); // committee + Q1 general + Q1 lesson
    expect(byMonth['2026-05'].c3m1l).toEqual({ num: 0, den: 0 });
    expect(byMonth['2026-05'].themeDay).toEqual({ num: 0, den: 0 });
  });
});
