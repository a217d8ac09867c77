// Slots of 三会一课 and theme_day: one period in which one meeting of a kind is due. Only slots
// that are completed, or current and already fulfilled, are required, so an unfinished month
// never counts against a branch.

import { KINDS_3M1L, type MeetingKind } from '../domain.ts';
import type { BranchFacts, Ratio } from '../model.ts';
import { quarterMonths, quarterOfMonth, type Month } from '../periods.ts';
import { countsAfterFounding, currentMonth, thisYearMonths } from './calendar.ts';
import type { RulesConfig } from './config.ts';
import { keepMany } from '../memo.ts';

export interface Slot {
  kind: MeetingKind;
  group: string | null;
  months: Month[];
  fulfilled: boolean;
}

type Cadence = 'month' | 'quarter';

const periodsKept = keepMany<Month[][]>(100);

/** The month-or-quarter periods of this year that have started by asOf, as month lists (shared:
 * every branch asks for the same ones, and nobody writes to them). */
function periods(cadence: Cadence, asOf: number): Month[][] {
  return periodsKept(`${cadence}|${currentMonth(asOf)}`, () => {
    const months = thisYearMonths(asOf);
    return cadence === 'month' ? months.map((m) => [m]) : [...new Set(months.map(quarterOfMonth))].map(quarterMonths);
  });
}

/** Every required slot of this year for the branch (see file comment), in kind order. */
export function requiredSlots(facts: BranchFacts, asOf: number, rules: RulesConfig): Slot[] {
  const { org } = facts;
  const cm = currentMonth(asOf);
  const held = (kind: MeetingKind, m: Month) => facts.meetings[m]?.kinds[kind] ?? 0;
  const plan: { kind: MeetingKind; cadence: Cadence; group: string | null; count: (m: Month) => number }[] = [
    { kind: 'general_meeting', cadence: 'quarter', group: null, count: (m) => held('general_meeting', m) },
    ...(org.hasCommittee
      ? [{ kind: 'committee_meeting' as const, cadence: 'month' as const, group: null, count: (m: Month) => held('committee_meeting', m) }]
      : []),
    ...org.groups.map((g) => ({
      kind: 'group_meeting' as const,
      cadence: 'month' as const,
      group: g,
      count: (m: Month) => facts.groupMeetings[g]?.[m] ?? 0,
    })),
    { kind: 'party_lesson', cadence: rules.slots.partyLesson, group: null, count: (m) => held('party_lesson', m) },
    { kind: 'theme_day', cadence: 'month', group: null, count: (m) => held('theme_day', m) },
  ];
  const slots: Slot[] = [];
  for (const p of plan) {
    for (const months of periods(p.cadence, asOf)) {
      const last = months[months.length - 1];
      if (!countsAfterFounding(last, org.establishedOn)) continue;
      // Only months up to the current one can hold meetings as of asOf.
      const fulfilled = months.some((m) => m <= cm && p.count(m) > 0);
      const completed = last < cm;
      if (completed || fulfilled) slots.push({ kind: p.kind, group: p.group, months, fulfilled });
    }
  }
  return slots;
}

function tally(slots: Slot[]): Ratio {
  return { num: slots.filter((s) => s.fulfilled).length, den: slots.length };
}

const is3m1l = (s: Slot) => KINDS_3M1L.includes(s.kind);
const isThemeDay = (s: Slot) => s.kind === 'theme_day';

/** This year's compliance parts: 三会一课 kinds together, and theme_day alone. */
export function compliance(slots: Slot[]): { c3m1l: Ratio; themeDay: Ratio } {
  return { c3m1l: tally(slots.filter(is3m1l)), themeDay: tally(slots.filter(isThemeDay)) };
}

/** Compliance for the trend: each month of this year gets the slots that END in it. */
export function complianceByMonth(slots: Slot[], asOf: number): Record<Month, { c3m1l: Ratio; themeDay: Ratio }> {
  const out: Record<Month, { c3m1l: Ratio; themeDay: Ratio }> = {};
  for (const m of thisYearMonths(asOf)) out[m] = compliance(slots.filter((s) => s.months[s.months.length - 1] === m));
  return out;
}
