// Date deadlines: committee terms, probation years and task plans. All are whole Asia/Shanghai
// days. A term or probation that starts on D and lasts N months ends at the first instant of
// D + N months: from that instant it is past (half-open, like months). A task due on D is
// overdue from the first instant of D + 1 day (after the due date's end of day), and its days
// overdue are calendar days from D to asOf's date, as people say it: on D + 1 it is 逾期1天.

import type { OrgNode, TaskFacts } from '../model.ts';
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

export type TaskStatus = 'done' | 'open' | 'overdue' | 'overdueLong';

/** Days a task is overdue as of asOf (0 when not overdue or done). */
export function taskOverdueDays(task: TaskFacts, asOf: number): number {
  const today = dateOf(asOf);
  if (task.completedOn != null && task.completedOn <= today) return 0;
  return Math.max(0, daysBetween(task.dueOn, today));
}

/** overdueLong = overdue by more than redOverdueDays (strictly), the red level. */
export function taskStatus(task: TaskFacts, asOf: number, rules: RulesConfig): TaskStatus {
  if (task.completedOn != null && task.completedOn <= dateOf(asOf)) return 'done';
  const days = taskOverdueDays(task, asOf);
  if (days > rules.thresholds.tasks.redOverdueDays) return 'overdueLong';
  return days >= 1 ? 'overdue' : 'open';
}
