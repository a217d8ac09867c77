// The rule book's view of time as of an instant: "this year" runs from January of asOf's year to
// the month containing asOf (the current month); a month before it is completed. Because months
// are half-open [start, end), asOf exactly at a month's first instant makes the previous month
// completed and the new month current.

import { memoized } from '../memo.ts';
import { addMonths, monthOf, monthRange, type Month } from '../periods.ts';

export const currentMonth = (asOf: number): Month => monthOf(asOf);
export const lastCompletedMonth = (asOf: number): Month => addMonths(monthOf(asOf), -1);

const yearToDate = memoized((cm: Month): readonly Month[] => Object.freeze(monthRange(`${cm.slice(0, 4)}-01`, cm)), 1000);

/** January of asOf's year up to and including the current month (shared, hence read-only). */
export function thisYearMonths(asOf: number): readonly Month[] {
  return yearToDate(monthOf(asOf));
}

/** A period counts for an organisation when it ends after the founding date, so the founding
 * month (and quarter) count; comparing 'YYYY-MM' strings is enough for that. */
export function countsAfterFounding(lastMonthOfPeriod: Month, establishedOn: string | null): boolean {
  return establishedOn == null || lastMonthOfPeriod >= establishedOn.slice(0, 7);
}

/** Facts reach at most 24 months back (model.ts), so open-ended look-backs stop there. */
export const FACT_WINDOW_MONTHS = 24;
