// Rates travel as their parts so a roll-up can sum numerators and denominators; the rule book
// forbids a mean of rates. Dividing happens only at the edge, here.

import type { Ratio } from '../model.ts';

export const ZERO: Ratio = { num: 0, den: 0 };

/** num / den, or null when nothing was due (shown as "—", never 0 % or 100 %). */
export function rate(r: Ratio | undefined): number | null {
  return r && r.den > 0 ? r.num / r.den : null;
}

export function addRatio(a: Ratio, b: Ratio): Ratio {
  return { num: a.num + b.num, den: a.den + b.den };
}

/** A fraction as a whole percentage for sentences ("55%"); numbers in the API stay unrounded. */
export function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}
