// What the wall shows for one scope (an organisation and its descendants), computed once on the
// server per scope and sent as a snapshot, then kept current by numbered deltas of patches.
// The screen never computes an indicator: everything it draws is in here.

import type { Light, MeetingKind, OrgType, Stage } from './domain.ts';
import type { Month } from './periods.ts';
import type { Reason, RuleCode } from './model.ts';

export interface ScopeInfo {
  code: string;
  name: string;
  type: OrgType;
  /** Breadcrumbs from the district root down to this scope, inclusive. */
  path: { code: string; name: string; type: OrgType }[];
}

export interface Kpis {
  orgs: number;
  branches: number;
  members: number;
  probationary: number;
  /** This year's 三会一课 compliance (fraction) or null when nothing is required yet. */
  compliance3m1l: number | null;
  complianceThemeDay: number | null;
  /** Dues rate of the last completed month; duesYtd over completed months this year. */
  duesRate: number | null;
  duesYtd: number | null;
  attendanceRate: number | null;
  lights: { red: number; yellow: number; green: number; grey: number };
  /** Attendance check-ins recorded today (Asia/Shanghai) in the scope. */
  checkinsToday: number;
  score: number | null;
}

export interface CountItem {
  key: string;
  count: number;
}

export interface Structure {
  orgsByType: CountItem[];
  branchesByCategory: CountItem[];
  branchesWithCommittee: number;
  branchesWithoutCommittee: number;
  membersByAge: CountItem[]; // bands '≤30', '31-40', '41-50', '51-60', '61+' ('unknown' when no birth date)
  membersByGender: CountItem[]; // 'M', 'F', 'unknown'
  membersByEducation: CountItem[];
  membersByStatus: CountItem[]; // 'full', 'probationary'
}

export interface Pipeline {
  stages: Record<Stage, number>;
  probationary: number;
  /** Probationary members whose year ends within 30 days, and those already past it. */
  conversionsDue: number;
  conversionsOverdue: number;
}

export interface MeetingTrend {
  months: Month[]; // this year's months up to the current one
  counts: Partial<Record<MeetingKind, number[]>>;
  /** Per month: fulfilled / required slots of 三会一课 kinds (null when none required). */
  compliance3m1l: (number | null)[];
  complianceThemeDay: (number | null)[];
}

export interface DuesView {
  month: Month | null; // last completed month
  rate: number | null;
  onTimeRate: number | null;
  ytd: number | null;
  onTimeYtd: number | null;
  trend: { months: Month[]; rate: (number | null)[] };
}

export interface MapPoint {
  code: string;
  name: string; // masked or generalised on the public profile when configured
  parentCode: string | null;
  lng: number;
  lat: number;
  light: Light;
  score: number | null;
  members: number;
  region: string | null;
}

export interface MapView {
  /** True for the generated demo map: the screen labels it as such. */
  demo: boolean;
  /** Name of the GeoJSON map to draw ('demo' or a file under data/maps). */
  mapName: string;
  points: MapPoint[];
  regions: { name: string; lng: number; lat: number; branches: number; red: number; yellow: number }[];
}

export interface RankRow {
  rank: number;
  code: string;
  name: string;
  parentName: string | null;
  score: number;
  light: Light;
}

/** One of the scope's members with the most vanguard points (锋领指数) this year. No id, phone
 * or income ever: the name is masked (张*华) on the public profile, real for leaders. */
export interface VanguardLeader {
  /** Equal points share a rank (1, 1, 3), as in a member's 锋领指数 report. */
  rank: number;
  name: string;
  /** The member's branch, named as the snapshot names it beside its light. */
  orgName: string;
  points: number;
}

/** How many vanguard leaders a snapshot carries. */
export const VANGUARD_LEADERS = 10;

export interface WarningItem {
  code: string;
  name: string;
  level: 'red' | 'yellow';
  reasons: Reason[];
  /** When the organisation's light became this level, if known. */
  since: number | null;
}

export interface MeasureItem {
  rule: RuleCode;
  level: 'red' | 'yellow';
  branches: number;
  label: string;
  prescription: string;
}

export interface FeedItem {
  id: string;
  at: number;
  kind: 'light' | 'meeting' | 'checkin' | 'dues' | 'activity' | 'member' | 'report';
  org: string | null;
  orgName: string | null;
  /** Chinese text for the ticker, with names masked per profile. */
  text: string;
  level?: Light;
}

/** The latest monthly diagnosis batch: reports sent to branches of the scope (counts only, public). */
export interface ReportsSent {
  month: Month;
  count: number;
  at: number;
}

export interface WallSnapshot {
  scope: ScopeInfo;
  asOf: number;
  centreName: string;
  kpis: Kpis;
  structure: Structure;
  pipeline: Pipeline;
  meetings: MeetingTrend;
  dues: DuesView;
  map: MapView;
  rankings: { total: number; top: RankRow[]; bottom: RankRow[] };
  /** The scope's members with the most vanguard points this year, best first; members without
   * points are left out, so early in January the list may be empty. */
  vanguardLeaders: VanguardLeader[];
  /** Child organisations of the scope, ranked (committees of the district, branches of a committee). */
  children: RankRow[];
  warnings: WarningItem[];
  measures: MeasureItem[];
  feed: FeedItem[];
  /** Counters of red lights cleared (red → not red) this month, for the warnings scene. */
  clearedThisMonth: number;
  /** Null until the first batch is stored. */
  reportsSent: ReportsSent | null;
}

export type SnapshotSection = keyof WallSnapshot;

/** A delta's unit: replace the value at a path ('kpis', 'map.points.17'). */
export interface Patch {
  path: (string | number)[];
  value: unknown;
}
