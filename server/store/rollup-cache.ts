// The rollups of the live window held in memory: filled by one scan, then kept current by the
// increments of every committed write (the same numbers the transaction wrote). Re-evaluating a
// branch after an event then reads no SQL. Windows outside the cached range go to SQLite.
// Rows are kept in one list per organisation and per member, so an evaluation looks its rows up
// without building anything; `orgMonths`/`memberMonths` copy, the `…Of` lookups share.

import type { MeetingKind } from '../../shared/domain.ts';
import type { Db } from './open-db.ts';
import type { RollupAcc } from './rollup-acc.ts';
import type { MemberMonthSql, OrgMonthSql, RollupReader, RowsOf } from './rollup-read.ts';
import { onCommitted, readDuesFrom } from './write-context.ts';

/** Rows by id, plus a key index for the writes that add to them. */
class Rows<T> {
  readonly byId = new Map<string, T[]>();
  readonly byKey = new Map<string, T>();
  clear() {
    this.byId.clear();
    this.byKey.clear();
  }
  add(id: string, key: string, row: T): T {
    this.byKey.set(key, row);
    const list = this.byId.get(id);
    if (list) list.push(row);
    else this.byId.set(id, [row]);
    return row;
  }
  *all(ids?: string[]): Iterable<T> {
    if (!ids) {
      for (const list of this.byId.values()) yield* list;
      return;
    }
    for (const id of ids) yield* this.byId.get(id) ?? [];
  }
}

const emptyMemberRow = (member: string, month: string): MemberMonthSql => ({
  member_id: member,
  month,
  paid: 0,
  paid_full_at: null,
  expected: 0,
  present: 0,
  excused: 0,
  present_points: 0,
  volunteer_hours: 0,
  demo_posts: 0,
});

export interface CachedReader extends RollupReader {
  cachedFrom(): string | null;
  /** True when the cache answers for months from `lo` onwards (filling it on first use). */
  covers(lo: string): boolean;
  /**
   * Changes whenever a member's cached rows or directory record change (and when the cache is
   * refilled): what is derived from a member and carries the same stamp is still current.
   */
  memberStamp(id: string): number;
  /** A month of a member's dues as committed, when the cache holds that month (else undefined). */
  duesState(member: string, month: string): { paid: number; fullAt: number | null } | undefined;
}

export function createCachedReader(db: Db, sql: RollupReader): CachedReader {
  let from: string | null = null; // cached months: from `from` onwards (writes extend it forward)
  const orgs = new Rows<OrgMonthSql>(); // key org|month|kind|group
  const members = new Rows<MemberMonthSql>(); // key member|month
  let stamp = 0;
  let filledAt = 0;
  const changedAt = new Map<string, number>();

  const memberRow = (member: string, month: string): MemberMonthSql => {
    const key = `${member}|${month}`;
    return members.byKey.get(key) ?? members.add(member, key, emptyMemberRow(member, month));
  };

  onCommitted(db, (acc: RollupAcc) => {
    stamp += 1;
    for (const id of acc.members) changedAt.set(id, stamp);
    for (const r of acc.memberMonth.values()) changedAt.set(r.member, stamp);
    for (const key of acc.duesResults.keys()) changedAt.set(key.slice(0, key.indexOf('|')), stamp);
    if (from === null) return;
    for (const r of acc.orgMonth.values()) {
      if (r.month < from) continue;
      const key = `${r.org}|${r.month}|${r.kind}|${r.group}`;
      const row =
        orgs.byKey.get(key) ??
        orgs.add(r.org, key, { org_code: r.org, month: r.month, kind: r.kind as MeetingKind, group_code: r.group, meetings: 0, att_expected: 0, att_present: 0 });
      row.meetings += r.meetings;
      row.att_expected += r.attExpected;
      row.att_present += r.attPresent;
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
      if (month < from) continue;
      const row = memberRow(key.slice(0, bar), month);
      row.paid = d.paid;
      row.paid_full_at = d.fullAt;
    }
  });

  const fill = (start: string) => {
    orgs.clear();
    members.clear();
    for (const r of sql.orgMonths(start, '9999-12')) orgs.add(r.org_code, `${r.org_code}|${r.month}|${r.kind}|${r.group_code}`, r);
    for (const r of sql.memberMonths(start, '9999-12')) members.add(r.member_id, `${r.member_id}|${r.month}`, r);
    from = start;
    filledAt = stamp += 1;
    changedAt.clear();
  };
  const covers = (lo: string) => {
    if (from === null) fill(lo);
    return lo >= from!;
  };
  const inWindow = (month: string, lo: string, hi: string) => month >= lo && month <= hi;
  const copies = <T extends { month: string }>(rows: Iterable<T>, lo: string, hi: string): T[] => {
    const out: T[] = [];
    for (const r of rows) if (inWindow(r.month, lo, hi)) out.push({ ...r });
    return out;
  };

  const duesState = (member: string, month: string) => {
    if (from === null || month < from) return undefined;
    const row = members.byKey.get(`${member}|${month}`);
    return row ? { paid: row.paid, fullAt: row.paid_full_at } : { paid: 0, fullAt: null };
  };
  readDuesFrom(db, duesState);

  return {
    ...sql,
    cachedFrom: () => from,
    covers,
    memberStamp: (id) => changedAt.get(id) ?? filledAt,
    duesState,
    orgMonths(lo, hi, ids) {
      return covers(lo) ? copies(orgs.all(ids), lo, hi) : sql.orgMonths(lo, hi, ids);
    },
    memberMonths(lo, hi, ids) {
      return covers(lo) ? copies(members.all(ids), lo, hi) : sql.memberMonths(lo, hi, ids);
    },
    orgMonthsOf(lo, hi, ids): RowsOf<OrgMonthSql> {
      return covers(lo) ? (id) => orgs.byId.get(id) : sql.orgMonthsOf(lo, hi, ids);
    },
    memberMonthsOf(lo, hi, ids): RowsOf<MemberMonthSql> {
      return covers(lo) ? (id) => members.byId.get(id) : sql.memberMonthsOf(lo, hi, ids);
    },
  };
}
