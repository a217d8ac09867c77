// The facts of the database as a Dataset in the import contract's shape (CONTRACTS §1), for the
// raw export: importing it into an empty database gives the same facts, so the same indicators.
// Instants go out in the contract's form, +08:00 to the second: the import keeps no more than
// that, so live events' milliseconds are dropped here rather than on the way back in.
//
// What the import format cannot carry is exported as the current state: a member who left or was
// transferred appears as a member of their last branch since `org_since`, a converted member as
// full. A scope other than the root exports its subtree; its rows refer to the parent outside it
// (and attendance may refer to visitors from other branches), so such a file re-imports into a
// database that holds the rest, not into an empty one.

import type { Dataset, DatasetFile } from '../../shared/domain.ts';
import { formatInstant } from '../../shared/periods.ts';
import type { Db } from './open-db.ts';

const instant = formatInstant;
const orNull = <T>(v: T | null, f: (v: T) => string) => (v === null ? null : f(v));

type Row = Record<string, unknown>;

/** Every row of every table, or only those of the organisations in `orgs`. */
export function readDataset(db: Db, orgs?: Set<string>): Dataset {
  const inScope = (code: unknown) => !orgs || orgs.has(code as string);
  const rows = <T>(sql: string, keep: (r: Row) => boolean, map: (r: Row) => T): T[] => {
    const out: T[] = [];
    for (const r of db.prepare(sql).iterate() as Iterable<Row>) if (keep(r)) out.push(map(r));
    return out;
  };
  const b = (v: unknown) => v === 1;

  const ds: Dataset = {
    orgs: rows('SELECT * FROM orgs ORDER BY code', (r) => inScope(r.code), (r) => ({
      code: r.code, name: r.name, type: r.type, parent_code: r.parent_code, category: r.category, established_on: r.established_on,
      term_started_on: r.term_started_on, term_years: r.term_years, has_committee: b(r.has_committee), region: r.region, lng: r.lng, lat: r.lat,
    }) as Dataset['orgs'][number]),
    groups: rows('SELECT * FROM party_groups ORDER BY code', (r) => inScope(r.branch_code), (r) => ({ code: r.code, branch_code: r.branch_code, name: r.name }) as Dataset['groups'][number]),
    members: rows('SELECT * FROM members ORDER BY id', (r) => inScope(r.org_code), (r) => ({
      id: r.id, name: r.name, org_code: r.org_code, status: r.status, gender: r.gender, birth_date: r.birth_date, joined_on: r.joined_on,
      org_since: r.org_since, group_code: r.group_code, probation_started_on: r.probation_started_on, dues_monthly: r.dues_monthly,
      monthly_income: r.monthly_income, income_kind: r.income_kind, on_committee: b(r.on_committee), education: r.education,
      is_mobile: b(r.is_mobile), phone: r.phone,
    }) as Dataset['members'][number]),
    meetings: rows('SELECT * FROM meetings ORDER BY id', (r) => inScope(r.org_code), (r) => ({
      id: r.id, org_code: r.org_code, kind: r.kind, held_at: instant(r.held_at as number), group_code: r.group_code, topic: r.topic,
    }) as Dataset['meetings'][number]),
    attendance: [],
    dues: [],
    activities: [],
    tasks: rows('SELECT * FROM tasks ORDER BY id', (r) => inScope(r.org_code), (r) => ({ id: r.id, org_code: r.org_code, title: r.title, due_on: r.due_on, completed_on: r.completed_on }) as Dataset['tasks'][number]),
    applicants: rows('SELECT * FROM applicants ORDER BY id', (r) => inScope(r.org_code), (r) => ({ id: r.id, name: r.name, org_code: r.org_code, stage: r.stage, stage_since: r.stage_since }) as Dataset['applicants'][number]),
  };
  // Facts without an organisation column follow their meeting or member into the scope.
  const meetings = new Set(ds.meetings.map((m) => m.id));
  const members = new Set(ds.members.map((m) => m.id));
  ds.attendance = rows('SELECT * FROM attendance ORDER BY meeting_id, member_id', (r) => meetings.has(r.meeting_id as string), (r) => ({
    meeting_id: r.meeting_id, member_id: r.member_id, status: r.status, checked_in_at: orNull(r.checked_in_at as number | null, instant),
  }) as Dataset['attendance'][number]);
  ds.dues = rows('SELECT * FROM dues ORDER BY id', (r) => members.has(r.member_id as string), (r) => ({
    id: r.id, member_id: r.member_id, month: r.month, amount: r.amount, paid_at: instant(r.paid_at as number),
  }) as Dataset['dues'][number]);
  ds.activities = rows('SELECT * FROM activities ORDER BY id', (r) => members.has(r.member_id as string), (r) => ({
    id: r.id, member_id: r.member_id, kind: r.kind, hours: r.hours, at: instant(r.at as number),
  }) as Dataset['activities'][number]);
  return ds;
}

/** Rows per file of a whole-database export, without reading them (to refuse early what a sheet cannot hold). */
export function datasetRowCounts(db: Db): Record<DatasetFile, number> {
  const n = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    orgs: n('orgs'), groups: n('party_groups'), members: n('members'), meetings: n('meetings'), attendance: n('attendance'),
    dues: n('dues'), activities: n('activities'), tasks: n('tasks'), applicants: n('applicants'),
  };
}
