// The bulk import's fact writers: the same rows, directory updates and rollup folds as
// putMeeting, putAttendance, putDues and putActivity (fact-ops.ts), a batch of rows per
// statement (multi-insert.ts). A batch that meets a key already there is handed to those very
// functions row by row, so a re-import or an import on top of live data ends as it always did.

import type { ActivityRow, AttendanceRow, DuesRow, MeetingRow } from '../../shared/domain.ts';
import { monthOf, parseInstant } from '../../shared/periods.ts';
import { findMeeting, putActivity, putAttendance, putDues, putMeeting, type Ctx } from './fact-ops.ts';
import { MultiInsert, writeBatched, BATCH } from './multi-insert.ts';
import type { Db } from './open-db.ts';
import { foldActivity, foldAttendance, foldMeeting, type MeetingInfo } from './rollup-acc.ts';

export interface FactWriters {
  meetings(rows: MeetingRow[]): number;
  attendance(rows: AttendanceRow[]): number;
  dues(rows: DuesRow[]): number;
  activities(rows: ActivityRow[]): number;
}

export function factWriters(db: Db, ctx: Ctx): FactWriters {
  const into = {
    meetings: new MultiInsert(db, 'INSERT INTO meetings (id, org_code, kind, held_at, month, group_code, topic)', 7),
    attendance: new MultiInsert(db, 'INSERT INTO attendance (meeting_id, member_id, status, checked_in_at)', 4),
    dues: new MultiInsert(db, 'INSERT INTO dues (id, member_id, month, amount, paid_at)', 5),
    activities: new MultiInsert(db, 'INSERT INTO activities (id, member_id, kind, hours, at, month)', 6),
  };
  // Per batch: what bind() worked out for row k, for fold() to use without working it out again.
  const infos: MeetingInfo[] = new Array(BATCH);
  const times = new Float64Array(BATCH);
  const hasTime = new Uint8Array(BATCH);
  const { acc, dir } = ctx;

  return {
    meetings: (rows) =>
      writeBatched(
        rows,
        into.meetings,
        (r, k, p) => {
          const heldAt = parseInstant(r.held_at)!;
          infos[k] = { id: r.id, org: r.org_code, kind: r.kind, group: r.group_code, heldAt };
          p.push(r.id, r.org_code, r.kind, heldAt, monthOf(heldAt), r.group_code, r.topic);
        },
        (r, k) => {
          ctx.meetings.set(r.id, infos[k]);
          foldMeeting(acc, dir, infos[k]);
        },
        (r) => putMeeting(ctx, r),
      ),
    attendance: (rows) =>
      writeBatched(
        rows,
        into.attendance,
        (r, k, p) => {
          const meeting = findMeeting(ctx, r.meeting_id);
          if (!meeting) throw new Error(`attendance for unknown meeting ${r.meeting_id}`);
          infos[k] = meeting;
          const at = r.checked_in_at ? parseInstant(r.checked_in_at) : null;
          hasTime[k] = at === null ? 0 : 1;
          times[k] = at ?? 0;
          p.push(r.meeting_id, r.member_id, r.status, at);
        },
        (r, k) => foldAttendance(acc, dir, infos[k], r.member_id, r.status, hasTime[k] ? times[k] : null),
        (r) => putAttendance(ctx, r),
      ),
    dues: (rows) => {
      // foldPayment's work, with the member|month key made once for both collections (the
      // flush then finds it by identity) and the member's branch looked up once per member.
      let member: string | null = null;
      return writeBatched(
        rows,
        into.dues,
        (r, k, p) => {
          times[k] = parseInstant(r.paid_at)!;
          p.push(r.id, r.member_id, r.month, r.amount, times[k]);
        },
        (r, k) => {
          const key = `${r.member_id}|${r.month}`;
          let list = ctx.payments.get(key);
          if (!list) ctx.payments.set(key, (list = []));
          list.push({ amount: r.amount, paidAt: times[k] });
          acc.duesTouched.add(key);
          if (r.member_id !== member) {
            member = r.member_id;
            const m = dir.members.get(member);
            if (m) acc.touched.add(m.org);
          }
        },
        (r) => {
          member = null;
          return putDues(ctx, r);
        },
      );
    },
    activities: (rows) =>
      writeBatched(
        rows,
        into.activities,
        (r, k, p) => {
          times[k] = parseInstant(r.at)!;
          p.push(r.id, r.member_id, r.kind, r.hours, times[k], monthOf(times[k]));
        },
        (r, k) => foldActivity(acc, dir, r.member_id, r.kind, r.hours, times[k]),
        (r) => putActivity(ctx, r),
      ),
  };
}
