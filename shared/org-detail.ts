// What the organisation scene shows beyond the scope's snapshot: a year of meetings and dues
// month by month, the tasks with their due dates, the light with its reasons and, for a branch,
// every member's light. GET /api/orgs/:code/detail answers it, masked per display profile.

import type { Light, MemberStatus, OrgType } from './domain.ts';
import type { Reason, RuleCode } from './model.ts';
import type { DateStr, Month } from './periods.ts';
import type { LightCheck } from './rules/light-checks.ts';
import type { TaskStatus } from './rules/tasks.ts';

/** The kinds of the meeting calendar: 三会一课 and the theme day, in the rule book's order. */
export const CALENDAR_KINDS = ['general_meeting', 'committee_meeting', 'group_meeting', 'party_lesson', 'theme_day'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

export interface BranchRuleCount {
  rule: RuleCode;
  red: number;
  yellow: number;
}

export interface DetailTask {
  id: string;
  title: string;
  /** The branch the task was given to (generalised on the public profile for small branches). */
  orgName: string;
  dueOn: DateStr;
  completedOn: DateStr | null;
  status: TaskStatus;
  overdueDays: number;
}

export interface DetailMember {
  /** The member's id on the leader profile; null on the public one. */
  id: string | null;
  /** Real on the leader profile, masked (张*华) on the public one. */
  name: string;
  status: MemberStatus;
  light: Light;
  unpaidStreak: number;
  absenceStreak: number;
  vanguard: number;
}

export interface OrgDetail {
  org: { code: string; name: string; type: OrgType; parentCode: string | null };
  asOf: number;
  profile: 'public' | 'leader';
  /** The light, its reasons, and the rules it passed with what they read now (rules/light-checks.ts). */
  light: { level: Light; reasons: Reason[]; checks: LightCheck[]; since: number | null };
  /** Above a branch: how many of its branches each branch rule turned red or yellow, the rules that
   * turned most red first (why the branches are the colour they are); null for a branch. */
  branchRules: BranchRuleCount[] | null;
  /** The twelve months up to and including the current one (it is still in progress). */
  months: Month[];
  /** Meetings held per kind and month, summed over the organisation's branches. */
  meetings: Record<CalendarKind, number[]>;
  /** Dues paid and paid on time per month (fractions; null when nothing was due), and the rule
   * book's red line for a month's rate (the rules are tunable, so the screen is told it). */
  dues: { rate: (number | null)[]; onTime: (number | null)[]; redBelow: number };
  /** Overdue first (longest first), then open by due date, then done; at most TASK_LIMIT. */
  tasks: { total: number; done: number; open: number; overdue: number; items: DetailTask[] };
  /** A branch's current members, reddest first; null for committees and the district. */
  members: DetailMember[] | null;
}

export const TASK_LIMIT = 40;
