// Volunteer hours and demonstration posts, task plans, and the development pipeline.

import type { ActivityRow, ApplicantRow, OrgRow, Stage, TaskRow } from '../../../shared/domain.ts';
import { addDaysToDate } from '../../../shared/periods.ts';
import type { BranchPlan } from './members.ts';
import { personName } from './names.ts';
import type { Rng } from './prng.ts';
import { TASK_TITLES } from './topics.ts';
import { localInstant, weekday, type HistoryWindow } from './window.ts';

const HOURS = [1, 1.5, 2, 2, 2.5, 3, 4];
const STAGES: readonly (readonly [Stage, number])[] = [['applicant', 45], ['activist', 35], ['candidate', 20]];

export class ExtrasWriter {
  private activitySeq = 0;
  private taskSeq = 0;
  private applicantSeq = 0;
  readonly activities: ActivityRow[] = [];
  readonly tasks: TaskRow[] = [];
  readonly applicants: ApplicantRow[] = [];
  private readonly windowDays: number;
  constructor(private readonly win: HistoryWindow) {
    this.windowDays = Math.round((win.clock - win.start) / 86_400_000);
  }

  /** A daytime instant on a day of the window, or null when it would be after the clock. */
  private dayTime(rng: Rng, preferWeekend: boolean): string | null {
    let date = addDaysToDate(this.win.startDate, rng.int(0, this.windowDays));
    if (preferWeekend && rng.chance(0.6)) {
      const w = weekday(date);
      if (w !== 0 && w !== 6) date = addDaysToDate(date, 6 - w);
    }
    const at = localInstant(date, rng.int(8 * 3600, 17 * 3600));
    return date < this.win.today ? at : null;
  }

  activitiesFor(rng: Rng, b: BranchPlan): void {
    for (const m of b.members) {
      const volunteer = rng.chance(b.spec.profile === 'retiree' || b.spec.profile === 'community' ? 0.45 : 0.3);
      for (let k = 0, n = volunteer ? rng.int(1, 6) : 0; k < n; k++) {
        const at = this.dayTime(rng, true);
        if (at && at >= m.row.org_since!) {
          this.activities.push({ id: `AC${String(++this.activitySeq).padStart(7, '0')}`, member_id: m.row.id, kind: 'volunteer', hours: rng.pick(HOURS), at });
        }
      }
      if (rng.chance(0.04)) {
        const at = this.dayTime(rng, false);
        if (at && at >= m.row.org_since!) {
          this.activities.push({ id: `AC${String(++this.activitySeq).padStart(7, '0')}`, member_id: m.row.id, kind: 'demo_post', hours: null, at });
        }
      }
    }
  }

  private task(org: OrgRow, title: string, due: string, completed: string | null): void {
    this.tasks.push({ id: `TK${String(++this.taskSeq).padStart(6, '0')}`, org_code: org.code, title, due_on: due, completed_on: completed });
  }

  /** Most tasks done on time, a few late but done, some still open with a due date ahead. */
  tasksFor(rng: Rng, org: OrgRow, issue: string | null): void {
    const { today, startDate } = this.win;
    const titles = rng.shuffle([...TASK_TITLES]);
    const n = rng.int(2, 4);
    for (let k = 0; k < n; k++) {
      const due = addDaysToDate(startDate, rng.int(20, this.windowDays + 60));
      if (due >= today) {
        this.task(org, titles[k], due, rng.chance(0.3) ? addDaysToDate(today, -rng.int(0, 10)) : null);
      } else {
        const done = rng.chance(0.1) ? addDaysToDate(due, rng.int(1, 15)) : addDaysToDate(due, -rng.int(0, 20));
        this.task(org, titles[k], due, done < today ? done : today);
      }
    }
    if (issue === 'tasksY') this.task(org, titles[n], addDaysToDate(today, -rng.int(3, 25)), null);
    if (issue === 'tasksR') this.task(org, titles[n], addDaysToDate(today, -rng.int(35, 120)), null);
  }

  applicantsFor(rng: Rng, b: BranchPlan): void {
    if (b.spec.profile === 'retiree') return;
    const n = rng.weighted([[0, 40], [1, 30], [2, 20], [3, 10]] as const);
    for (let k = 0; k < n; k++) {
      const stage = rng.weighted(STAGES);
      const back = stage === 'activist' ? rng.int(30, 500) : stage === 'candidate' ? rng.int(20, 200) : rng.int(10, 300);
      const gender = rng.chance(0.5) ? 'M' : 'F';
      this.applicants.push({
        id: `AP${String(++this.applicantSeq).padStart(6, '0')}`,
        name: personName(rng, gender, this.win.year - rng.int(20, 35)),
        org_code: b.spec.org.code,
        stage,
        stage_since: addDaysToDate(this.win.today, -back),
      });
    }
  }
}
