// Levels from thresholds, in one place so every rule states its boundary the same way: the rule
// book says "≥ 2" for gaps and streaks, "> 20 %" for shares and "< 60 %" for rates, and the
// boundary value itself triggers only for 'atLeast'.

import type { Level, Reason } from '../model.ts';

export type Comparison = 'atLeast' | 'above' | 'below';

const HITS: Record<Comparison, (value: number, limit: number) => boolean> = {
  atLeast: (v, l) => v >= l,
  above: (v, l) => v > l,
  below: (v, l) => v < l,
};

/** red when the red threshold is hit, else yellow when the yellow one is, else null. */
export function levelOf(value: number, t: { red: number; yellow: number }, cmp: Comparison): Level | null {
  if (HITS[cmp](value, t.red)) return 'red';
  return HITS[cmp](value, t.yellow) ? 'yellow' : null;
}

/** The light is the worst level among the triggered rules; no rule triggered is green. */
export function worstLevel(reasons: readonly Pick<Reason, 'level'>[]): 'red' | 'yellow' | 'green' {
  if (reasons.some((r) => r.level === 'red')) return 'red';
  return reasons.some((r) => r.level === 'yellow') ? 'yellow' : 'green';
}
