// The planted problems: which branches the demo makes yellow or red, and why. Everything else
// is generated healthy, so every light on the wall has a reason a presenter can name. Each
// rule of the rule book is triggered at both levels somewhere at district scale.

import type { BranchSpec } from './tree.ts';
import type { Rng } from './prng.ts';

export const ISSUES = [
  'orgLife1', // no organisational life in the last completed month (yellow)
  'orgLife2', // … in the last two completed months (red)
  'orgLife3', // … in the last three (red)
  'redMembersY', // 10–20 % of members unpaid for 3–5 months (yellow)
  'redMembersR', // over 20 % of members unpaid for 3–6 months (red)
  'termY', // committee term ends within 6 months (yellow)
  'termR', // committee term already over (red)
  'probationY', // a probationary member's year ends within 30 days (yellow)
  'probationR', // a probationary member past the year, not converted (red)
  '3m1lY', // about 75 % of this year's 三会一课 slots held (yellow)
  '3m1lR', // about 40 % held (red)
  'duesY', // last month's dues 80–95 % paid (yellow)
  'duesR', // below 80 % (red)
  'tasksY', // a task overdue (yellow)
  'tasksR', // a task overdue by more than 30 days (red)
  'noCommittee', // 7 or more full members and no committee (yellow)
  'chronicPayer', // one member unpaid 3–7 months in a big branch: a red member, branch stays green
  'absentMember', // one member absent for the last 3–4 months: a red member, branch stays green
] as const;
export type Issue = (typeof ISSUES)[number];

/** [issue, count at district scale, smallest branch it fits]. */
const DISTRICT_PLAN: readonly (readonly [Issue, number, number])[] = [
  ['orgLife2', 12, 3], ['orgLife3', 8, 3], ['redMembersR', 10, 8], ['termR', 12, 3], ['probationR', 10, 3],
  ['3m1lR', 10, 3], ['duesR', 10, 8], ['tasksR', 10, 3],
  ['orgLife1', 30, 3], ['redMembersY', 20, 8], ['termY', 40, 3], ['probationY', 35, 3], ['3m1lY', 35, 3],
  ['duesY', 35, 8], ['tasksY', 35, 3], ['noCommittee', 15, 10],
  ['chronicPayer', 12, 22], ['absentMember', 8, 22],
];
const SMALL_PLAN: readonly (readonly [Issue, number, number])[] = [
  ['orgLife2', 1, 3], ['duesY', 1, 8], ['probationY', 1, 3], ['tasksY', 1, 3], ['chronicPayer', 1, 22],
];

export interface PlantedIssue {
  code: string;
  issue: Issue;
}

/** Gives each planted issue its own branch (never one of the deliberately big ones). */
export function plantIssues(rng: Rng, branches: BranchSpec[], scale: 'small' | 'district'): Map<string, Issue> {
  const order = rng.shuffle(branches.map((_, i) => i));
  const taken = new Map<string, Issue>();
  const plan = scale === 'district' ? DISTRICT_PLAN : SMALL_PLAN;
  for (const [issue, count, minSize] of plan) {
    let placed = 0;
    for (const i of order) {
      if (placed === count) break;
      const b = branches[i];
      if (b.big || b.size < minSize || taken.has(b.org.code)) continue;
      taken.set(b.org.code, issue);
      placed++;
    }
  }
  return taken;
}
