// The rollups of the live window held in memory: filled by one scan, then kept current by the
// increments of every committed write (the same numbers the transaction wrote). Re-evaluating a
// branch after an event then reads no SQL. Windows outside the cached range go to SQLite.

import type { MeetingKind } from '../../shared/domain.ts';
import type { Db } from './open-db.ts';
import type { RollupAcc } from './rollup-acc.ts';
import type { MemberMonthSql, OrgMonthSql, RollupReader } from './rollup-read.ts';
import { onCommitted } from './write-context.ts';

export function createCachedReader(db: Db, sql: RollupReader): RollupReader & { cachedFrom(): string | null } {
  let from: string | null = null; // cached months: from `from` onwards (writes extend it forward)
  const orgRows = new Map<string, OrgMonthSql>(); // org|month|kind|group
  const byOrg = new Map<string, Set<string>>();
  const memberRows = new Map<string, MemberMonthSql>(); // member|month
  const byMember = new Map<string, Set<string>>();

  const index = (m: Map<string, Set<string>>, id: string, key: string) => {
    let s = m.get(id);
    if (!s) m.set(id, (s = new Set()));
    s.add(key);
  };
  const putOrg = (r: OrgMonthSql) => {
    const key = `${r.org_code}|${r.month}|${r.kind}|${r.group_code}`;
    orgRows.set(key, r);
    index(byOrg, r.org_code, key);
  };
  const memberRow = (member: string, month: string): MemberMonthSql => {
    const key = `${member}|${month}`;
    let r = memberRows.get(key);
    if (!r) {
      r = { member_id: member, month, paid_full_at: null, expected: 0, present: 0, excused: 0, present_points: 0, volunteer_hours: 0, demo_posts: 0 };
      memberRows.set(key, r);
      index(byMember, member, key);
    }
    return r;
  };

  onCommitted(db, (acc: RollupAcc) => {
    if (from === null) return;
    for (const r of acc.orgMonth.values()) {
      if (r.month < from) continue;
      const key = `${r.org}|${r.month}|${r.kind}|${r.group}`;
      const row = orgRows.get(key) ?? { org_code: r.org, month: r.month, kind: r.kind as MeetingKind, group_code: r.group, meetings: 0, att_expected: 0, att_present: 0 };
      row.meetings += r.meetings;
      row.att_expected += r.attExpected;
      row.att_present += r.attPresent;
      putOrg(row);
    }
    for (const r of acc.memberMonth.values()) {
      if (r.month < from) continue;
      const row = memberRow(r.member, r.month);
      row.expected += r.expected;
      row.present += r.present;
      row.excused += r.excused;
      row.present_points += r.presentPoints;
      row.volunteer_hours += r.volunteerHours;
      row.demo_posts += r.demoPosts;
    }
    for (const [key, d] of acc.duesResults) {
      const bar = key.indexOf('|');
      const month = key.slice(bar + 1);
      if (month >= from) memberRow(key.slice(0, bar), month).paid_full_at = d.fullAt;
    }
  });

  const fill = (start: string) => {
    orgRows.clear();
    byOrg.clear();
    memberRows.clear();
    byMember.clear();
    for (const r of sql.orgMonths(start, '9999-12')) putOrg(r);
    for (const r of sql.memberMonths(start, '9999-12')) {
      memberRows.set(`${r.member_id}|${r.month}`, r);
      index(byMember, r.member_id, `${r.member_id}|${r.month}`);
    }
    from = start;
  };
  // Callers mutate nothing they get back, but copies keep the cache safe from them anyway.
  const inWindow = (month: string, lo: string, hi: string) => month >= lo && month <= hi;

  return {
    ...sql,
    cachedFrom: () => from,
    orgMonths(lo, hi, orgs) {
      if (from === null || lo < from) {
        if (from !== null) return sql.orgMonths(lo, hi, orgs);
        fill(lo);
      }
      const keys = orgs ? orgs.flatMap((o) => [...(byOrg.get(o) ?? [])]) : [...orgRows.keys()];
      return keys.map((k) => orgRows.get(k)!).filter((r) => inWindow(r.month, lo, hi)).map((r) => ({ ...r }));
    },
    memberMonths(lo, hi, members) {
      if (from === null || lo < from) {
        if (from !== null) return sql.memberMonths(lo, hi, members);
        fill(lo);
      }
      const keys = members ? members.flatMap((m) => [...(byMember.get(m) ?? [])]) : [...memberRows.keys()];
      return keys.map((k) => memberRows.get(k)!).filter((r) => inWindow(r.month, lo, hi)).map((r) => ({ ...r }));
    },
  };
}
