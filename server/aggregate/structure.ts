// Counts of organisations and members of a scope, for the structure panels. These are counts of
// the directory, not indicators, so they are computed here rather than in the rule book.

import type { CountItem, Structure } from '../../shared/snapshot.ts';
import { ageOn, dateOf } from '../../shared/periods.ts';
import { branchAt, type Directory, type MemberRecord } from '../store/directory.ts';
import { statusAt } from './load-facts.ts';

export function descendants(dir: Directory, code: string): string[] {
  const out: string[] = [];
  const stack = [code];
  while (stack.length) {
    const c = stack.pop()!;
    out.push(c);
    const node = dir.orgs.get(c);
    if (node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}

export function branchesOf(dir: Directory, code: string): string[] {
  return descendants(dir, code).filter((c) => dir.orgs.get(c)?.type === 'branch');
}

/** Current members of the given branches at asOf. */
export function currentMembers(dir: Directory, branches: string[], asOf: number): MemberRecord[] {
  const out: MemberRecord[] = [];
  for (const b of branches) {
    for (const id of dir.staysByBranch.get(b) ?? []) {
      const m = dir.members.get(id)!;
      if (branchAt(m, asOf) === b) out.push(m);
    }
  }
  return out;
}

const AGE_BANDS: [string, number][] = [
  ['≤30', 30],
  ['31-40', 40],
  ['41-50', 50],
  ['51-60', 60],
  ['61+', Infinity],
];

function tally(keys: string[], order?: string[]): CountItem[] {
  const map = new Map<string, number>();
  for (const k of order ?? []) map.set(k, 0);
  for (const k of keys) map.set(k, (map.get(k) ?? 0) + 1);
  const items = [...map].map(([key, count]) => ({ key, count }));
  return order ? items : items.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function structureOf(dir: Directory, scope: string, asOf: number): Structure {
  const orgs = descendants(dir, scope).map((c) => dir.orgs.get(c)!);
  const branches = orgs.filter((o) => o.type === 'branch');
  const members = currentMembers(dir, branches.map((b) => b.code), asOf);
  const today = dateOf(asOf);
  return {
    orgsByType: tally(orgs.filter((o) => o.code !== scope).map((o) => o.type), ['committee', 'general_branch', 'branch']),
    branchesByCategory: tally(branches.map((b) => b.category ?? 'other')),
    branchesWithCommittee: branches.filter((b) => b.hasCommittee).length,
    branchesWithoutCommittee: branches.filter((b) => !b.hasCommittee).length,
    membersByAge: tally(
      members.map((m) => {
        if (!m.birthDate) return 'unknown';
        const age = ageOn(m.birthDate, today);
        return AGE_BANDS.find(([, max]) => age <= max)![0];
      }),
      AGE_BANDS.map(([k]) => k),
    ).filter((i) => i.key !== 'unknown' || i.count > 0),
    membersByGender: tally(members.map((m) => m.gender ?? 'unknown'), ['M', 'F']),
    membersByEducation: tally(members.map((m) => m.education ?? '未填写')),
    membersByStatus: tally(members.map((m) => statusAt(m, asOf)), ['full', 'probationary']),
  };
}
