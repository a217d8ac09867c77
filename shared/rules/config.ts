// Every threshold, point value and default of the rule book (INDICATORS.md) in one place, so an
// operator can tune them in data/rules.default.json without touching code. Validation lives in
// validate-rules.ts; a refused file leaves the old rules in force.

import type { Category, OrgType } from '../domain.ts';

export interface RulesConfig {
  thresholds: {
    /** Branch light: months without organisational life (≥ red → red, ≥ yellow → yellow). */
    orgLife: { redGapMonths: number; yellowGapMonths: number };
    /** Branch light: share of red members among current members (strictly greater than). */
    redMembers: { red: number; yellow: number };
    /** Calendar months before the term end when the higher organisation must remind. */
    term: { reminderMonths: number };
    probation: { lengthMonths: number; warningDays: number };
    /** This year's 三会一课 compliance (strictly less than). */
    '3m1l': { red: number; yellow: number };
    /** Last completed month's dues rate (strictly less than); riskMonths = 自行脱党 risk streak. */
    dues: { red: number; yellow: number; riskMonths: number };
    tasks: { redOverdueDays: number };
    structure: { maxMembers: number; committeeFullMembers: number };
    /** Member light: streaks (unpaid dues, absence) at or above these levels. */
    memberLight: { red: number; yellow: number; absenceLookbackMonths: number };
    /** Committee light: red when more than this share of its branches are red. */
    committee: { redBranchShare: number };
  };
  /** The 2018 regulation leaves the party lesson's frequency open: quarter by practice. */
  slots: { partyLesson: 'month' | 'quarter' };
  vanguard: { attendance: number; duesOnTime: number; demoPost: number; volunteerPerHour: number };
  score: {
    weights: { c3m1l: number; themeDay: number; attendance: number; duesYtd: number; redShare: number };
    penalties: { red: number; yellow: number };
  };
  /** Default term in years when an organisation has none imported; a category entry wins over the type. */
  termYears: { byType: Record<OrgType, number>; byCategory: Partial<Record<Category, number>> };
  /** Branches at or below this many members have names masked on the public profile. */
  privacy: { smallBranchSize: number };
}

export const DEFAULT_RULES: RulesConfig = {
  thresholds: {
    orgLife: { redGapMonths: 2, yellowGapMonths: 1 },
    redMembers: { red: 0.2, yellow: 0.1 },
    term: { reminderMonths: 6 },
    probation: { lengthMonths: 12, warningDays: 30 },
    '3m1l': { red: 0.6, yellow: 0.9 },
    dues: { red: 0.8, yellow: 0.95, riskMonths: 6 },
    tasks: { redOverdueDays: 30 },
    structure: { maxMembers: 50, committeeFullMembers: 7 },
    memberLight: { red: 3, yellow: 1, absenceLookbackMonths: 12 },
    committee: { redBranchShare: 0.2 },
  },
  slots: { partyLesson: 'quarter' },
  vanguard: { attendance: 1, duesOnTime: 1, demoPost: 2, volunteerPerHour: 0.5 },
  score: {
    weights: { c3m1l: 0.3, themeDay: 0.15, attendance: 0.2, duesYtd: 0.2, redShare: 0.15 },
    penalties: { red: 10, yellow: 3 },
  },
  termYears: {
    byType: { district: 5, committee: 5, general_branch: 3, branch: 3 },
    byCategory: { village: 5, community: 5 },
  },
  privacy: { smallBranchSize: 5 },
};

/** The term length that applies: imported value, else category default, else type default. */
export function termYearsFor(
  org: { type: OrgType; category: Category | null; termYears: number | null },
  rules: RulesConfig,
): number {
  if (org.termYears != null) return org.termYears;
  const byCategory = org.category != null ? rules.termYears.byCategory[org.category] : undefined;
  return byCategory ?? rules.termYears.byType[org.type];
}
export { validateRules } from './validate-rules.ts';
