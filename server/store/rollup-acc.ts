// Folding facts into rollup increments. The same fold serves the bulk import and live events, so
// both paths produce the same rollups; the writer flushes the accumulated increments to SQL in the
// transaction that inserted the facts.

import { KINDS_ATTENDANCE, KINDS_ORG_LIFE, type AttendanceStatus, type MeetingKind } from '../../shared/domain.ts';
import { dateOf, monthOf } from '../../shared/periods.ts';
import { inBranchAt, type Directory, type MemberRecord } from './directory.ts';

export interface OrgMonthInc {
  org: string;
  month: string;
  kind: MeetingKind;
  group: string;
  meetings: number;
  attExpected: number;
  attPresent: number;
}

export interface MemberMonthInc {
  member: string;
  month: string;
  expected: number;
  present: number;
  excused: number;
  presentPoints: number;
  volunteerHours: number;
  demoPosts: number;
}

export interface MeetingInfo {
  id: string;
  org: string;
  kind: MeetingKind;
  group: string | null;
  heldAt: number;
}

export class RollupAcc {
  readonly orgMonth = new Map<string, OrgMonthInc>();
  readonly memberMonth = new Map<string, MemberMonthInc>();
  readonly orgDay = new Map<string, { org: string; day: string; checkins: number }>();
  /** member|month keys whose dues must be re-summed after the payments are inserted. */
  readonly duesTouched = new Set<string>();
  /** Dues months as re-summed at flush (absolute values), for the in-memory rollup cache. */
  readonly duesResults = new Map<string, { paid: number; fullAt: number | null }>();
  /** Branches whose figures changed: the aggregate stage re-evaluates these and their ancestors. */
  readonly touched = new Set<string>();
  /** Members whose directory record changed (joined, moved, converted, left). */
  readonly members = new Set<string>();

  // Fast paths for the bulk import, which asks millions of times: rows of one member are found
  // by month among that member's few rows (months are shared strings, so === is cheap), and the
  // org rows asked for last are checked first (a meeting's attendance comes in one run). The
  // keyed maps above stay the record; these only save building and hashing a key per call.
  private readonly memberRows = new Map<string, MemberMonthInc[]>();
  private lastOrgMonth: OrgMonthInc | null = null;
  private lastOrgDay: { org: string; day: string; checkins: number } | null = null;

  orgMonthRow(org: string, month: string, kind: MeetingKind, group: string | null): OrgMonthInc {
    const last = this.lastOrgMonth;
    const g = group ?? '';
    if (last !== null && last.org === org && last.month === month && last.kind === kind && last.group === g) return last;
    const key = `${org}|${month}|${kind}|${g}`;
    let row = this.orgMonth.get(key);
    if (!row) this.orgMonth.set(key, (row = { org, month, kind, group: g, meetings: 0, attExpected: 0, attPresent: 0 }));
    return (this.lastOrgMonth = row);
  }

  orgDayRow(org: string, day: string): { org: string; day: string; checkins: number } {
    const last = this.lastOrgDay;
    if (last !== null && last.org === org && last.day === day) return last;
    const key = `${org}|${day}`;
    let row = this.orgDay.get(key);
    if (!row) this.orgDay.set(key, (row = { org, day, checkins: 0 }));
    return (this.lastOrgDay = row);
  }

  memberMonthRow(member: string, month: string): MemberMonthInc {
    let rows = this.memberRows.get(member);
    if (rows === undefined) this.memberRows.set(member, (rows = []));
    for (let i = 0; i < rows.length; i++) if (rows[i].month === month) return rows[i];
    const row: MemberMonthInc = { member, month, expected: 0, present: 0, excused: 0, presentPoints: 0, volunteerHours: 0, demoPosts: 0 };
    rows.push(row);
    this.memberMonth.set(`${member}|${month}`, row);
    return row;
  }
}

/** Is this member among the meeting's expected attendees (rule book, member light section)? */
export function isExpected(m: MemberRecord, meeting: MeetingInfo): boolean {
  if (!inBranchAt(m, meeting.org, meeting.heldAt)) return false;
  if (meeting.kind === 'group_meeting') return m.groupCode !== null && m.groupCode === meeting.group;
  if (meeting.kind === 'committee_meeting') return m.onCommittee;
  return true;
}

export function foldMeeting(acc: RollupAcc, dir: Directory, meeting: MeetingInfo): void {
  const month = monthOf(meeting.heldAt);
  const row = acc.orgMonthRow(meeting.org, month, meeting.kind, meeting.kind === 'group_meeting' ? meeting.group : null);
  row.meetings += 1;
  acc.touched.add(meeting.org);
  if (!KINDS_ORG_LIFE.includes(meeting.kind)) return;
  let expected = 0;
  for (const id of dir.staysByBranch.get(meeting.org) ?? []) {
    const m = dir.members.get(id)!;
    if (!isExpected(m, meeting)) continue;
    expected += 1;
    acc.memberMonthRow(id, month).expected += 1;
  }
  if (KINDS_ATTENDANCE.includes(meeting.kind)) row.attExpected += expected;
}

export function foldAttendance(
  acc: RollupAcc,
  dir: Directory,
  meeting: MeetingInfo,
  memberId: string,
  status: AttendanceStatus,
  checkedInAt: number | null,
): void {
  const member = dir.members.get(memberId);
  if (!member) return;
  const month = monthOf(meeting.heldAt);
  const orgLife = KINDS_ORG_LIFE.includes(meeting.kind);
  acc.touched.add(meeting.org);
  if (status === 'present') {
    acc.orgDayRow(meeting.org, dateOf(checkedInAt ?? meeting.heldAt)).checkins += 1;
  }
  if (!orgLife) return;
  const mm = acc.memberMonthRow(memberId, month);
  // The member's own branch holds their facts: a visitor's points change there, not only here.
  acc.touched.add(member.org);
  if (status === 'present') mm.presentPoints += 1;
  // Only expected attendees count towards rates and streaks: a visitor from another branch
  // who checks in must not push a rate above 100 %.
  if (!isExpected(member, meeting)) return;
  if (status === 'present') {
    mm.present += 1;
    if (KINDS_ATTENDANCE.includes(meeting.kind)) acc.orgMonthRow(meeting.org, month, meeting.kind, null).attPresent += 1;
  } else {
    mm.excused += 1;
  }
}

export function foldActivity(acc: RollupAcc, dir: Directory, memberId: string, kind: 'volunteer' | 'demo_post', hours: number | null, at: number): void {
  const row = acc.memberMonthRow(memberId, monthOf(at));
  if (kind === 'volunteer') row.volunteerHours += hours ?? 0;
  else row.demoPosts += 1;
  const m = dir.members.get(memberId);
  if (m) acc.touched.add(m.org);
}

export function foldPayment(acc: RollupAcc, dir: Directory, memberId: string, month: string): void {
  acc.duesTouched.add(`${memberId}|${month}`);
  const m = dir.members.get(memberId);
  if (m) acc.touched.add(m.org);
}

/** When did payments (sorted by time) first add up to the amount due? */
export function paidFullAt(payments: { amount: number; paidAt: number }[], due: number): { paid: number; fullAt: number | null } {
  // Most months hold one payment: no copy and no sort for those (an import flushes ~600 k months).
  const sorted = payments.length > 1 ? payments.slice().sort((a, b) => a.paidAt - b.paidAt) : payments;
  let paid = 0;
  let fullAt: number | null = null;
  for (const p of sorted) {
    paid += p.amount;
    // Sums of fen can drift in binary floating point: compare in fen.
    if (fullAt === null && Math.round(paid * 100) >= Math.round(due * 100)) fullAt = p.paidAt;
  }
  return { paid: Math.round(paid * 100) / 100, fullAt };
}
