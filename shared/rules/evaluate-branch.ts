// One branch evaluated as of an instant: member results first (the branch light needs the share
// of red members), then indicators with their ratio parts for roll-ups, then light and score.

import type { BranchFacts, MemberResult, OrgEvaluation, Ratio } from '../model.ts';
import { parseDate } from '../periods.ts';
import type { RulesConfig } from './config.ts';
import { branchLight } from './branch-light.ts';
import { branchDues } from './dues.ts';
import { attendanceRatio, meetingCounts, orgLifeGapMonths } from './meetings.ts';
import { memberLight } from './member-light.ts';
import { rate } from './ratio.ts';
import { branchScore } from './score.ts';
import { periodId } from './ids.ts';
import { compliance, complianceByMonth, requiredSlots } from './slots.ts';
import { vanguardPoints } from './vanguard.ts';

export function evaluateBranch(
  facts: BranchFacts,
  asOf: number,
  rules: RulesConfig,
): { evaluation: OrgEvaluation; members: MemberResult[] } {
  const code = facts.org.code;
  const current = facts.members.filter((m) => m.current);
  const members: MemberResult[] = current.map((m) => ({
    id: m.id,
    name: m.name,
    status: m.status,
    ...memberLight(m, asOf, rules),
    ...vanguardPoints(m, asOf, rules),
  }));
  const byLight = { red: 0, yellow: 0, green: 0 };
  for (const m of members) byLight[m.light.level as keyof typeof byLight]++;

  const ratios: Record<string, Ratio> = {};
  const slots = requiredSlots(facts, asOf, rules);
  const year = compliance(slots);
  ratios['compliance.3m1l'] = year.c3m1l;
  ratios['compliance.theme_day'] = year.themeDay;
  const byMonth = complianceByMonth(slots, asOf);
  for (const m in byMonth) {
    ratios[periodId('compliance.3m1l', m)] = byMonth[m].c3m1l;
    ratios[periodId('compliance.theme_day', m)] = byMonth[m].themeDay;
  }
  ratios['attendance.rate'] = attendanceRatio(facts, asOf);
  const dues = branchDues(code, facts.members, asOf);
  ratios['dues.rate.ytd'] = dues.ytd.paid;
  ratios['dues.onTime.ytd'] = dues.ytd.onTime;
  for (const m in dues.byMonth) {
    ratios[periodId('dues.rate', m)] = dues.byMonth[m].paid;
    ratios[periodId('dues.onTime', m)] = dues.byMonth[m].onTime;
  }
  ratios['redMembers.share'] = { num: byLight.red, den: current.length };

  const indicators: Record<string, number | null> = meetingCounts(facts, asOf);
  for (const id in ratios) indicators[id] = rate(ratios[id]);
  const gapMonths = orgLifeGapMonths(facts, asOf);
  indicators['orgLife.gapMonths'] = gapMonths;
  indicators.members = current.length;
  indicators.probationary = current.filter((m) => m.status === 'probationary').length;

  const established = facts.org.establishedOn == null || parseDate(facts.org.establishedOn)! <= asOf;
  const light = established
    ? branchLight(
        {
          facts,
          current,
          gapMonths,
          redShare: indicators['redMembers.share'],
          compliance3m1l: indicators['compliance.3m1l'],
          duesLast: { month: dues.lastMonth, rate: rate(dues.byMonth[dues.lastMonth].paid) },
        },
        asOf,
        rules,
      )
    : { level: 'grey' as const, reasons: [] };
  const components = {
    c3m1l: indicators['compliance.3m1l'],
    themeDay: indicators['compliance.theme_day'],
    attendance: indicators['attendance.rate'],
    duesYtd: indicators['dues.rate.ytd'],
    redShare: indicators['redMembers.share'],
  };
  // A branch not yet founded has no score: it would otherwise rank as a perfect 100.
  const score = established ? branchScore(components, light.level, rules) : null;
  indicators.score = score;
  // Carried so a roll-up can form the member-weighted mean of branch scores.
  ratios['score.weighted'] = score == null ? { num: 0, den: 0 } : { num: score * current.length, den: current.length };

  const evaluation: OrgEvaluation = {
    code,
    type: facts.org.type,
    asOf,
    indicators,
    ratios,
    light,
    score,
    counts: {
      branches: 1,
      members: current.length,
      probationary: indicators.probationary,
      membersByLight: byLight,
      branchesByLight: { red: 0, yellow: 0, green: 0, grey: 0, [light.level]: 1 },
    },
  };
  return { evaluation, members };
}
