import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../shared/rules/config.ts';
import { branchLight, type BranchLightInput } from '../../../shared/rules/branch-light.ts';
import { at, branch, member, org, task } from './builders.ts';

const MAY = at('2026-05-15T12:00');
const base = (over: Partial<BranchLightInput> = {}): BranchLightInput => ({
  facts: branch(),
  current: [],
  gapMonths: 0,
  redShare: null,
  compliance3m1l: null,
  duesLast: { month: '2026-04', rate: null },
  ...over,
});
const light = (over: Partial<BranchLightInput>, asOf = MAY) => branchLight(base(over), asOf, DEFAULT_RULES);
const only = (over: Partial<BranchLightInput>, asOf = MAY) => {
  const l = light(over, asOf);
  return l.reasons.length === 0 ? 'none' : `${l.reasons[0].level}: ${l.reasons[0].message}`;
};

describe('branch light rules, exactly on the boundary', () => {
  it('nothing triggered is green', () => expect(light({})).toEqual({ level: 'green', reasons: [] }));

  it.each([
    [0, 'none'],
    [1, 'yellow: 组织生活连续1个月未开展'],
    [2, 'red: 组织生活连续2个月未开展'],
    [5, 'red: 组织生活连续5个月未开展'],
  ])('orgLife gap %i → %s', (gapMonths, out) => expect(only({ gapMonths })).toBe(out));

  it.each([
    [null, 'none'],
    [0.1, 'none'],
    [0.125, 'yellow: 红灯党员占比12.5%，超过10%'],
    [0.2, 'yellow: 红灯党员占比20%，超过10%'],
    [0.25, 'red: 红灯党员占比25%，超过20%'],
  ])('redMembers share %s → %s', (redShare, out) => expect(only({ redShare })).toBe(out));

  it.each([
    [null, 'none'],
    [0.9, 'none'],
    [0.85, 'yellow: 今年三会一课完成率85%，低于90%'],
    [0.6, 'yellow: 今年三会一课完成率60%，低于90%'],
    [0.55, 'red: 今年三会一课完成率55%，低于60%'],
  ])('3m1l compliance %s → %s', (compliance3m1l, out) => expect(only({ compliance3m1l })).toBe(out));

  it.each([
    [null, 'none'],
    [0.95, 'none'],
    [0.94, 'yellow: 2026-04党费收缴率94%，低于95%'],
    [0.8, 'yellow: 2026-04党费收缴率80%，低于95%'],
    [0.75, 'red: 2026-04党费收缴率75%，低于80%'],
  ])('dues last month %s → %s', (rate, out) => expect(only({ duesLast: { month: '2026-04', rate } })).toBe(out));

  const people = (full: number, probationary = 0) => [
    ...Array.from({ length: full }, (_, i) => member({ id: `F${i}` })),
    ...Array.from({ length: probationary }, (_, i) => member({ id: `P${i}`, status: 'probationary' })),
  ];
  it.each([
    ['50 members with a committee', people(50), true, 'none'],
    ['51 members', people(51), true, 'yellow: 党员51名，超过50名，宜调整为党总支'],
    ['6 full + 1 probationary, no committee', people(6, 1), false, 'none'],
    ['7 full, no committee', people(7), false, 'yellow: 正式党员7名，应设立支部委员会'],
    ['7 full with a committee', people(7), true, 'none'],
    ['51 full, no committee: one reason, both sentences', people(51), false, 'yellow: 党员51名，超过50名，宜调整为党总支；正式党员51名，应设立支部委员会'],
  ])('structure: %s → %s', (_, current, hasCommittee, out) => {
    expect(only({ current, facts: branch({ org: org({ hasCommittee }) }) })).toBe(out);
  });

  // A committee's term of 5 years from 2021-03-01 ends at 2026-03-01T00:00+08:00.
  const committee = branch({ org: org({ type: 'committee', termStartedOn: '2021-03-01' }) });
  it.each([
    ['2025-08-31T23:59:59', 'none'],
    ['2025-09-01T00:00', 'yellow: 党委任期将于2026-03-01届满，还有181天，请提前筹备换届'],
    ['2026-02-28T23:59:59', 'yellow: 党委任期将于2026-03-01届满，还有1天，请提前筹备换届'],
    ['2026-03-01T00:00', 'red: 党委换届已到期 (应于2026-03-01前换届)'],
    ['2026-06-01T10:00', 'red: 党委换届已超期3个月 (应于2026-03-01前换届)'],
  ])('term at %s → %s', (when, out) => expect(only({ facts: committee }, at(when))).toBe(out));

  it.each([
    ['branch, default 3 years', org({ termStartedOn: '2023-05-15' }), 'red: 党支部换届已到期 (应于2026-05-15前换届)'],
    ['village branch, default 5 years', org({ termStartedOn: '2023-05-15', category: 'village' }), 'none'],
    ['imported term of 2 years', org({ termStartedOn: '2024-05-15', termYears: 2 }), 'red: 党支部换届已到期 (应于2026-05-15前换届)'],
    ['no term start known', org({ termStartedOn: null }), 'none'],
  ])('term: %s → %s', (_, o, out) => expect(only({ facts: branch({ org: o }) })).toBe(out));

  // Probation from 2025-05-20 ends at 2026-05-20T00:00+08:00; the warning starts 30 days before.
  const probationer = (over = {}) => [member({ status: 'probationary', probationStartedOn: '2025-05-20', ...over })];
  it.each([
    ['2026-04-19T23:59:59', probationer(), 'none'],
    ['2026-04-20T00:00', probationer(), 'yellow: 1名预备党员预备期将在30天内期满，请及时讨论转正'],
    ['2026-05-19T23:59:59', probationer(), 'yellow: 1名预备党员预备期将在30天内期满，请及时讨论转正'],
    ['2026-05-20T00:00', probationer(), 'red: 1名预备党员预备期已满未转正'],
    ['2026-05-20T00:00', [...probationer(), ...probationer({ id: 'M2' })], 'red: 2名预备党员预备期已满未转正'],
    ['2026-05-20T00:00', probationer({ status: 'full' }), 'none'],
  ])('probation at %s → %s', (when, current, out) => expect(only({ current }, at(when))).toBe(out));

  // A task due 2026-05-31 is overdue from 2026-06-01T00:00+08:00 (逾期1天, counted in calendar
  // days as people say it); red once more than 30 days late, i.e. from 2026-07-01 (逾期31天).
  const withTask = (over = {}) => branch({ tasks: [task(over)] });
  it.each([
    ['2026-05-31T23:59:59', {}, 'none'],
    ['2026-06-01T00:00', {}, 'yellow: 1项任务逾期未完成'],
    ['2026-06-30T23:59:59', {}, 'yellow: 1项任务逾期未完成'], // 逾期30天: not more than 30
    ['2026-07-01T00:00', {}, 'red: 1项任务逾期，最长逾期31天'],
    ['2026-07-02T00:00', { completedOn: '2026-06-20' }, 'none'],
    ['2026-06-10T00:00', { completedOn: '2026-06-20' }, 'yellow: 1项任务逾期未完成'],
  ])('tasks at %s %j → %s', (when, over, out) => expect(only({ facts: withTask(over) }, at(when))).toBe(out));

  it('structure: value and threshold describe the test that triggered', () => {
    const l = light({ current: people(8), facts: branch() });
    expect(l.reasons[0]).toMatchObject({ rule: 'structure', value: 8, threshold: 7 });
  });

  it('the light is the worst level and lists every triggered rule', () => {
    const l = light({ gapMonths: 1, compliance3m1l: 0.5, duesLast: { month: '2026-04', rate: 0.9 } });
    expect(l.level).toBe('red');
    expect(l.reasons.map((r) => [r.rule, r.level, r.value, r.threshold])).toEqual([
      ['orgLife', 'yellow', 1, 1],
      ['3m1l', 'red', 0.5, 0.6],
      ['dues', 'yellow', 0.9, 0.95],
    ]);
  });
});
