// Branch score (0–100): weighted components, a penalty for the light, clamped. A null component
// (nothing due yet) counts as 1 so a new branch is not punished for months it did not exist.

import type { Light } from '../domain.ts';
import type { RulesConfig } from './config.ts';

export interface ScoreComponents {
  c3m1l: number | null;
  themeDay: number | null;
  attendance: number | null;
  duesYtd: number | null;
  redShare: number | null;
}

export function branchScore(c: ScoreComponents, light: Light, rules: RulesConfig): number {
  const w = rules.score.weights;
  const v = (x: number | null) => x ?? 1;
  const raw =
    100 *
    (w.c3m1l * v(c.c3m1l) +
      w.themeDay * v(c.themeDay) +
      w.attendance * v(c.attendance) +
      w.duesYtd * v(c.duesYtd) +
      w.redShare * (1 - (c.redShare ?? 0)));
  const penalty = light === 'red' ? rules.score.penalties.red : light === 'yellow' ? rules.score.penalties.yellow : 0;
  return Math.min(100, Math.max(0, raw - penalty));
}
