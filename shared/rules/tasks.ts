// Task plans from the higher organisation. A task due on D is overdue from the first instant of
// D + 1 day (after the due date's end of day); its days overdue are calendar days from D to
// asOf's date, as people say it: on D + 1 it is 逾期1天. A completion after asOf does not exist yet.

import type { TaskFacts } from '../model.ts';
import { dateOf } from '../periods.ts';
import type { RulesConfig } from './config.ts';
import { daysBetween } from './deadlines.ts';

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
