// Reads of the rollups and small fact tables that evaluation needs. Each takes a month window, and
// optionally the branches or members of interest (an event re-evaluates one branch, not all).

import type { MeetingKind, Stage } from '../../shared/domain.ts';
import type { Db } from './open-db.ts';

type Statement = ReturnType<Db['prepare']> & { all(...params: unknown[]): unknown[] };

export interface OrgMonthSql {
  org_code: string;
  month: string;
  kind: MeetingKind;
  group_code: string;
  meetings: number;
  att_expected: number;
  att_present: number;
}
export interface MemberMonthSql {
  member_id: string;
  month: string;
  paid: number;
  paid_full_at: number | null;
  expected: number;
  present: number;
  excused: number;
  present_points: number;
  volunteer_hours: number;
  demo_posts: number;
}
export interface TaskSql {
  id: string;
  org_code: string;
  title: string;
  due_on: string;
  completed_on: string | null;
}
export interface ApplicantSql {
  id: string;
  name: string;
  org_code: string;
  stage: Stage;
  stage_since: string | null;
}

/** Rows of one organisation or member; may include months outside the window asked for, which
 * callers skip. Read-only: the in-memory cache hands out its own rows. */
export type RowsOf<T> = (id: string) => readonly T[] | undefined;

export function groupRows<T>(rows: Iterable<T>, idOf: (row: T) => string): RowsOf<T> {
  const by = new Map<string, T[]>();
  for (const r of rows) {
    const id = idOf(r);
    const list = by.get(id);
    if (list) list.push(r);
    else by.set(id, [r]);
  }
  return (id) => by.get(id);
}

const inList = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** Chunks keep the number of bound parameters under SQLite's limit. */
function chunked<T>(ids: string[], run: (part: string[]) => T[]): T[] {
  if (ids.length === 0) return [];
  if (ids.length <= 500) return run(ids);
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...run(ids.slice(i, i + 500)));
  return out;
}

export function createRollupReader(db: Db) {
  // Reads of a few organisations or members bind one parameter per code: one statement per
  // list length, prepared once (preparing it again on every re-evaluation cost more than the read).
  const preparedIn = new Map<string, Statement>();
  const withIn = (sql: (list: string) => string, n: number): Statement => {
    const text = sql(inList(n));
    let st = preparedIn.get(text);
    if (!st) preparedIn.set(text, (st = db.prepare(text) as Statement));
    return st;
  };
  // `+month` keeps SQLite off org_month's month index for whole-window reads: the window is most
  // of the table, and an index walk costs one primary-key lookup per row (6.5 s instead of
  // ~0.5 s). member_month's key starts with the month (migration 008): a window is a range of it.
  const orgMonthAll = db.prepare('SELECT * FROM org_month WHERE +month BETWEEN ? AND ?');
  const memberMonthAll = db.prepare(
    'SELECT member_id, month, paid, paid_full_at, expected, present, excused, present_points, volunteer_hours, demo_posts FROM member_month WHERE month BETWEEN ? AND ?',
  );
  const tasksAll = db.prepare('SELECT * FROM tasks ORDER BY due_on, id');
  const applicantsAll = db.prepare('SELECT * FROM applicants ORDER BY id');
  const checkinsOn = db.prepare('SELECT org_code, checkins FROM org_day WHERE day = ?');
  const meetingsUpTo = db.prepare(
    "SELECT org_code, kind, COALESCE(group_code, '') AS group_code, COUNT(*) AS meetings FROM meetings WHERE month = ? AND held_at <= ? GROUP BY 1, 2, 3",
  );
  // A meeting's month is its held_at's month, so the latest meeting is in the latest month: both
  // steps walk the (month, held_at) index, where a bare MAX(held_at) scans the table (~40 ms on
  // the district, paid by every re-evaluation).
  const latestFact = db.prepare('SELECT MAX(held_at) AS t FROM meetings WHERE month = (SELECT MAX(month) FROM meetings)');
  // Key-ordered pages of a whole window: background work reads a window in pieces and yields
  // between them (an open iterator would keep the connection busy for every other statement).
  const orgMonthPage = db.prepare(
    'SELECT * FROM org_month WHERE (org_code, month, kind, group_code) > (?, ?, ?, ?) AND +month BETWEEN ? AND ? ORDER BY org_code, month, kind, group_code LIMIT ?',
  );
  const memberMonthPage = db.prepare(
    'SELECT member_id, month, paid, paid_full_at, expected, present, excused, present_points, volunteer_hours, demo_posts FROM member_month WHERE (month, member_id) > (?, ?) AND month <= ? ORDER BY month, member_id LIMIT ?',
  );

  return {
    orgMonths(from: string, to: string, orgs?: string[]): OrgMonthSql[] {
      if (!orgs) return orgMonthAll.all(from, to) as OrgMonthSql[];
      return chunked(orgs, (part) =>
        withIn((list) => `SELECT * FROM org_month WHERE month BETWEEN ? AND ? AND org_code IN (${list})`, part.length).all(from, to, ...part) as OrgMonthSql[],
      );
    },
    memberMonths(from: string, to: string, members?: string[]): MemberMonthSql[] {
      if (!members) {
        // Raw arrays: building 600 k row objects costs more than the scan itself.
        const out: MemberMonthSql[] = [];
        for (const r of memberMonthAll.raw().iterate(from, to) as Iterable<unknown[]>) {
          out.push({
            member_id: r[0] as string,
            month: r[1] as string,
            paid: r[2] as number,
            paid_full_at: r[3] as number | null,
            expected: r[4] as number,
            present: r[5] as number,
            excused: r[6] as number,
            present_points: r[7] as number,
            volunteer_hours: r[8] as number,
            demo_posts: r[9] as number,
          });
        }
        return out;
      }
      return chunked(members, (part) =>
        withIn(
          (list) =>
            `SELECT member_id, month, paid, paid_full_at, expected, present, excused, present_points, volunteer_hours, demo_posts FROM member_month WHERE month BETWEEN ? AND ? AND member_id IN (${list})`,
          part.length,
        ).all(from, to, ...part) as MemberMonthSql[],
      );
    },
    orgMonthsOf(from: string, to: string, orgs?: string[]): RowsOf<OrgMonthSql> {
      return groupRows(this.orgMonths(from, to, orgs), (r) => r.org_code);
    },
    memberMonthsOf(from: string, to: string, members?: string[]): RowsOf<MemberMonthSql> {
      return groupRows(this.memberMonths(from, to, members), (r) => r.member_id);
    },
    tasks(orgs?: string[]): TaskSql[] {
      if (!orgs) return tasksAll.all() as TaskSql[];
      return chunked(orgs, (part) => withIn((list) => `SELECT * FROM tasks WHERE org_code IN (${list})`, part.length).all(...part) as TaskSql[]);
    },
    applicants(): ApplicantSql[] {
      return applicantsAll.all() as ApplicantSql[];
    },
    checkins(day: string): Map<string, number> {
      return new Map((checkinsOn.all(day) as { org_code: string; checkins: number }[]).map((r) => [r.org_code, r.checkins]));
    },
    /** Meetings of one month held at or before an instant: corrects the month of a historical `at=`. */
    meetingsUpTo(month: string, asOf: number): { org_code: string; kind: MeetingKind; group_code: string; meetings: number }[] {
      return meetingsUpTo.all(month, asOf) as { org_code: string; kind: MeetingKind; group_code: string; meetings: number }[];
    },
    /** Up to `limit` rows of the window after the row `after` (null: from the start). */
    orgMonthPage(from: string, to: string, after: OrgMonthSql | null, limit: number): OrgMonthSql[] {
      const k = after ? [after.org_code, after.month, after.kind, after.group_code] : ['', '', '', ''];
      return orgMonthPage.all(...k, from, to, limit) as OrgMonthSql[];
    },
    memberMonthPage(from: string, to: string, after: MemberMonthSql | null, limit: number): MemberMonthSql[] {
      // Each page seeks to the row after the last one (no member id is empty, so the first page
      // starts at the window's first month): a page costs its own rows, not the pages before it.
      return memberMonthPage.all(after?.month ?? from, after?.member_id ?? '', to, limit) as MemberMonthSql[];
    },
    latestMeetingAt(): number | null {
      return (latestFact.get() as { t: number | null }).t;
    },
  };
}

export type RollupReader = ReturnType<typeof createRollupReader>;
