// Reads of the rollups and small fact tables that evaluation needs. Each takes a month window, and
// optionally the branches or members of interest (an event re-evaluates one branch, not all).

import type { MeetingKind, Stage } from '../../shared/domain.ts';
import type { Db } from './open-db.ts';

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

const inList = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** Chunks keep the number of bound parameters under SQLite's limit. */
function chunked<T>(ids: string[], run: (part: string[]) => T[]): T[] {
  if (ids.length <= 500) return run(ids);
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...run(ids.slice(i, i + 500)));
  return out;
}

export function createRollupReader(db: Db) {
  // `+month` keeps SQLite off the month index for whole-window reads: the window is most of the
  // table, and an index walk costs one primary-key lookup per row (6.5 s instead of ~0.5 s).
  const orgMonthAll = db.prepare('SELECT * FROM org_month WHERE +month BETWEEN ? AND ?');
  const memberMonthAll = db.prepare(
    'SELECT member_id, month, paid_full_at, expected, present, excused, present_points, volunteer_hours, demo_posts FROM member_month WHERE +month BETWEEN ? AND ?',
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

  return {
    orgMonths(from: string, to: string, orgs?: string[]): OrgMonthSql[] {
      if (!orgs) return orgMonthAll.all(from, to) as OrgMonthSql[];
      return chunked(orgs, (part) =>
        db.prepare(`SELECT * FROM org_month WHERE month BETWEEN ? AND ? AND org_code IN (${inList(part.length)})`).all(from, to, ...part) as OrgMonthSql[],
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
            paid_full_at: r[2] as number | null,
            expected: r[3] as number,
            present: r[4] as number,
            excused: r[5] as number,
            present_points: r[6] as number,
            volunteer_hours: r[7] as number,
            demo_posts: r[8] as number,
          });
        }
        return out;
      }
      return chunked(members, (part) =>
        db
          .prepare(
            `SELECT member_id, month, paid_full_at, expected, present, excused, present_points, volunteer_hours, demo_posts FROM member_month WHERE month BETWEEN ? AND ? AND member_id IN (${inList(part.length)})`,
          )
          .all(from, to, ...part) as MemberMonthSql[],
      );
    },
    tasks(orgs?: string[]): TaskSql[] {
      if (!orgs) return tasksAll.all() as TaskSql[];
      return chunked(orgs, (part) => db.prepare(`SELECT * FROM tasks WHERE org_code IN (${inList(part.length)})`).all(...part) as TaskSql[]);
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
    latestMeetingAt(): number | null {
      return (latestFact.get() as { t: number | null }).t;
    },
  };
}

export type RollupReader = ReturnType<typeof createRollupReader>;
