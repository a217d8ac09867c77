// Domain vocabulary shared by server and screen: the names of the rule book's glossary and the
// row shapes of the import contract (CONTRACTS §1). Optional columns are null when empty.

export const ORG_TYPES = ['district', 'committee', 'general_branch', 'branch'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const CATEGORIES = ['village', 'community', 'enterprise', 'institution', 'government', 'school', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const MEMBER_STATUSES = ['full', 'probationary'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const INCOME_KINDS = ['salary', 'retiree', 'student', 'farmer', 'unemployed'] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

export const MEETING_KINDS = [
  'general_meeting',
  'committee_meeting',
  'group_meeting',
  'party_lesson',
  'theme_day',
  'org_life_meeting',
  'democratic_review',
  'study',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** The four kinds that make up 三会一课. */
export const KINDS_3M1L: readonly MeetingKind[] = ['general_meeting', 'committee_meeting', 'group_meeting', 'party_lesson'];
/** Kinds whose absence counts as organisational life not held (orgLife.gapMonths). */
export const KINDS_ORG_LIFE: readonly MeetingKind[] = [...KINDS_3M1L, 'theme_day'];
/** Kinds whose attendance makes attendance.rate: every branch member is expected. */
export const KINDS_ATTENDANCE: readonly MeetingKind[] = ['general_meeting', 'party_lesson', 'theme_day'];

export const ATTENDANCE_STATUSES = ['present', 'leave'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ACTIVITY_KINDS = ['volunteer', 'demo_post'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const STAGES = ['applicant', 'activist', 'candidate'] as const;
export type Stage = (typeof STAGES)[number];

export const GENDERS = ['M', 'F'] as const;
export type Gender = (typeof GENDERS)[number];

export type Light = 'red' | 'yellow' | 'green' | 'grey';

export interface OrgRow {
  code: string;
  name: string;
  type: OrgType;
  parent_code: string | null;
  category: Category | null;
  established_on: string | null;
  term_started_on: string | null;
  term_years: number | null;
  has_committee: boolean;
  region: string | null;
  lng: number | null;
  lat: number | null;
}

export interface GroupRow {
  code: string;
  branch_code: string;
  name: string | null;
}

export interface MemberRow {
  id: string;
  name: string;
  org_code: string;
  status: MemberStatus;
  gender: Gender | null;
  birth_date: string | null;
  joined_on: string | null;
  org_since: string | null;
  group_code: string | null;
  probation_started_on: string | null;
  dues_monthly: number | null;
  monthly_income: number | null;
  income_kind: IncomeKind | null;
  on_committee: boolean;
  education: string | null;
  is_mobile: boolean;
  phone: string | null;
}

export interface MeetingRow {
  id: string;
  org_code: string;
  kind: MeetingKind;
  held_at: string; // instant
  group_code: string | null;
  topic: string | null;
}

export interface AttendanceRow {
  meeting_id: string;
  member_id: string;
  status: AttendanceStatus;
  checked_in_at: string | null;
}

export interface DuesRow {
  id: string;
  member_id: string;
  month: string;
  amount: number;
  paid_at: string;
}

export interface ActivityRow {
  id: string;
  member_id: string;
  kind: ActivityKind;
  hours: number | null;
  at: string;
}

export interface TaskRow {
  id: string;
  org_code: string;
  title: string;
  due_on: string;
  completed_on: string | null;
}

export interface ApplicantRow {
  id: string;
  name: string;
  org_code: string;
  stage: Stage;
  stage_since: string | null;
}

/** One whole dataset in the import contract's shape: what the demo generator makes, what an import reads. */
export interface Dataset {
  orgs: OrgRow[];
  groups: GroupRow[];
  members: MemberRow[];
  meetings: MeetingRow[];
  attendance: AttendanceRow[];
  dues: DuesRow[];
  activities: ActivityRow[];
  tasks: TaskRow[];
  applicants: ApplicantRow[];
}

export const DATASET_FILES = [
  'orgs',
  'groups',
  'members',
  'meetings',
  'attendance',
  'dues',
  'activities',
  'tasks',
  'applicants',
] as const satisfies readonly (keyof Dataset)[];
export type DatasetFile = (typeof DATASET_FILES)[number];
