// The bulk import's rollup flush: what flushRollups (fact-ops.ts) writes, in the same key order,
// a batch of rows per statement. An import into empty rollup tables (a new database) only adds
// rows, and an upsert of a missing row is the insert of its increments, so the plain multi-row
// INSERT writes the same values; a batch that meets a row already there is upserted row by row
// with the very statements flushRollups uses.

import type { Statement } from 'better-sqlite3';
import { duesOfMonth, inMemberMonthOrder, type Ctx } from './fact-ops.ts';
import { MultiInsert, BATCH } from './multi-insert.ts';
import type { Db } from './open-db.ts';
import type { MemberMonthInc } from './rollup-acc.ts';

/**
 * Rows pushed value by value into `params`; every BATCH rows they go in at once, or, when a key
 * is already there, row by row: row k's values, less `extra` trailing insert-only ones, to
 * upserts[k] (so no closure or array is made per row on the way that is almost always taken).
 */
class Batcher {
  readonly params: unknown[] = [];
  private readonly upserts: Statement[] = [];

  constructor(
    private readonly into: MultiInsert,
    private readonly extra: Uint8Array = new Uint8Array(BATCH),
  ) {}

  /** Ends the row whose values were just pushed; upsert is its row-by-row statement. */
  row(upsert: Statement, extra = 0): void {
    this.extra[this.upserts.length] = extra;
    this.upserts.push(upsert);
    if (this.upserts.length === BATCH) this.flush();
  }

  flush(): void {
    const n = this.upserts.length;
    if (n === 0) return;
    if (!this.into.tryInsert(this.params)) {
      const width = this.into.width;
      for (let k = 0; k < n; k++) this.upserts[k].run(this.params.slice(k * width, (k + 1) * width - this.extra[k]));
    }
    this.params.length = 0;
    this.upserts.length = 0;
  }
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The map's values in the order of their keys (flushRollups' order), without a lookup per key. */
function inKeyOrder<V>(map: Map<string, V>): V[] {
  const entries: { key: string; value: V }[] = [];
  for (const [key, value] of map) entries.push({ key, value });
  return entries.sort(byKey).map((e) => e.value);
}

export function importRollupFlush(db: Db): (ctx: Ctx) => void {
  const orgMonth = new MultiInsert(db, 'INSERT INTO org_month (org_code, month, kind, group_code, meetings, att_expected, att_present)', 7);
  const orgDay = new MultiInsert(db, 'INSERT INTO org_day (org_code, day, checkins)', 3);
  // paid 0 and paid_full_at NULL are the columns' defaults, which a month without dues keeps.
  const memberMonth = new MultiInsert(
    db,
    'INSERT INTO member_month (member_id, month, expected, present, excused, present_points, volunteer_hours, demo_posts, paid, paid_full_at)',
    10,
  );

  return (ctx) => {
    const { w, acc } = ctx;

    const om = new Batcher(orgMonth);
    for (const r of inKeyOrder(acc.orgMonth)) {
      om.params.push(r.org, r.month, r.kind, r.group, r.meetings, r.attExpected, r.attPresent);
      om.row(w.incOrgMonth);
    }
    om.flush();

    const od = new Batcher(orgDay);
    for (const r of inKeyOrder(acc.orgDay)) {
      od.params.push(r.org, r.day, r.checkins);
      od.row(w.incOrgDay);
    }
    od.flush();

    // Every member-month once, in the table's key order: the months with dues (re-summed below)
    // and the others. Each key is looked up in the other collection once, and its row carried along.
    const months: { key: string; r: MemberMonthInc | undefined; dues: boolean }[] = [];
    for (const key of acc.duesTouched) months.push({ key, r: acc.memberMonth.get(key), dues: true });
    for (const [key, r] of acc.memberMonth) if (!acc.duesTouched.has(key)) months.push({ key, r, dues: false });
    const mm = new Batcher(memberMonth);
    for (const { key, r, dues } of inMemberMonthOrder(months, (m) => m.key)) {
      if (!dues) {
        mm.params.push(r!.member, r!.month, r!.expected, r!.present, r!.excused, r!.presentPoints, r!.volunteerHours, r!.demoPosts, 0, null);
        mm.row(w.incMemberMonth, 2);
        continue;
      }
      const bar = key.indexOf('|');
      const member = key.slice(0, bar);
      const month = key.slice(bar + 1);
      // duesOfMonth's answer is a fresh { paid, fullAt }: kept as the month's result as it is.
      const result = duesOfMonth(ctx, key, member, month, ctx.dir.members.get(member)?.due ?? 0);
      acc.duesResults.set(key, result);
      mm.params.push(member, month, r?.expected ?? 0, r?.present ?? 0, r?.excused ?? 0, r?.presentPoints ?? 0, r?.volunteerHours ?? 0, r?.demoPosts ?? 0, result.paid, result.fullAt);
      mm.row(w.incMemberMonthDues);
    }
    mm.flush();
  };
}
