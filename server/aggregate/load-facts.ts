// Builds the rule book's inputs (BranchFacts) for some or all branches as of an instant, from the
// rollups and the in-memory directory. The window is the 13 months up to asOf's month: this year
// plus the 12-month look-back of the member streaks.

import type { ApplicantFacts, BranchFacts, MeetingMonth, MemberFacts, MemberMonth } from '../../shared/model.ts';
import { addMonths, dateOf, monthEnd, monthOf, monthRange, parseDate } from '../../shared/periods.ts';
import { branchAt, type Directory, type MemberRecord } from '../store/directory.ts';
import type { CachedReader } from '../store/rollup-cache.ts';
import type { MemberMonthSql, RollupReader, RowsOf } from '../store/rollup-read.ts';

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

/** How one member's facts are obtained: built afresh, or kept from an earlier evaluation. */
type FactsOf = (m: MemberRecord, w: MonthWindow, asOf: number, rows: RowsOf<MemberMonthSql>) => MemberFacts;

const freshFacts: FactsOf = (m, w, asOf, rows) => memberFacts(m, w, asOf, rows(m.id));

/** Loads facts for the given branches (all branches when omitted), every member built afresh. */
export function loadBranchFacts(reader: RollupReader, dir: Directory, asOf: number, branches?: string[], factsOf: FactsOf = freshFacts): Map<string, BranchFacts> {
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
  const orgRows = reader.orgMonthsOf(from, to, branches);
  for (const [code, f] of out) {
    for (const r of orgRows(code) ?? []) {
      if (r.month < from || r.month > to) continue;
      const mm = (f.meetings[r.month] ??= emptyMonth());
      if (!(historical && r.month === to)) addMeetings(f, mm, r.kind, r.group_code, r.month, r.meetings);
      mm.attendanceExpected += r.att_expected;
      mm.attendancePresent += r.att_present;
    }
  }
  if (historical) {
    for (const r of reader.meetingsUpTo(to, asOf)) {
      const f = out.get(r.org_code);
      if (f) addMeetings(f, (f.meetings[to] ??= emptyMonth()), r.kind, r.group_code, to, r.meetings);
    }
  }

  const memberIds = new Set<string>();
  for (const code of out.keys()) for (const id of dir.staysByBranch.get(code) ?? []) memberIds.add(id);
  const memberRows = reader.memberMonthsOf(from, to, branches ? [...memberIds] : undefined);
  const window = monthWindow(months, asOf);
  for (const id of memberIds) {
    const m = dir.members.get(id)!;
    const facts = factsOf(m, window, asOf, memberRows);
    const current = branchAt(m, asOf);
    // Usually one branch; a member transferred in the window has month records in two.
    const seen: string[] = [];
    for (const month of months) {
      const code = facts.months[month]?.branch;
      if (code && !seen.includes(code)) seen.push(code);
    }
    if (current && !seen.includes(current)) seen.push(current);
    if (seen.length === 1) {
      facts.current = current === seen[0];
      out.get(seen[0])?.members.push(facts);
    } else {
      for (const code of seen) out.get(code)?.members.push({ ...facts, current: current === code });
    }
  }
  for (const f of out.values()) f.members.sort((a, b) => Number(b.current) - Number(a.current) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const today = dateOf(asOf);
  for (const t of reader.tasks(branches)) {
    const f = out.get(t.org_code);
    if (!f) continue;
    f.tasks.push({ id: t.id, title: t.title, dueOn: t.due_on, completedOn: t.completed_on && t.completed_on <= today ? t.completed_on : null });
  }
  return out;
}

export type FactsLoader = (asOf: number, branches?: string[]) => Map<string, BranchFacts>;

interface KeptFacts {
  facts: MemberFacts;
  /** The directory record and the rollup stamp the facts were built from. */
  record: MemberRecord;
  stamp: number;
  /** The facts hold for every instant in [builtAt, validUntil). */
  builtAt: number;
  validUntil: number;
}

/**
 * loadBranchFacts for the live window, keeping each member's facts between evaluations: they are
 * rebuilt only when the member's rollups or record changed, or when time reaches an instant that
 * changes them (a stay's start or end, a payment recorded as made later, a conversion date).
 * Windows the in-memory rollups do not cover (history) are built afresh every time.
 */
export function createFactsLoader(reader: CachedReader, dir: Directory): FactsLoader {
  const kept = new Map<string, KeptFacts>();
  let keptWindow = '';
  const keptFacts: FactsOf = (m, w, asOf, rows) => {
    const stamp = reader.memberStamp(m.id);
    const k = kept.get(m.id);
    if (k && k.record === m && k.stamp === stamp && k.builtAt <= asOf && asOf < k.validUntil) return k.facts;
    const own = rows(m.id);
    const facts = memberFacts(m, w, asOf, own);
    kept.set(m.id, { facts, record: m, stamp, builtAt: asOf, validUntil: nextChange(m, own, asOf) });
    return facts;
  };
  return (asOf, branches) => {
    const w = windowOf(asOf);
    const cached = reader.covers(w.from); // fills the in-memory rollups on first use
    if (!cached || w.to < keptWindow) return loadBranchFacts(reader, dir, asOf, branches);
    if (w.to !== keptWindow) {
      kept.clear();
      keptWindow = w.to;
    }
    return loadBranchFacts(reader, dir, asOf, branches, keptFacts);
  };
}

/** The first instant after asOf at which a member's facts would read differently. */
function nextChange(m: MemberRecord, rows: readonly MemberMonthSql[] | undefined, asOf: number): number {
  let next = Infinity;
  const consider = (t: number | null) => {
    if (t !== null && t > asOf && t < next) next = t;
  };
  for (const s of m.stays) {
    consider(s.since);
    consider(s.until);
  }
  for (const r of rows ?? []) consider(r.paid_full_at);
  if (m.convertedOn) consider(parseDate(m.convertedOn));
  return next;
}

function addMeetings(f: BranchFacts, mm: MeetingMonth, kind: keyof MeetingMonth['kinds'], group: string, month: string, n: number): void {
  mm.kinds[kind] = (mm.kinds[kind] ?? 0) + n;
  if (kind === 'group_meeting' && group) {
    const g = (f.groupMeetings[group] ??= {});
    g[month] = (g[month] ?? 0) + n;
  }
}

interface MonthWindow {
  months: string[];
  /** Month → its index in `months`. */
  index: Map<string, number>;
  /** The instant each month's membership is read at: its last moment, or asOf for the current month. */
  instants: number[];
}

function monthWindow(months: string[], asOf: number): MonthWindow {
  const last = months.length - 1;
  return { months, index: new Map(months.map((m, i) => [m, i])), instants: months.map((m, i) => (i === last ? asOf : monthEnd(m) - 1)) };
}

function memberFacts(m: MemberRecord, w: MonthWindow, asOf: number, rows: readonly MemberMonthSql[] | undefined): MemberFacts {
  const byMonth: (MemberMonthSql | undefined)[] = new Array(w.months.length);
  for (const r of rows ?? []) {
    const i = w.index.get(r.month);
    if (i !== undefined) byMonth[i] = r;
  }
  const out: Record<string, MemberMonth> = {};
  for (let i = 0; i < w.months.length; i++) {
    const branch = branchAt(m, w.instants[i]);
    const r = byMonth[i];
    if (!branch && !r) continue;
    out[w.months[i]] = {
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
