// Builds the rule book's inputs (BranchFacts) for some or all branches as of an instant, from the
// rollups and the in-memory directory. The window is the 13 months up to asOf's month: this year
// plus the 12-month look-back of the member streaks.

import type { ApplicantFacts, BranchFacts, MeetingMonth, MemberFacts, MemberMonth } from '../../shared/model.ts';
import { addMonths, dateOf, monthEnd, monthOf, monthRange } from '../../shared/periods.ts';
import { branchAt, type Directory, type MemberRecord } from '../store/directory.ts';
import type { MemberMonthSql, RollupReader } from '../store/rollup-read.ts';

export const WINDOW_MONTHS = 12;

export function windowOf(asOf: number): { from: string; to: string; months: string[] } {
  const to = monthOf(asOf);
  const from = addMonths(to, -WINDOW_MONTHS);
  return { from, to, months: monthRange(from, to) };
}

export function statusAt(m: MemberRecord, asOf: number): 'full' | 'probationary' {
  if (m.convertedOn) return m.convertedOn <= dateOf(asOf) ? 'full' : 'probationary';
  return m.status;
}

function emptyMonth(): MeetingMonth {
  return { kinds: {}, attendanceExpected: 0, attendancePresent: 0 };
}

/** Loads facts for the given branches (all branches when omitted). */
export function loadBranchFacts(reader: RollupReader, dir: Directory, asOf: number, branches?: string[]): Map<string, BranchFacts> {
  const { from, to, months } = windowOf(asOf);
  const codes = branches ?? [...dir.orgs.values()].filter((o) => o.type === 'branch').map((o) => o.code);
  const out = new Map<string, BranchFacts>();
  for (const code of codes) {
    const org = dir.orgs.get(code);
    if (!org) continue;
    out.set(code, { org, meetings: {}, groupMeetings: {}, members: [], tasks: [] });
  }

  // A historical asOf inside a month: that month's meetings come from the facts up to asOf.
  const historical = (reader.latestMeetingAt() ?? 0) > asOf;
  for (const r of reader.orgMonths(from, to, branches)) {
    const f = out.get(r.org_code);
    if (!f) continue;
    const mm = (f.meetings[r.month] ??= emptyMonth());
    if (!(historical && r.month === to)) addMeetings(f, mm, r.kind, r.group_code, r.month, r.meetings);
    mm.attendanceExpected += r.att_expected;
    mm.attendancePresent += r.att_present;
  }
  if (historical) {
    for (const r of reader.meetingsUpTo(to, asOf)) {
      const f = out.get(r.org_code);
      if (f) addMeetings(f, (f.meetings[to] ??= emptyMonth()), r.kind, r.group_code, to, r.meetings);
    }
  }

  const memberIds = new Set<string>();
  for (const code of out.keys()) for (const id of dir.staysByBranch.get(code) ?? []) memberIds.add(id);
  const rows = reader.memberMonths(from, to, branches ? [...memberIds] : undefined);
  const byMember = new Map<string, Map<string, MemberMonthSql>>();
  for (const r of rows) {
    let m = byMember.get(r.member_id);
    if (!m) byMember.set(r.member_id, (m = new Map()));
    m.set(r.month, r);
  }

  const asOfMonth = to;
  for (const id of memberIds) {
    const m = dir.members.get(id)!;
    const facts = memberFacts(m, months, asOfMonth, asOf, byMember.get(id));
    const current = branchAt(m, asOf);
    for (const code of new Set(Object.values(facts.months).map((x) => x.branch).concat(current ?? []))) {
      const f = code ? out.get(code) : undefined;
      if (!f) continue;
      f.members.push({ ...facts, current: current === code });
    }
  }
  for (const f of out.values()) f.members.sort((a, b) => Number(b.current) - Number(a.current) || a.id.localeCompare(b.id));

  const today = dateOf(asOf);
  for (const t of reader.tasks(branches)) {
    const f = out.get(t.org_code);
    if (!f) continue;
    f.tasks.push({ id: t.id, title: t.title, dueOn: t.due_on, completedOn: t.completed_on && t.completed_on <= today ? t.completed_on : null });
  }
  return out;
}

function addMeetings(f: BranchFacts, mm: MeetingMonth, kind: keyof MeetingMonth['kinds'], group: string, month: string, n: number): void {
  mm.kinds[kind] = (mm.kinds[kind] ?? 0) + n;
  if (kind === 'group_meeting' && group) {
    const g = (f.groupMeetings[group] ??= {});
    g[month] = (g[month] ?? 0) + n;
  }
}

function memberFacts(m: MemberRecord, months: string[], asOfMonth: string, asOf: number, rows?: Map<string, MemberMonthSql>): MemberFacts {
  const out: Record<string, MemberMonth> = {};
  for (const month of months) {
    const t = month === asOfMonth ? asOf : monthEnd(month) - 1;
    const branch = branchAt(m, t);
    const r = rows?.get(month);
    if (!branch && !r) continue;
    out[month] = {
      branch,
      due: branch ? m.due : 0,
      paidFullAt: r?.paid_full_at != null && r.paid_full_at <= asOf ? r.paid_full_at : null,
      expected: r?.expected ?? 0,
      present: r?.present ?? 0,
      excused: r?.excused ?? 0,
      presentPoints: r?.present_points ?? 0,
      volunteerHours: r?.volunteer_hours ?? 0,
      demoPosts: r?.demo_posts ?? 0,
    };
  }
  return {
    id: m.id,
    name: m.name,
    current: false,
    status: statusAt(m, asOf),
    gender: m.gender,
    birthDate: m.birthDate,
    joinedOn: m.joinedOn,
    education: m.education,
    groupCode: m.groupCode,
    onCommittee: m.onCommittee,
    probationStartedOn: m.probationStartedOn,
    months: out,
  };
}

export function loadApplicants(reader: RollupReader): ApplicantFacts[] {
  return reader.applicants().map((a) => ({ id: a.id, orgCode: a.org_code, stage: a.stage, stageSince: a.stage_since }));
}
