// Rankings: score rounded to two decimals, descending, then code ascending. Ties in the rounded
// score do NOT share a rank: ranks are 1..n in that order, so the code breaks ties
// deterministically and a wall of 500 branches never shows "rank 3" twice. Rows without a
// score (branches not yet founded) are left out.

import type { Light } from '../domain.ts';
import type { RankRow } from '../snapshot.ts';

export interface RankInput {
  code: string;
  name: string;
  parentName: string | null;
  score: number | null;
  light: Light;
}

/** A score as rankings compare and show it. */
export const round2 = (x: number) => Math.round(x * 100) / 100;

/** The ranking order of rows whose scores are already rounded: higher first, then code ascending. */
export function rankOrder(a: { score: number; code: string }, b: { score: number; code: string }): number {
  return b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export function rankBranches(rows: readonly RankInput[]): RankRow[] {
  return rows
    .filter((r): r is RankInput & { score: number } => r.score != null)
    .map((r) => ({ ...r, score: round2(r.score) }))
    .sort(rankOrder)
    .map((r, i) => ({ rank: i + 1, code: r.code, name: r.name, parentName: r.parentName, score: r.score, light: r.light }));
}

export interface PointsInput {
  id: string;
  points: number;
}

/**
 * The `limit` rows with the most points (rounded to two decimals), descending, then id
 * ascending; rows without points are left out. Unlike branches, equal points share a rank
 * (1, 1, 3), as in a member's 锋领指数 report. One pass that keeps only the best `limit` rows
 * seen so far, so a district of 47,000 members is never sorted whole.
 */
export function topByPoints<T extends PointsInput>(rows: Iterable<T>, limit: number): (T & { rank: number })[] {
  const best: T[] = [];
  const before = (a: T, b: T) => a.points > b.points || (a.points === b.points && a.id < b.id);
  for (const row of rows) {
    const points = round2(row.points);
    if (!(points > 0) || limit <= 0) continue;
    const r = points === row.points ? row : { ...row, points };
    if (best.length >= limit && !before(r, best[best.length - 1])) continue;
    let i = best.length;
    while (i > 0 && before(r, best[i - 1])) i--;
    best.splice(i, 0, r);
    if (best.length > limit) best.pop();
  }
  // Everyone with more points is above a row in the list, so its rank is where its points begin.
  return best.map((r) => ({ ...r, rank: best.findIndex((x) => x.points === r.points) + 1 }));
}
