// Meeting counts, the organisational-life gap and attendance, from a branch's monthly meeting
// facts. Facts already exclude meetings held after asOf, so "this year" is a month filter.

import { KINDS_ORG_LIFE, MEETING_KINDS } from '../domain.ts';
import type { BranchFacts, Ratio } from '../model.ts';
import { addMonths, type Month } from '../periods.ts';
import { countsAfterFounding, currentMonth, FACT_WINDOW_MONTHS, thisYearMonths } from './calendar.ts';
import { periodId } from './ids.ts';

const KIND_PREFIX = Object.fromEntries(MEETING_KINDS.map((k) => [k, `meetings.${k}`])) as Record<(typeof MEETING_KINDS)[number], string>;

/** `meetings.<kind>.<YYYY-MM>` for each month of this year and `meetings.<kind>.<YYYY>` for the year.
 * group_meeting counts come from the branch's month facts, which include every group's meetings. */
export function meetingCounts(facts: BranchFacts, asOf: number): Record<string, number> {
  const months = thisYearMonths(asOf);
  const year = months[0].slice(0, 4);
  const out: Record<string, number> = {};
  for (const kind of MEETING_KINDS) {
    const prefix = KIND_PREFIX[kind];
    let total = 0;
    for (const m of months) {
      const n = facts.meetings[m]?.kinds[kind] ?? 0;
      out[periodId(prefix, m)] = n;
      total += n;
    }
    out[periodId(prefix, year)] = total;
  }
  return out;
}

function heldOrgLife(facts: BranchFacts, m: Month): boolean {
  const kinds = facts.meetings[m]?.kinds ?? {};
  return KINDS_ORG_LIFE.some((k) => (kinds[k] ?? 0) > 0);
}

/** Consecutive completed months without organisational life, counting back from the last
 * completed month; 0 when some was held in the current month. Months before the founding
 * month stop the count, and so does the edge of the fact window. */
export function orgLifeGapMonths(facts: BranchFacts, asOf: number): number {
  const cm = currentMonth(asOf);
  if (heldOrgLife(facts, cm)) return 0;
  let gap = 0;
  for (let m = addMonths(cm, -1); gap < FACT_WINDOW_MONTHS; m = addMonths(m, -1)) {
    if (!countsAfterFounding(m, facts.org.establishedOn) || heldOrgLife(facts, m)) break;
    gap++;
  }
  return gap;
}

/** Present / expected attendees over this year's general_meeting, party_lesson and theme_day. */
export function attendanceRatio(facts: BranchFacts, asOf: number): Ratio {
  let num = 0;
  let den = 0;
  for (const m of thisYearMonths(asOf)) {
    num += facts.meetings[m]?.attendancePresent ?? 0;
    den += facts.meetings[m]?.attendanceExpected ?? 0;
  }
  return { num, den };
}
