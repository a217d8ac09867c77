// A member's light from two streaks: unpaid dues and absence from organisational life. Both look
// back from the last completed month only, so the current month never counts against a member.
// Reasons reuse the branch rule codes whose concern they share: 'dues' and 'orgLife'.

import type { LightResult, MemberFacts, Reason } from '../model.ts';
import { addMonths, type Month } from '../periods.ts';
import { lastCompletedMonth } from './calendar.ts';
import type { RulesConfig } from './config.ts';
import { unpaidStreak } from './dues.ts';
import { levelOf, worstLevel } from './levels.ts';

/** Consecutive months expected and neither present nor excused; months expected at nothing are
 * skipped (not a break), and at most `absenceLookbackMonths` months are looked at. */
export function absenceStreak(member: MemberFacts, asOf: number, rules: RulesConfig): { streak: number; months: Month[] } {
  const months: Month[] = [];
  let m = lastCompletedMonth(asOf);
  for (let i = 0; i < rules.thresholds.memberLight.absenceLookbackMonths; i++, m = addMonths(m, -1)) {
    const mm = member.months[m];
    if (!mm || mm.expected <= 0) continue;
    if (mm.present > 0 || mm.excused > 0) break;
    months.unshift(m);
  }
  return { streak: months.length, months };
}

const streakLevel = (streak: number, rules: RulesConfig) => levelOf(streak, rules.thresholds.memberLight, 'atLeast');

export function memberLight(member: MemberFacts, asOf: number, rules: RulesConfig) {
  const unpaid = unpaidStreak(member, asOf);
  const absence = absenceStreak(member, asOf, rules);
  const reasons: Reason[] = [];
  const duesLevel = streakLevel(unpaid.streak, rules);
  if (duesLevel) {
    const risk = unpaid.streak >= rules.thresholds.dues.riskMonths ? '，有自行脱党风险' : '';
    reasons.push({
      rule: 'dues',
      level: duesLevel,
      value: unpaid.streak,
      threshold: duesLevel === 'red' ? rules.thresholds.memberLight.red : rules.thresholds.memberLight.yellow,
      message: `党费连续${unpaid.streak}个月未缴 (${unpaid.months.join(', ')})${risk}`,
    });
  }
  const absenceLevel = streakLevel(absence.streak, rules);
  if (absenceLevel) {
    reasons.push({
      rule: 'orgLife',
      level: absenceLevel,
      value: absence.streak,
      threshold: absenceLevel === 'red' ? rules.thresholds.memberLight.red : rules.thresholds.memberLight.yellow,
      message: `连续${absence.streak}个月未参加组织生活 (${absence.months.join(', ')})`,
    });
  }
  const light: LightResult = { level: worstLevel(reasons), reasons };
  return { light, unpaidStreak: unpaid.streak, absenceStreak: absence.streak };
}
