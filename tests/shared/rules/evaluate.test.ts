import { describe, expect, it } from 'vitest';
import type { MemberFacts } from '../../../shared/model.ts';
import { DEFAULT_RULES } from '../../../shared/rules/config.ts';
import { evaluateBranch } from '../../../shared/rules/evaluate-branch.ts';
import { at, branch, meetingMonth, member, months, org } from './builders.ts';

const MAY = at('2026-05-15T12:00');
const JAN_APR = ['2026-01', '2026-02', '2026-03', '2026-04'];
const paidOnTime = (m: string) => ({ paidFullAt: at(`${m}-05T09:00`), expected: 1, present: 1, presentPoints: 1 });

function staff(n: number, over: Partial<MemberFacts> = {}): MemberFacts[] {
  return Array.from({ length: n }, (_, i) => member({ id: `M${i}`, months: months(JAN_APR, paidOnTime), ...over }));
}

describe('evaluateBranch', () => {
  const meetings = Object.fromEntries(
    JAN_APR.map((m) => [m, meetingMonth({ theme_day: 1, general_meeting: m === '2026-03' ? 1 : 0, party_lesson: m === '2026-02' ? 1 : 0 }, 10, 9)]),
  );
  const moved = member({ id: 'X', current: false, months: months(['2026-01', '2026-02'], {}) }); // left owing two months
  const facts = branch({ meetings, members: [...staff(9), member({ id: 'P', status: 'probationary', months: months(JAN_APR, paidOnTime) }), moved] });
  const { evaluation, members } = evaluateBranch(facts, MAY, DEFAULT_RULES);

  it('holds the indicators the contract requires', () => {
    for (const id of ['compliance.3m1l', 'compliance.theme_day', 'attendance.rate', 'dues.rate.ytd', 'dues.onTime.ytd', 'score', 'orgLife.gapMonths', 'redMembers.share', 'members', 'probationary'])
      expect(evaluation.indicators, id).toHaveProperty([id]);
    for (const m of [...JAN_APR, '2026-05']) expect(evaluation.indicators).toHaveProperty([`dues.rate.${m}`]);
    expect(evaluation.indicators['meetings.theme_day.2026']).toBe(4);
  });

  it('computes rates from their parts', () => {
    expect(evaluation.ratios['compliance.3m1l']).toEqual({ num: 2, den: 2 });
    expect(evaluation.ratios['compliance.theme_day']).toEqual({ num: 4, den: 4 });
    expect(evaluation.ratios['attendance.rate']).toEqual({ num: 36, den: 40 });
    // The member who left still owed January and February here: 10 paid of 11 due in each.
    expect(evaluation.ratios['dues.rate.2026-01']).toEqual({ num: 10, den: 11 });
    expect(evaluation.ratios['dues.rate.ytd']).toEqual({ num: 40, den: 42 });
    expect(evaluation.ratios['dues.onTime.2026-03']).toEqual({ num: 10, den: 10 });
    expect(evaluation.indicators['dues.rate.2026-05']).toBeNull(); // nothing due yet this month
    expect(evaluation.ratios['compliance.3m1l.2026-03']).toEqual({ num: 2, den: 2 });
    expect(evaluation.ratios['redMembers.share']).toEqual({ num: 0, den: 10 });
  });

  it('counts current members only and carries the light and score', () => {
    expect(members.map((m) => m.id)).not.toContain('X');
    expect(evaluation.counts).toEqual({
      branches: 1,
      members: 10,
      probationary: 1,
      membersByLight: { red: 0, yellow: 0, green: 10 },
      branchesByLight: { red: 0, yellow: 1, green: 0, grey: 0 },
    });
    // 9 full members and no committee: the only rule triggered.
    expect(evaluation.light.level).toBe('yellow');
    expect(evaluation.light.reasons.map((r) => r.rule)).toEqual(['structure']);
    expect(evaluation.indicators['orgLife.gapMonths']).toBe(0); // nothing yet in May, but April was held
    const expected = 100 * (0.3 + 0.15 + 0.2 * 0.9 + 0.2 * (40 / 42) + 0.15) - 3;
    expect(evaluation.score).toBeCloseTo(expected, 10);
    expect(evaluation.ratios['score.weighted']).toEqual({ num: evaluation.score! * 10, den: 10 });
    expect(members[0]).toMatchObject({ vanguard: 8, vanguardItems: { attendance: 4, dues: 4, demoPosts: 0, volunteer: 0 } });
  });

  it('a branch with red members, no committee and nothing held', () => {
    const reds = staff(3, { months: months(['2026-02', '2026-03', '2026-04'], {}) });
    const r = evaluateBranch(branch({ members: [...reds, ...staff(7)] }), MAY, DEFAULT_RULES).evaluation;
    expect(r.counts.membersByLight).toEqual({ red: 3, yellow: 0, green: 7 });
    expect(r.indicators['redMembers.share']).toBeCloseTo(0.3);
    expect(r.light.level).toBe('red');
    expect(r.light.reasons.map((x) => x.rule)).toEqual(['orgLife', 'redMembers', '3m1l', 'dues', 'structure']);
    expect(r.indicators['compliance.3m1l']).toBe(0);
  });

  it('a branch not yet founded is grey with no score', () => {
    const r = evaluateBranch(branch({ org: org({ establishedOn: '2026-06-01' }) }), MAY, DEFAULT_RULES).evaluation;
    expect(r.light.level).toBe('grey');
    expect(r.score).toBeNull();
    expect(r.counts.branchesByLight.grey).toBe(1);
    expect(r.indicators['compliance.3m1l']).toBeNull();
  });

  it('in January the dues light reads last December', () => {
    const dec = [member({ id: 'A', months: months(['2025-12'], {}) }), member({ id: 'B', months: months(['2025-12'], { paidFullAt: at('2025-12-03T09:00') }) })];
    const r = evaluateBranch(branch({ members: dec }), at('2026-01-10T09:00'), DEFAULT_RULES).evaluation;
    expect(r.light.reasons.find((x) => x.rule === 'dues')?.message).toBe('2025-12党费收缴率50%，低于80%');
    expect(r.indicators['dues.rate.2025-12']).toBe(0.5);
    expect(r.indicators['dues.rate.ytd']).toBeNull(); // no completed month this year yet
    expect(r.indicators['compliance.3m1l']).toBeNull();
  });
});
