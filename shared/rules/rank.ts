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

const round2 = (x: number) => Math.round(x * 100) / 100;

export function rankBranches(rows: readonly RankInput[]): RankRow[] {
  return rows
    .filter((r): r is RankInput & { score: number } => r.score != null)
    .map((r) => ({ ...r, score: round2(r.score) }))
    .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((r, i) => ({ rank: i + 1, code: r.code, name: r.name, parentName: r.parentName, score: r.score, light: r.light }));
}
