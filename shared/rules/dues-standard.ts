// The monthly dues standard of the 2008 regulation. An explicit dues_monthly wins; otherwise the
// standard follows from after-tax monthly income and the kind of income.

import type { IncomeKind } from '../domain.ts';

export interface DuesBasis {
  dues_monthly: number | null;
  monthly_income: number | null;
  income_kind: IncomeKind | null;
}

/** Flat amount for students, the unemployed and farmers (yuan per month). */
export const FLAT_DUES = 0.2;

/** Tiers as [upper bound inclusive, rate]; the last bound is Infinity. */
const SALARY_TIERS: readonly (readonly [number, number])[] = [
  [3000, 0.005],
  [5000, 0.01],
  [10000, 0.015],
  [Infinity, 0.02],
];
const RETIREE_TIERS: readonly (readonly [number, number])[] = [
  [5000, 0.005],
  [Infinity, 0.01],
];

/** Rounds to the fen, as a payment can only be made in whole fen. */
const fen = (yuan: number) => Math.round(yuan * 100) / 100;

export function duesStandard(basis: DuesBasis): number {
  if (basis.dues_monthly != null) return fen(basis.dues_monthly);
  const kind = basis.income_kind ?? 'salary';
  if (kind === 'student' || kind === 'unemployed' || kind === 'farmer') return FLAT_DUES;
  if (basis.monthly_income == null) return FLAT_DUES;
  const tiers = kind === 'retiree' ? RETIREE_TIERS : SALARY_TIERS;
  const rate = tiers.find(([upper]) => basis.monthly_income! <= upper)![1];
  return fen(basis.monthly_income * rate);
}
