// The light is the worst level among the triggered rules; no rule triggered is green.

import type { Light } from '../domain.ts';
import type { Reason } from '../model.ts';

const ORDER: Record<Light, number> = { grey: 0, green: 1, yellow: 2, red: 3 };

export function worstLevel(reasons: readonly Pick<Reason, 'level'>[]): 'red' | 'yellow' | 'green' {
  if (reasons.some((r) => r.level === 'red')) return 'red';
  return reasons.some((r) => r.level === 'yellow') ? 'yellow' : 'green';
}

export const isWorse = (a: Light, b: Light): boolean => ORDER[a] > ORDER[b];
