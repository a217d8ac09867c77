import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../shared/rules/config.ts';
import { evaluateBranch } from '../../../shared/rules/evaluate-branch.ts';
import { indicatorDef, INDICATORS, RULE_LABELS } from '../../../shared/rules/indicators.ts';
import { prescriptionFor, RULE_CODES, validatePrescriptions } from '../../../shared/rules/prescriptions.ts';
import { at, branch, member } from './builders.ts';

describe('indicator library', () => {
  it('has unique ids and both labels', () => {
    expect(new Set(INDICATORS.map((d) => d.id)).size).toBe(INDICATORS.length);
    for (const d of INDICATORS) expect(d.zh && d.en && d.description).toBeTruthy();
  });

  it.each([
    ['dues.rate.2026-03', 'dues.rate.<month>'],
    ['dues.rate.ytd', 'dues.rate.ytd'],
    ['meetings.theme_day.2026', 'meetings.<kind>.<period>'],
    ['meetings.group_meeting.2026-04', 'meetings.<kind>.<period>'],
    ['compliance.3m1l.2026-12', 'compliance.3m1l.<month>'],
    ['compliance.3m1l', 'compliance.3m1l'],
  ])('resolves %s to %s', (id, pattern) => expect(indicatorDef(id)?.id).toBe(pattern));

  it.each(['dues.rate.2026-13', 'meetings.party.2026', 'compliance', 'dues.rate.2026-03x'])('does not resolve %s', (id) => {
    expect(indicatorDef(id)).toBeUndefined();
  });

  it('defines every indicator an evaluation carries', () => {
    const { evaluation } = evaluateBranch(branch({ members: [member()] }), at('2026-05-15T12:00'), DEFAULT_RULES);
    const unknown = Object.keys(evaluation.indicators).filter((id) => !indicatorDef(id));
    expect(unknown).toEqual([]);
  });

  it('labels every rule code', () => expect(Object.keys(RULE_LABELS).sort()).toEqual([...RULE_CODES].sort()));
});

describe('prescription table', () => {
  const json = JSON.parse(readFileSync(join(import.meta.dirname, '../../../data/prescriptions.default.json'), 'utf8'));
  it('the default file validates and covers every rule and level', () => {
    const result = validatePrescriptions(json);
    expect(result.ok).toBe(true);
    if (result.ok) expect(prescriptionFor(result.table, 'orgLife', 'red').prescription).toMatch(/^支部书记本周内召开支部委员会会议/);
  });
  it.each([
    ['a missing level', (t: any) => delete t.dues.yellow, 'dues.yellow: missing'],
    ['an empty text', (t: any) => (t.term.red = ' '), 'term.red: must be a non-empty string, got " "'],
    ['an unknown rule', (t: any) => (t.meetings = { label: 'x', red: 'x', yellow: 'x' }), 'meetings: unknown key'],
  ])('refuses %s', (_, mutate, error) => {
    const t = structuredClone(json);
    mutate(t);
    const result = validatePrescriptions(t);
    expect(result.ok ? [] : result.errors).toContain(error);
  });
});
