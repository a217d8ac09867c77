// The health check behind a light: the rules an organisation passed, with what they read now.
import { describe, expect, it } from 'vitest';
import type { MemberFacts } from '../../../shared/model.ts';
import { DEFAULT_RULES } from '../../../shared/rules/config.ts';
import { evaluateBranch } from '../../../shared/rules/evaluate-branch.ts';
import { passedChecks } from '../../../shared/rules/light-checks.ts';
import { rollupOrg } from '../../../shared/rules/rollup.ts';
import { at, branch, meetingMonth, member, months, org, task } from './builders.ts';

const MAY = at('2026-05-15T12:00');
const JAN_APR = ['2026-01', '2026-02', '2026-03', '2026-04'];
const paidOnTime = (m: string) => ({ paidFullAt: at(`${m}-05T09:00`), expected: 1, present: 1, presentPoints: 1 });
const staff = (n: number, over: Partial<MemberFacts> = {}) => Array.from({ length: n }, (_, i) => member({ id: `M${i}`, months: months(JAN_APR, paidOnTime), ...over }));
// A theme day every month, a general meeting in March and a party lesson in February: 3m1l and
// theme days all fulfilled up to April.
const meetings = Object.fromEntries(
  JAN_APR.map((m) => [m, meetingMonth({ theme_day: 1, general_meeting: m === '2026-03' ? 1 : 0, party_lesson: m === '2026-02' ? 1 : 0 }, 10, 9)]),
);

describe('passedChecks', () => {
  it('a green branch passes every branch rule, each with what it reads and its yellow line', () => {
    // A branch with a committee also owes a committee meeting every month.
    const withCommittee = Object.fromEntries(Object.entries(meetings).map(([m, mm]) => [m, { ...mm, kinds: { ...mm.kinds, committee_meeting: 1 } }]));
    const facts = branch({ org: org({ hasCommittee: true, termStartedOn: '2024-03-01' }), meetings: withCommittee, members: [...staff(9), member({ id: 'P', status: 'probationary', probationStartedOn: '2026-01-10', months: months(JAN_APR, paidOnTime) })] });
    const e = evaluateBranch(facts, MAY, DEFAULT_RULES).evaluation;
    expect(e.light.level).toBe('green');
    expect(passedChecks(e, facts.org, MAY, DEFAULT_RULES)).toEqual([
      { rule: 'orgLife', value: 0, threshold: 1 },
      { rule: 'redMembers', value: 0, threshold: 0.1 },
      // Three years from 2024-03-01 (a branch's default term).
      { rule: 'term', value: null, threshold: '2027-03-01' },
      { rule: 'probation', value: 1, threshold: 30 },
      { rule: '3m1l', value: 1, threshold: 0.9 },
      // April is the last completed month in May: all ten paid.
      { rule: 'dues', value: 1, threshold: 0.95 },
      { rule: 'tasks', value: 0, threshold: null },
      { rule: 'structure', value: 10, threshold: 50 },
    ]);
  });

  it('leaves out the rules that triggered (they are the reasons) and a term nobody set', () => {
    const facts = branch({ meetings, members: staff(5), tasks: [task({ dueOn: '2026-04-01' })] });
    const e = evaluateBranch(facts, MAY, DEFAULT_RULES).evaluation;
    expect(e.light.reasons.map((r) => r.rule)).toEqual(['tasks']);
    const rules = passedChecks(e, facts.org, MAY, DEFAULT_RULES).map((c) => c.rule);
    expect(rules).toEqual(['orgLife', 'redMembers', 'probation', '3m1l', 'dues', 'structure']);
  });

  it('reads nothing where there is nothing to read yet', () => {
    // In early January nothing of this year is required and no month of it has ended.
    const jan = at('2026-01-03T12:00');
    const facts = branch({ members: staff(3) });
    const e = evaluateBranch(facts, jan, DEFAULT_RULES).evaluation;
    const byRule = Object.fromEntries(passedChecks(e, facts.org, jan, DEFAULT_RULES).map((c) => [c.rule, c.value]));
    expect(byRule['3m1l']).toBeNull();
  });

  it('holds a committee to its own light: the term and its red branches', () => {
    const child = evaluateBranch(branch({ meetings, members: staff(3) }), MAY, DEFAULT_RULES).evaluation;
    const committee = org({ code: 'C1', type: 'committee', parentCode: 'D', hasCommittee: true, termStartedOn: '2023-06-01', children: ['B1'] });
    const e = rollupOrg(committee, [child], MAY, DEFAULT_RULES);
    expect(e.light.level).toBe('green');
    expect(passedChecks(e, committee, MAY, DEFAULT_RULES)).toEqual([
      { rule: 'term', value: null, threshold: '2028-06-01' },
      { rule: 'redBranches', value: 0, threshold: 0.2 },
    ]);
  });

  it('has nothing to say for an organisation not yet evaluated (grey)', () => {
    const facts = branch({ org: org({ establishedOn: '2026-06-01' }) });
    const e = evaluateBranch(facts, MAY, DEFAULT_RULES).evaluation;
    expect(e.light.level).toBe('grey');
    expect(passedChecks(e, facts.org, MAY, DEFAULT_RULES)).toEqual([]);
  });
});
