import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, termYearsFor, validateRules } from '../../../shared/rules/config.ts';
import { org } from './builders.ts';

const clone = () => structuredClone(DEFAULT_RULES) as unknown as Record<string, any>;

describe('rules config', () => {
  it('data/rules.default.json validates and equals DEFAULT_RULES', () => {
    const json = JSON.parse(readFileSync(join(import.meta.dirname, '../../../data/rules.default.json'), 'utf8'));
    const result = validateRules(json);
    expect(result.ok).toBe(true);
    expect(json).toEqual(DEFAULT_RULES);
  });

  it.each([
    ['a string for a ratio', (r: any) => (r.thresholds.dues.red = 'abc'), 'thresholds.dues.red: must be a number between 0 and 1, got "abc"'],
    ['a ratio above 1', (r: any) => (r.thresholds.redMembers.yellow = 1.5), 'thresholds.redMembers.yellow: must be a number between 0 and 1, got 1.5'],
    ['a fractional month count', (r: any) => (r.thresholds.term.reminderMonths = 2.5), 'thresholds.term.reminderMonths: must be a whole number ≥ 1, got 2.5'],
    ['an unknown key', (r: any) => (r.thresholds.dues.yelow = 0.9), 'thresholds.dues.yelow: unknown key'],
    ['an unknown top-level key', (r: any) => (r.extra = 1), 'extra: unknown key'],
    ['a missing key', (r: any) => delete r.vanguard.demoPost, 'vanguard.demoPost: missing'],
    ['an unknown category', (r: any) => (r.termYears.byCategory.farm = 5), 'termYears.byCategory.farm: unknown key (allowed: village, community, enterprise, institution, government, school, other)'],
    ['a fractional masking size', (r: any) => (r.privacy.smallBranchSize = 2.5), 'privacy.smallBranchSize: must be a whole number ≥ 0, got 2.5'],
    ['a bad slot', (r: any) => (r.slots.partyLesson = 'week'), 'slots.partyLesson: must be one of month, quarter, got "week"'],
    ['dues red above yellow', (r: any) => (r.thresholds.dues.red = 0.96), 'thresholds.dues: red (0.96) must not be above yellow (0.95)'],
    ['3m1l red above yellow', (r: any) => (r.thresholds['3m1l'].red = 0.95), 'thresholds.3m1l: red (0.95) must not be above yellow (0.9)'],
    ['orgLife red below yellow', (r: any) => (r.thresholds.orgLife.yellowGapMonths = 3), 'thresholds.orgLife: red (2) must not be below yellow (3)'],
    ['redMembers red below yellow', (r: any) => (r.thresholds.redMembers.red = 0.05), 'thresholds.redMembers: red (0.05) must not be below yellow (0.1)'],
    ['member light red below yellow', (r: any) => (r.thresholds.memberLight.yellow = 4), 'thresholds.memberLight: red (3) must not be below yellow (4)'],
    ['weights not adding up to 1', (r: any) => (r.score.weights.c3m1l = 0.5), 'score.weights: must add up to 1, got 1.2'],
  ])('refuses %s', (_, mutate, error) => {
    const r = clone();
    mutate(r);
    const result = validateRules(r);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContain(error);
  });

  it.each([null, [], 'rules', 3])('refuses a non-object root %j', (json) => {
    const result = validateRules(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^\(root\): must be an object/);
  });

  it('collects every error, not just the first', () => {
    const r = clone();
    r.thresholds.dues.red = -1;
    r.vanguard.attendance = 'one';
    const result = validateRules(r);
    expect(result.ok ? [] : result.errors).toHaveLength(2);
  });

  it('accepts equal red and yellow (yellow switched off)', () => {
    const r = clone();
    r.thresholds.dues.red = 0.95;
    expect(validateRules(r).ok).toBe(true);
  });

  it.each([
    ['committee', null, null, 5],
    ['general_branch', 'enterprise', null, 3],
    ['branch', 'enterprise', null, 3],
    ['branch', 'village', null, 5],
    ['branch', 'community', null, 5],
    ['branch', null, null, 3],
    ['branch', 'village', 4, 4],
  ] as const)('term years for %s/%s with imported %s is %i', (type, category, termYears, years) => {
    expect(termYearsFor(org({ type, category, termYears }), DEFAULT_RULES)).toBe(years);
  });
});
