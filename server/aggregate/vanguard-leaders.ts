// The scope's members with the most vanguard points this year (the wall's 先锋指数榜), with their
// real names: the snapshot masks them per profile. The district has ~47,000 members and its
// snapshot is rebuilt every push window while events flow, so members are not walked each time:
// each branch's own best are kept with the branch's results, and only branches whose best can
// still reach the list are read.

import type { MemberResult } from '../../shared/model.ts';
import { topByPoints } from '../../shared/rules/index.ts';
import { VANGUARD_LEADERS } from '../../shared/snapshot.ts';
import type { Evaluation } from './engine.ts';

export interface ScopeLeader {
  id: string;
  name: string;
  /** The member's branch (its code). */
  org: string;
  points: number;
  rank: number;
}

// Keyed by a branch's results: an evaluation replaces that array whenever it re-evaluates the
// branch, so a kept list is never stale and goes with the evaluation that made it.
const branchBest = new WeakMap<readonly MemberResult[], ScopeLeader[]>();
const NO_MEMBERS: readonly MemberResult[] = [];

function bestOf(org: string, members: readonly MemberResult[]): ScopeLeader[] {
  let best = branchBest.get(members);
  if (!best) branchBest.set(members, (best = topByPoints(members.map((m) => ({ id: m.id, name: m.name, org, points: m.vanguard })), VANGUARD_LEADERS)));
  return best;
}

export function scopeLeaders(ev: Evaluation, branches: readonly string[]): ScopeLeader[] {
  const lists: ScopeLeader[][] = new Array(branches.length);
  for (let i = 0; i < branches.length; i++) lists[i] = bestOf(branches[i], ev.members.get(branches[i]) ?? NO_MEMBERS);
  // The tenth best of the branches' own bests: ten members have at least that many points, so
  // nobody with fewer can be in the list, and each branch's list (best first) is read up to there.
  const floor = topByPoints(
    lists.filter((l) => l.length > 0).map((l) => l[0]),
    VANGUARD_LEADERS,
  ).at(VANGUARD_LEADERS - 1)?.points ?? 0;
  // Plain loops, no generator: this runs for every district build while events flow.
  const candidates: ScopeLeader[] = [];
  for (const list of lists) {
    for (let i = 0; i < list.length && list[i].points >= floor; i++) candidates.push(list[i]);
  }
  return topByPoints(candidates, VANGUARD_LEADERS);
}
