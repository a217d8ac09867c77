// Start-up validation of the operator's rules file. Beyond types and ranges it refuses red/yellow
// pairs that are inverted (a red threshold milder than the yellow one would make red unreachable
// or yellow meaningless); equal values are allowed and simply switch yellow off.

import { CATEGORIES, ORG_TYPES } from '../domain.ts';
import type { RulesConfig } from './config.ts';
import { check, nonNegative, oneOf, positiveInt, ratio, wholeNumber, type Schema } from './validate.ts';

const redYellow = (red: Schema, yellow: Schema) => ({ red, yellow });

const SCHEMA: Schema = {
  thresholds: {
    orgLife: { redGapMonths: positiveInt, yellowGapMonths: positiveInt },
    redMembers: redYellow(ratio, ratio),
    term: { reminderMonths: positiveInt },
    probation: { lengthMonths: positiveInt, warningDays: positiveInt },
    '3m1l': redYellow(ratio, ratio),
    dues: { ...redYellow(ratio, ratio), riskMonths: positiveInt },
    tasks: { redOverdueDays: positiveInt },
    structure: { maxMembers: positiveInt, committeeFullMembers: positiveInt },
    memberLight: { red: positiveInt, yellow: positiveInt, absenceLookbackMonths: positiveInt },
    committee: { redBranchShare: ratio },
  },
  slots: { partyLesson: oneOf('month', 'quarter') },
  vanguard: { attendance: nonNegative, duesOnTime: nonNegative, demoPost: nonNegative, volunteerPerHour: nonNegative },
  score: {
    weights: { c3m1l: ratio, themeDay: ratio, attendance: ratio, duesYtd: ratio, redShare: ratio },
    penalties: { red: nonNegative, yellow: nonNegative },
  },
  termYears: {
    byType: Object.fromEntries(ORG_TYPES.map((t) => [t, positiveInt])),
    byCategory: { $map: positiveInt, keys: CATEGORIES },
  },
  privacy: { smallBranchSize: wholeNumber },
};

/** Cross-field checks, run only once every field has the right type. */
function consistency(r: RulesConfig): string[] {
  const t = r.thresholds;
  const errors: string[] = [];
  const worseWhenHigher = (path: string, red: number, yellow: number) => {
    if (red < yellow) errors.push(`${path}: red (${red}) must not be below yellow (${yellow})`);
  };
  const worseWhenLower = (path: string, red: number, yellow: number) => {
    if (red > yellow) errors.push(`${path}: red (${red}) must not be above yellow (${yellow})`);
  };
  worseWhenHigher('thresholds.orgLife', t.orgLife.redGapMonths, t.orgLife.yellowGapMonths);
  worseWhenHigher('thresholds.redMembers', t.redMembers.red, t.redMembers.yellow);
  worseWhenHigher('thresholds.memberLight', t.memberLight.red, t.memberLight.yellow);
  worseWhenLower('thresholds.3m1l', t['3m1l'].red, t['3m1l'].yellow);
  worseWhenLower('thresholds.dues', t.dues.red, t.dues.yellow);
  worseWhenHigher('score.penalties', r.score.penalties.red, r.score.penalties.yellow);
  const sum = Object.values(r.score.weights).reduce((a, b) => a + b, 0);
  // Weights summing to 1 keep a perfect branch at exactly 100 before penalties.
  if (Math.abs(sum - 1) > 1e-9) errors.push(`score.weights: must add up to 1, got ${sum}`);
  return errors;
}

export function validateRules(json: unknown): { ok: true; rules: RulesConfig } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  check(SCHEMA, json, '', errors);
  if (errors.length === 0) errors.push(...consistency(json as RulesConfig));
  return errors.length === 0 ? { ok: true, rules: json as RulesConfig } : { ok: false, errors };
}
