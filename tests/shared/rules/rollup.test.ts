import { describe, expect, it } from 'vitest';
import type { Light } from '../../../shared/domain.ts';
import type { OrgEvaluation } from '../../../shared/model.ts';
import { DEFAULT_RULES } from '../../../shared/rules/config.ts';
import { evaluateBranch } from '../../../shared/rules/evaluate-branch.ts';
import { rerollOrg, rollupOrg, type ChildChange } from '../../../shared/rules/rollup.ts';
import { at, branch, member, months, org } from './builders.ts';

const MAY = at('2026-05-15T12:00');
const committee = org({ code: 'C1', type: 'committee', parentCode: 'D', groups: [] });

/** A hand-made branch evaluation: only what a roll-up reads. */
function child(code: string, light: Light, over: Partial<OrgEvaluation> = {}): OrgEvaluation {
  return {
    code,
    type: 'branch',
    asOf: MAY,
    indicators: {},
    ratios: {},
    light: { level: light, reasons: [] },
    score: null,
    counts: {
      branches: 1,
      members: 0,
      probationary: 0,
      membersByLight: { red: 0, yellow: 0, green: 0 },
      branchesByLight: { red: 0, yellow: 0, green: 0, grey: 0, [light]: 1 },
    },
    ...over,
  };
}

describe('roll-up', () => {
  it('sums numerators and denominators: not the mean of rates', () => {
    const small = member({ months: months(['2026-04'], { paidFullAt: at('2026-04-02T09:00') }) });
    const b1 = evaluateBranch(branch({ org: org({ code: 'B1' }), members: [small] }), MAY, DEFAULT_RULES).evaluation;
    const big = Array.from({ length: 10 }, (_, i) =>
      member({ id: `M${i}`, months: months(['2026-04'], { branch: 'B2', paidFullAt: i < 5 ? at('2026-04-02T09:00') : null }) }),
    );
    const b2 = evaluateBranch(branch({ org: org({ code: 'B2' }), members: big }), MAY, DEFAULT_RULES).evaluation;
    const c = rollupOrg(committee, [b1, b2], MAY, DEFAULT_RULES);
    expect(c.ratios['dues.rate.2026-04']).toEqual({ num: 6, den: 11 });
    expect(c.indicators['dues.rate.2026-04']).toBeCloseTo(6 / 11);
    const meanOfRates = (b1.indicators['dues.rate.2026-04']! + b2.indicators['dues.rate.2026-04']!) / 2;
    expect(meanOfRates).toBe(0.75);
    expect(c.indicators['dues.rate.2026-04']).not.toBeCloseTo(meanOfRates);
    expect(c.indicators['dues.rate.2026-05']).toBeNull(); // nothing due anywhere yet: null, not 0
    expect(c.counts.members).toBe(11);
  });

  it('score is the member-weighted mean of branch scores', () => {
    const a = child('B1', 'green', { score: 90, ratios: { 'score.weighted': { num: 900, den: 10 } } });
    const b = child('B2', 'green', { score: 60, ratios: { 'score.weighted': { num: 1800, den: 30 } } });
    const c = rollupOrg(committee, [a, b], MAY, DEFAULT_RULES);
    expect(c.score).toBe(67.5);
    expect(c.indicators.score).toBe(67.5);
    expect(c.indicators['score.weighted']).toBeUndefined();
  });

  it('meeting counts and counts add up', () => {
    const a = child('B1', 'green', { indicators: { 'meetings.study.2026': 2, 'compliance.3m1l': 1 } });
    const b = child('B2', 'red', { indicators: { 'meetings.study.2026': 3 } });
    const c = rollupOrg(committee, [a, b], MAY, DEFAULT_RULES);
    expect(c.indicators['meetings.study.2026']).toBe(5);
    expect(c.counts.branchesByLight).toEqual({ red: 1, yellow: 0, green: 1, grey: 0 });
    expect(c.counts.branches).toBe(2);
  });

  const lights = (red: number, other: number) => [
    ...Array.from({ length: red }, (_, i) => child(`R${i}`, 'red')),
    ...Array.from({ length: other }, (_, i) => child(`G${i}`, 'green')),
  ];
  it.each([
    ['no red branch', lights(0, 5), 'green', []],
    ['1 of 5 red (exactly 20 %): yellow', lights(1, 4), 'yellow', ['5个支部中1个亮红灯 (20%)']],
    ['2 of 9 red (22 %): red', lights(2, 7), 'red', ['9个支部中2个亮红灯 (22.2%)']],
    ['no branches at all', [], 'green', []],
  ])('committee light: %s → %s', (_, children, level, messages) => {
    const c = rollupOrg(committee, children, MAY, DEFAULT_RULES);
    expect(c.light.level).toBe(level);
    expect(c.light.reasons.map((r) => r.message)).toEqual(messages);
  });

  it.each([
    ['term past: red even with all branches green', '2021-03-01', lights(0, 3), 'red'],
    ['term ending within 6 months: yellow', '2021-06-01', lights(0, 3), 'yellow'],
    ['term fine', '2023-01-01', lights(0, 3), 'green'],
  ])('committee light: %s', (_, termStartedOn, children, level) => {
    const c = rollupOrg({ ...committee, termStartedOn }, children, MAY, DEFAULT_RULES);
    expect(c.light.level).toBe(level);
    if (level !== 'green') expect(c.light.reasons[0].rule).toBe('term');
  });

  it('a committee over a general branch counts descendant branches, not children', () => {
    const gb = rollupOrg(org({ code: 'G1', type: 'general_branch' }), lights(1, 2), MAY, DEFAULT_RULES);
    expect(gb.light.level).toBe('red'); // 1 of 3 = 33 %
    const c = rollupOrg(committee, [gb, child('B9', 'green'), child('B8', 'yellow')], MAY, DEFAULT_RULES);
    expect(c.counts.branches).toBe(5);
    expect(c.counts.branchesByLight).toEqual({ red: 1, yellow: 1, green: 3, grey: 0 });
    expect(c.light.level).toBe('yellow'); // 1 of 5 red: the general branch's own red does not count as a branch
  });

  it('nesting does not change the sums: district over committee over general branch equals a flat roll-up', () => {
    const make = (code: string, paid: number, n: number) =>
      evaluateBranch(
        branch({
          org: org({ code }),
          members: Array.from({ length: n }, (_, i) =>
            member({ id: `${code}-${i}`, months: months(['2026-03', '2026-04'], { branch: code, paidFullAt: i < paid ? at('2026-04-02T09:00') : null }) }),
          ),
        }),
        MAY,
        DEFAULT_RULES,
      ).evaluation;
    const [b1, b2, b3] = [make('B1', 1, 2), make('B2', 3, 3), make('B3', 0, 4)];
    const gb = rollupOrg(org({ code: 'G1', type: 'general_branch' }), [b1, b2], MAY, DEFAULT_RULES);
    const c = rollupOrg(committee, [gb, b3], MAY, DEFAULT_RULES);
    const district = rollupOrg(org({ code: 'D', type: 'district', parentCode: null }), [c], MAY, DEFAULT_RULES);
    const flat = rollupOrg(org({ code: 'D', type: 'district', parentCode: null }), [b1, b2, b3], MAY, DEFAULT_RULES);
    expect(district.ratios).toEqual(flat.ratios);
    expect(district.counts).toEqual(flat.counts);
    expect(district.indicators).toEqual(flat.indicators);
    expect(district.ratios['dues.rate.ytd']).toEqual({ num: 8, den: 18 });
    expect(district.counts.membersByLight.red + district.counts.membersByLight.yellow).toBe(5);
  });
});


describe('re-roll from the previous roll-up and the children that changed', () => {
  // A seeded walk: children whose counts, meetings and score move, one or two at a time.
  function rng(seed: number) {
    let s = seed >>> 0;
    return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  }
  function figures(code: string, r: () => number): OrgEvaluation {
    const light = (['red', 'yellow', 'green'] as const)[Math.floor(r() * 3)];
    const members = 1 + Math.floor(r() * 40);
    const paid = Math.floor(r() * members);
    const score = 40 + r() * 60;
    return child(code, light, {
      ratios: {
        'dues.rate.2026-04': { num: paid, den: members },
        'compliance.3m1l': { num: Math.floor(r() * 4), den: 3 },
        'score.weighted': { num: score * members, den: members },
      },
      indicators: { 'meetings.party_lesson.2026-04': Math.floor(r() * 3), 'meetings.theme_day.2026-04': r() < 0.5 ? 1 : 0 },
      score,
      counts: {
        branches: 1,
        members,
        probationary: Math.floor(r() * 3),
        membersByLight: { red: Math.floor(r() * 3), yellow: Math.floor(r() * 3), green: members },
        branchesByLight: { red: 0, yellow: 0, green: 0, grey: 0, [light]: 1 },
      },
    });
  }

  it('equals a fresh roll-up exactly, step after step (the score summed afresh, counts by difference)', () => {
    const r = rng(7);
    let children = Array.from({ length: 60 }, (_, i) => figures(`B${i}`, r));
    let parent = rollupOrg(committee, children, MAY, DEFAULT_RULES);
    for (let step = 0; step < 200; step++) {
      const next = children.slice();
      const changed: ChildChange[] = [];
      for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
        const i = Math.floor(r() * next.length);
        if (changed.some((c) => c.before.code === next[i].code)) continue;
        const after = figures(next[i].code, r);
        changed.push({ before: next[i], after });
        next[i] = after;
      }
      const again = rerollOrg(committee, parent, changed, next, MAY, DEFAULT_RULES);
      const fresh = rollupOrg(committee, next, MAY, DEFAULT_RULES);
      expect(again).toEqual(fresh);
      expect(Object.keys(again.ratios)).toEqual(Object.keys(fresh.ratios));
      expect(Object.keys(again.indicators)).toEqual(Object.keys(fresh.indicators));
      children = next;
      parent = again;
    }
  });

  const base = () => figures('B1', rng(1));
  it.each([
    ['a ratio appears', (e: OrgEvaluation) => ({ ...e, ratios: { ...e.ratios, 'dues.rate.2026-05': { num: 1, den: 1 } } })],
    ['a ratio disappears', (e: OrgEvaluation) => ({ ...e, ratios: { 'compliance.3m1l': e.ratios['compliance.3m1l'] } })],
    ['a meeting count appears', (e: OrgEvaluation) => ({ ...e, indicators: { ...e.indicators, 'meetings.general_meeting.2026-04': 1 } })],
    ['a meeting count becomes null', (e: OrgEvaluation) => ({ ...e, indicators: { ...e.indicators, 'meetings.party_lesson.2026-04': null } })],
    ['a count turns fractional', (e: OrgEvaluation) => ({ ...e, ratios: { ...e.ratios, 'dues.rate.2026-04': { num: 0.5, den: 2 } } })],
  ])('falls back to summing everything when %s', (_what, change) => {
    const before = base();
    const other = figures('B2', rng(2));
    const parent = rollupOrg(committee, [before, other], MAY, DEFAULT_RULES);
    const after = change(before);
    expect(rerollOrg(committee, parent, [{ before, after }], [after, other], MAY, DEFAULT_RULES)).toEqual(rollupOrg(committee, [after, other], MAY, DEFAULT_RULES));
  });
});
