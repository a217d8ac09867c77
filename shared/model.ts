// The seam between the store and the rule book: what the server loads from its rollups for an
// evaluation (inputs), and what the pure rule functions return (outputs). Times are epoch ms;
// calendar months are 'YYYY-MM' in Asia/Shanghai (see periods.ts).

import type { Category, Gender, Light, MeetingKind, MemberStatus, OrgType, Stage } from './domain.ts';
import type { DateStr, Month } from './periods.ts';

export interface OrgNode {
  code: string;
  name: string;
  type: OrgType;
  parentCode: string | null;
  category: Category | null;
  establishedOn: DateStr | null;
  termStartedOn: DateStr | null;
  /** As imported or renewed; null means the rule book's default for the type and category. */
  termYears: number | null;
  hasCommittee: boolean;
  region: string | null;
  lng: number | null;
  lat: number | null;
  /** Party group codes of a branch (empty for other types and for branches without groups). */
  groups: string[];
  children: string[];
}

/** One member's rolled-up facts for one calendar month. */
export interface MemberMonth {
  /** Branch the member belongs to at the end of the month (at asOf for the current month); null when not a member then. */
  branch: string | null;
  /** Dues owed for the month (yuan); 0 when not due. */
  due: number;
  /** When the month's payments (paid_at ≤ asOf) first added up to `due`; null if not (yet) paid. */
  paidFullAt: number | null;
  /** Organisational-life meetings (三会一课 kinds and theme_day) the member was expected at. */
  expected: number;
  /** Of those: present, and excused (leave). */
  present: number;
  excused: number;
  /** Presence at 三会一课 or theme_day meetings (vanguard points, 1 each). */
  presentPoints: number;
  volunteerHours: number;
  demoPosts: number;
}

export interface MemberFacts {
  id: string;
  name: string;
  /** True when the member belongs to this branch at asOf; false for members who only left month records here. */
  current: boolean;
  status: MemberStatus; // at asOf
  gender: Gender | null;
  birthDate: DateStr | null;
  joinedOn: DateStr | null;
  education: string | null;
  groupCode: string | null;
  onCommittee: boolean;
  probationStartedOn: DateStr | null;
  /** Month records in the evaluation window (at most the 24 months up to asOf). Missing month = no record. */
  months: Record<Month, MemberMonth>;
}

export interface TaskFacts {
  id: string;
  title: string;
  dueOn: DateStr;
  completedOn: DateStr | null; // only if completed at or before asOf
}

export interface MeetingMonth {
  /** Meetings held per kind in the month (held_at ≤ asOf). */
  kinds: Partial<Record<MeetingKind, number>>;
  /** Expected and present attendees over the month's general_meeting, party_lesson and theme_day meetings. */
  attendanceExpected: number;
  attendancePresent: number;
}

export interface BranchFacts {
  org: OrgNode;
  meetings: Record<Month, MeetingMonth>;
  /** group code → month → group meetings held by that group. */
  groupMeetings: Record<string, Record<Month, number>>;
  /** Current members first; also members who left month records here in the window (current = false). */
  members: MemberFacts[];
  tasks: TaskFacts[];
}

export interface ApplicantFacts {
  id: string;
  orgCode: string;
  stage: Stage; // at asOf
  stageSince: DateStr | null;
}

// ---- outputs ----------------------------------------------------------------------------

/** Branch rules of the rule book, plus 'redBranches': a roll-up's own light from its red branches. */
export type RuleCode =
  | 'orgLife'
  | 'redMembers'
  | 'term'
  | 'probation'
  | '3m1l'
  | 'dues'
  | 'tasks'
  | 'structure'
  | 'redBranches';
export type Level = 'red' | 'yellow';

export interface Reason {
  rule: RuleCode;
  level: Level;
  value: number | string | null;
  threshold: number | string | null;
  /** A sentence a leader can read, in Chinese. */
  message: string;
}

export interface LightResult {
  level: Light;
  reasons: Reason[];
}

/** A rate kept as its parts so that roll-ups sum numerators and denominators. */
export interface Ratio {
  num: number;
  den: number;
}

export interface MemberResult {
  id: string;
  name: string;
  status: MemberStatus;
  light: LightResult;
  unpaidStreak: number;
  absenceStreak: number;
  vanguard: number;
  /** Vanguard points by item: attendance, dues, demoPosts, volunteer. */
  vanguardItems: { attendance: number; dues: number; demoPosts: number; volunteer: number };
}

export interface OrgCounts {
  branches: number;
  members: number;
  probationary: number;
  membersByLight: { red: number; yellow: number; green: number };
  branchesByLight: { red: number; yellow: number; green: number; grey: number };
}

export interface OrgEvaluation {
  code: string;
  type: OrgType;
  asOf: number;
  /** Indicator id → value (rates as unrounded fractions), null when not applicable. */
  indicators: Record<string, number | null>;
  /** The parts of every rate indicator, by indicator id, for roll-ups. */
  ratios: Record<string, Ratio>;
  light: LightResult;
  score: number | null;
  counts: OrgCounts;
}
