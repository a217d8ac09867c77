// Dues under the 2008 regulation. A branch's rates count the member-months it was owed
// (branch === its code, due > 0), so a member who moved mid-year counts where they belonged
// that month. A payment after asOf does not exist yet, hence the paidFullAt ≤ asOf test.

import type { MemberFacts, MemberMonth, Ratio } from '../model.ts';
import { addMonths, monthEnd, type Month } from '../periods.ts';
import { FACT_WINDOW_MONTHS, lastCompletedMonth, thisYearMonths } from './calendar.ts';

export const isPaid = (mm: MemberMonth, asOf: number): boolean => mm.paidFullAt != null && mm.paidFullAt <= asOf;

/** Paid by the end of the month it is for (months are half-open, so strictly before monthEnd). */
export const isPaidOnTime = (mm: MemberMonth, month: Month, asOf: number): boolean =>
  isPaid(mm, asOf) && mm.paidFullAt! < monthEnd(month);

export interface DuesParts {
  paid: Ratio;
  onTime: Ratio;
}

/** Paid and on-time member-months of one month for one branch. */
export function branchDuesMonth(branch: string, members: MemberFacts[], month: Month, asOf: number): DuesParts {
  const parts: DuesParts = { paid: { num: 0, den: 0 }, onTime: { num: 0, den: 0 } };
  for (const member of members) {
    const mm = member.months[month];
    if (!mm || mm.branch !== branch || !(mm.due > 0)) continue;
    parts.paid.den++;
    parts.onTime.den++;
    if (isPaid(mm, asOf)) parts.paid.num++;
    if (isPaidOnTime(mm, month, asOf)) parts.onTime.num++;
  }
  return parts;
}

/** Every month of this year up to the current one, and the year to date over completed months. */
export function branchDues(branch: string, members: MemberFacts[], asOf: number) {
  const byMonth: Record<Month, DuesParts> = {};
  const ytd: DuesParts = { paid: { num: 0, den: 0 }, onTime: { num: 0, den: 0 } };
  const last = lastCompletedMonth(asOf);
  for (const m of thisYearMonths(asOf)) {
    const parts = branchDuesMonth(branch, members, m, asOf);
    byMonth[m] = parts;
    if (m <= last) {
      ytd.paid = { num: ytd.paid.num + parts.paid.num, den: ytd.paid.den + parts.paid.den };
      ytd.onTime = { num: ytd.onTime.num + parts.onTime.num, den: ytd.onTime.den + parts.onTime.den };
    }
  }
  // In January the last completed month is last December: the dues light still needs it.
  if (!(last in byMonth)) byMonth[last] = branchDuesMonth(branch, members, last, asOf);
  return { byMonth, ytd, lastMonth: last };
}

/** Consecutive unpaid completed months counting back from the last completed month (oldest
 * first in `months`). A month with no record or nothing due stops the streak. The streak is
 * the member's, so months owed to a previous branch count too. */
export function unpaidStreak(member: MemberFacts, asOf: number): { streak: number; months: Month[] } {
  const months: Month[] = [];
  for (let m = lastCompletedMonth(asOf); months.length < FACT_WINDOW_MONTHS; m = addMonths(m, -1)) {
    const mm = member.months[m];
    if (!mm || !(mm.due > 0) || isPaid(mm, asOf)) break;
    months.unshift(m);
  }
  return { streak: months.length, months };
}
