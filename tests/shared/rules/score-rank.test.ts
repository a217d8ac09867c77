import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../shared/rules/config.ts';
import { rankBranches, topByPoints } from '../../../shared/rules/rank.ts';
import { branchScore, type ScoreComponents } from '../../../shared/rules/score.ts';
import { levelOf } from '../../../shared/rules/levels.ts';

const ones: ScoreComponents = { c3m1l: 1, themeDay: 1, attendance: 1, duesYtd: 1, redShare: 0 };
const nulls: ScoreComponents = { c3m1l: null, themeDay: null, attendance: null, duesYtd: null, redShare: null };
const zeros: ScoreComponents = { c3m1l: 0, themeDay: 0, attendance: 0, duesYtd: 0, redShare: 1 };

describe('branch score', () => {
  it.each([
    ['perfect, green: exactly 100 (float error clamped)', ones, 'green', 100],
    ['every component null counts as 1', nulls, 'green', 100],
    ['perfect but yellow', ones, 'yellow', 97],
    ['perfect but red', ones, 'red', 90],
    ['3m1l at 50 %', { ...ones, c3m1l: 0.5 }, 'green', 85],
    ['null 3m1l, dues 0', { ...ones, c3m1l: null, duesYtd: 0 }, 'green', 80],
    ['a third of members red', { ...ones, redShare: 1 / 3 }, 'green', 95],
    ['everything at zero', zeros, 'green', 0],
    ['everything at zero and red: clamped at 0, not −10', zeros, 'red', 0],
    ['low and red', { ...zeros, c3m1l: 0.2 }, 'red', 0],
  ] as const)('%s → %d', (_, c, light, score) => {
    expect(branchScore(c, light, DEFAULT_RULES)).toBeCloseTo(score, 10);
    expect(branchScore(c, light, DEFAULT_RULES)).toBeGreaterThanOrEqual(0);
    expect(branchScore(c, light, DEFAULT_RULES)).toBeLessThanOrEqual(100);
  });
});

describe('rankings', () => {
  const row = (code: string, score: number | null, light = 'green' as const) => ({ code, name: code, parentName: 'P', score, light });
  it('sorts by score rounded to 2 decimals desc, then code asc; ties get distinct ranks in that order', () => {
    const ranked = rankBranches([row('B3', 80.004), row('B1', 80.001), row('B2', 90), row('B4', 79.996), row('B0', null), row('A9', 80.0149)]);
    expect(ranked.map((r) => [r.rank, r.code, r.score])).toEqual([
      [1, 'B2', 90],
      [2, 'A9', 80.01],
      [3, 'B1', 80],
      [4, 'B3', 80],
      [5, 'B4', 80],
    ]);
  });
  it('is independent of input order', () => {
    const rows = [row('C', 70), row('A', 70), row('B', 70)];
    expect(rankBranches(rows)).toEqual(rankBranches([...rows].reverse()));
    expect(rankBranches(rows).map((r) => r.code)).toEqual(['A', 'B', 'C']);
  });
  it('an empty list ranks to nothing', () => expect(rankBranches([])).toEqual([]));
});

describe('levelOf: the boundary value itself', () => {
  it.each([
    [2, 'atLeast', 'red'],
    [1, 'atLeast', 'yellow'],
    [0, 'atLeast', null],
    [0.2, 'above', 'yellow'],
    [0.1, 'above', null],
    [0.6, 'below', 'yellow'],
    [0.9, 'below', null],
    [0.59, 'below', 'red'],
  ] as const)('%d %s → %s', (value, cmp, level) => {
    const t = cmp === 'atLeast' ? { red: 2, yellow: 1 } : cmp === 'above' ? { red: 0.2, yellow: 0.1 } : { red: 0.6, yellow: 0.9 };
    expect(levelOf(value, t, cmp)).toBe(level);
  });
});

describe('topByPoints (vanguard leaders)', () => {
  const row = (id: string, points: number) => ({ id, points });
  it('keeps the best `limit` by points desc then id; equal points share a rank; no points, no row', () => {
    const rows = [row('m5', 3), row('m2', 7.5), row('m9', 0), row('m1', 7.5), row('m4', 3.004), row('m3', 9), row('m7', 1), row('m8', -1)];
    expect(topByPoints(rows, 5).map((r) => [r.rank, r.id, r.points])).toEqual([
      [1, 'm3', 9],
      [2, 'm1', 7.5],
      [2, 'm2', 7.5],
      [4, 'm4', 3], // rounded to two decimals, then tied with m5
      [4, 'm5', 3],
    ]);
  });
  it('is independent of input order, and a tie at the cut keeps the lower ids', () => {
    const rows = [row('c', 2), row('a', 2), row('d', 1), row('b', 2)];
    expect(topByPoints(rows, 2)).toEqual(topByPoints([...rows].reverse(), 2));
    expect(topByPoints(rows, 2).map((r) => [r.rank, r.id])).toEqual([
      [1, 'a'],
      [1, 'b'],
    ]);
  });
  it('nothing in, or no room, ranks to nothing', () => {
    expect(topByPoints([], 10)).toEqual([]);
    expect(topByPoints([row('a', 0)], 10)).toEqual([]);
    expect(topByPoints([row('a', 5)], 0)).toEqual([]);
  });
});
