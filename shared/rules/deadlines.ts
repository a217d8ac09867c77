// Date deadlines: committee terms and probation years, in whole Asia/Shanghai days. A term or
// probation that starts on D and lasts N months ends at the first instant of D + N months: from
// that instant it is past (half-open, like months), and the warning starts the same way.

import type { OrgNode } from '../model.ts';
import { addDaysToDate, addMonthsToDate, dateOf, parseDate, type DateStr } from '../periods.ts';
import { termYearsFor, type RulesConfig } from './config.ts';

export type DeadlineState = 'past' | 'soon' | 'ok';

/** Whole calendar days from a to b (b − a). */
export function daysBetween(a: DateStr, b: DateStr): number {
  return Math.round((parseDate(b)! - parseDate(a)!) / 86_400_000);
}

/** Whole calendar months from `deadline` to asOf's date, for "已超期3个月". */
export function monthsPast(deadline: DateStr, asOf: number): number {
  const today = dateOf(asOf);
  let n = 0;
  while (addMonthsToDate(deadline, n + 1) <= today) n++;
  return n;
}

export function deadlineState(end: DateStr, warnFrom: DateStr, asOf: number): DeadlineState {
  if (asOf >= parseDate(end)!) return 'past';
  return asOf >= parseDate(warnFrom)! ? 'soon' : 'ok';
}

/** The date by which the organisation must renew its committee, or null when no term is known. */
export function termEnd(org: OrgNode, rules: RulesConfig): DateStr | null {
  if (!org.termStartedOn) return null;
  return addMonthsToDate(org.termStartedOn, termYearsFor(org, rules) * 12);
}

export function termState(org: OrgNode, asOf: number, rules: RulesConfig): { state: DeadlineState; end: DateStr } | null {
  const end = termEnd(org, rules);
  if (!end) return null;
  return { state: deadlineState(end, addMonthsToDate(end, -rules.thresholds.term.reminderMonths), asOf), end };
}

export function probationEnd(startedOn: DateStr, rules: RulesConfig): DateStr {
  return addMonthsToDate(startedOn, rules.thresholds.probation.lengthMonths);
}

export function probationState(startedOn: DateStr, asOf: number, rules: RulesConfig): DeadlineState {
  const end = probationEnd(startedOn, rules);
  return deadlineState(end, addDaysToDate(end, -rules.thresholds.probation.warningDays), asOf);
}
