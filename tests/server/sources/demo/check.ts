// Test helpers for the demo generator: a referential-integrity check and a rough, independent
// reading of the rule book straight from the rows (the real rule engine lives elsewhere).

import type { Dataset, MeetingKind } from '../../../../shared/domain.ts';
import { KINDS_3M1L, KINDS_ORG_LIFE } from '../../../../shared/domain.ts';
import {
  addDaysToDate, addMonths, addMonthsToDate, dateOf, monthEnd, monthOf, monthRange, parseInstant, quarterEnd,
  quarterOfMonth,
} from '../../../../shared/periods.ts';
import { duesStandard } from '../../../../shared/rules/dues-standard.ts';

export function referenceProblems(d: Dataset, clock: number): string[] {
  const out: string[] = [];
  const bad = (msg: string) => out.length < 30 && out.push(msg);
  const today = dateOf(clock);
  const first = monthOf(parseInstant(`${addMonthsToDate(today, -12)}T00:00:00+08:00`)!);
  const last = monthOf(clock);
  const after = (instant: string | null) => instant != null && parseInstant(instant)! > clock;
  const orgs = new Map(d.orgs.map((o) => [o.code, o]));
  if (orgs.size !== d.orgs.length) bad('duplicate org codes');
  if (d.orgs.filter((o) => o.parent_code == null).length !== 1) bad('not exactly one root');
  for (const o of d.orgs) {
    if (o.parent_code != null && !orgs.has(o.parent_code)) bad(`org ${o.code}: parent ${o.parent_code} missing`);
    if ((o.parent_code == null) !== (o.type === 'district')) bad(`org ${o.code}: root is not the district`);
    for (const date of [o.established_on, o.term_started_on]) if (date && date > today) bad(`org ${o.code}: date ${date} after clock`);
  }
  const groups = new Map(d.groups.map((g) => [g.code, g]));
  for (const g of d.groups) if (orgs.get(g.branch_code)?.type !== 'branch') bad(`group ${g.code}: not in a branch`);
  const members = new Map(d.members.map((m) => [m.id, m]));
  if (members.size !== d.members.length) bad('duplicate member ids');
  for (const m of d.members) {
    if (orgs.get(m.org_code)?.type !== 'branch') bad(`member ${m.id}: org ${m.org_code} is not a branch`);
    if (m.group_code && groups.get(m.group_code)?.branch_code !== m.org_code) bad(`member ${m.id}: group ${m.group_code} not of its branch`);
    if ((m.status === 'probationary') !== (m.probation_started_on != null)) bad(`member ${m.id}: probation date and status disagree`);
    for (const date of [m.birth_date, m.joined_on, m.org_since, m.probation_started_on]) if (date && date > today) bad(`member ${m.id}: ${date} after clock`);
    if (m.joined_on && m.org_since && m.org_since < m.joined_on) bad(`member ${m.id}: org_since before joined_on`);
    if (!/^1\d{10}$/.test(m.phone ?? '')) bad(`member ${m.id}: phone ${m.phone}`);
  }
  const meetings = new Map(d.meetings.map((m) => [m.id, m]));
  for (const m of d.meetings) {
    if (orgs.get(m.org_code)?.type !== 'branch') bad(`meeting ${m.id}: org ${m.org_code} is not a branch`);
    if ((m.kind === 'group_meeting') !== (m.group_code != null)) bad(`meeting ${m.id}: group and kind disagree`);
    if (m.group_code && groups.get(m.group_code)?.branch_code !== m.org_code) bad(`meeting ${m.id}: group of another branch`);
    if (after(m.held_at) || monthOf(parseInstant(m.held_at)!) < first) bad(`meeting ${m.id}: held_at ${m.held_at} outside the window`);
  }
  for (const a of d.attendance) {
    const meeting = meetings.get(a.meeting_id);
    const member = members.get(a.member_id);
    if (!meeting || !member) { bad(`attendance ${a.meeting_id}/${a.member_id}: unknown reference`); continue; }
    if (member.org_code !== meeting.org_code) bad(`attendance ${a.meeting_id}/${a.member_id}: member of another branch`);
    if (meeting.group_code && member.group_code !== meeting.group_code) bad(`attendance ${a.meeting_id}/${a.member_id}: not in the group`);
    if (meeting.kind === 'committee_meeting' && !member.on_committee) bad(`attendance ${a.meeting_id}/${a.member_id}: not on the committee`);
    if (a.status === 'present') {
      const gap = Math.abs(parseInstant(a.checked_in_at!)! - parseInstant(meeting.held_at)!);
      if (gap > 15 * 60_000 || after(a.checked_in_at)) bad(`attendance ${a.meeting_id}/${a.member_id}: check-in ${a.checked_in_at}`);
    } else if (a.checked_in_at != null) bad(`attendance ${a.meeting_id}/${a.member_id}: leave with a check-in`);
  }
  for (const p of d.dues) {
    if (!members.has(p.member_id)) bad(`dues ${p.id}: unknown member`);
    if (p.month < first || p.month > last) bad(`dues ${p.id}: month ${p.month} outside the window`);
    if (after(p.paid_at) || !(p.amount > 0)) bad(`dues ${p.id}: ${p.paid_at} ${p.amount}`);
  }
  for (const a of d.activities) if (!members.has(a.member_id) || after(a.at)) bad(`activity ${a.id}: ${a.member_id} ${a.at}`);
  for (const t of d.tasks) {
    if (!orgs.has(t.org_code)) bad(`task ${t.id}: unknown org`);
    if (t.completed_on && t.completed_on > today) bad(`task ${t.id}: completed after clock`);
  }
  for (const a of d.applicants) {
    if (orgs.get(a.org_code)?.type !== 'branch') bad(`applicant ${a.id}: not in a branch`);
    if (a.stage_since && a.stage_since > today) bad(`applicant ${a.id}: stage_since after clock`);
  }
  return out;
}

export type Level = 'red' | 'yellow' | 'green';
export interface BranchReading {
  level: Level;
  rules: Partial<Record<string, Level>>;
}

/** The branch lights as the rule book defines them, read directly from the rows (defaults only). */
export function readLights(d: Dataset, clock: number): Map<string, BranchReading> {
  const today = dateOf(clock);
  const current = monthOf(clock);
  const lastDone = addMonths(current, -1);
  const yearMonths = monthRange(`${today.slice(0, 4)}-01`, current);
  const memberDue = new Map(d.members.map((m) => [m.id, duesStandard(m)]));
  const paid = new Map<string, number>(); // member|month → sum (fen) paid by the clock
  for (const p of d.dues) {
    if (parseInstant(p.paid_at)! > clock) continue;
    const k = `${p.member_id}|${p.month}`;
    paid.set(k, (paid.get(k) ?? 0) + Math.round(p.amount * 100));
  }
  const isPaid = (id: string, month: string) => (paid.get(`${id}|${month}`) ?? 0) >= Math.round(memberDue.get(id)! * 100);
  const meetingsOf = new Map<string, { kind: MeetingKind; ms: number; month: string; group: string | null; id: string }[]>();
  for (const m of d.meetings) {
    const ms = parseInstant(m.held_at)!;
    const list = meetingsOf.get(m.org_code) ?? [];
    list.push({ kind: m.kind, ms, month: monthOf(ms), group: m.group_code, id: m.id });
    meetingsOf.set(m.org_code, list);
  }
  const attended = new Set<string>(); // meeting|member, present or leave
  for (const a of d.attendance) attended.add(`${a.meeting_id}|${a.member_id}`);
  const byBranch = new Map<string, typeof d.members>();
  for (const m of d.members) byBranch.set(m.org_code, [...(byBranch.get(m.org_code) ?? []), m]);
  const groupsOf = new Map<string, string[]>();
  for (const g of d.groups) groupsOf.set(g.branch_code, [...(groupsOf.get(g.branch_code) ?? []), g.code]);
  const tasksOf = new Map<string, typeof d.tasks>();
  for (const t of d.tasks) tasksOf.set(t.org_code, [...(tasksOf.get(t.org_code) ?? []), t]);

  const out = new Map<string, BranchReading>();
  for (const o of d.orgs) {
    if (o.type !== 'branch') continue;
    const rules: Partial<Record<string, Level>> = {};
    const set = (rule: string, level: Level | null) => { if (level) rules[rule] = level; };
    const members = byBranch.get(o.code) ?? [];
    const meetings = meetingsOf.get(o.code) ?? [];
    const lifeMonths = new Set(meetings.filter((m) => KINDS_ORG_LIFE.includes(m.kind)).map((m) => m.month));
    let gap = 0;
    if (!lifeMonths.has(current)) for (let m = lastDone; gap < 12 && !lifeMonths.has(m); m = addMonths(m, -1)) gap++;
    set('orgLife', gap >= 2 ? 'red' : gap === 1 ? 'yellow' : null);
    let red = 0;
    for (const m of members) {
      const since = m.org_since!.slice(0, 7);
      let unpaid = 0;
      for (let mo = lastDone; mo >= since && !isPaid(m.id, mo); mo = addMonths(mo, -1)) unpaid++;
      let absent = 0;
      for (let i = 0, mo = lastDone; i < 12; i++, mo = addMonths(mo, -1)) {
        const expected = meetings.filter((x) => x.month === mo && KINDS_ORG_LIFE.includes(x.kind) && x.ms >= Date.parse(`${m.org_since}T00:00:00+08:00`) &&
          (x.kind === 'committee_meeting' ? m.on_committee : x.kind === 'group_meeting' ? x.group === m.group_code : true));
        if (expected.length === 0) continue;
        if (expected.some((x) => attended.has(`${x.id}|${m.id}`))) break;
        absent++;
      }
      if (unpaid >= 3 || absent >= 3) red++;
    }
    const share = members.length ? red / members.length : 0;
    set('redMembers', share > 0.2 ? 'red' : share > 0.1 ? 'yellow' : null);
    const expiry = addMonthsToDate(o.term_started_on!, o.term_years! * 12);
    set('term', today >= expiry ? 'red' : today >= addMonthsToDate(expiry, -6) ? 'yellow' : null);
    let probation: Level | null = null;
    for (const m of members) {
      if (m.status !== 'probationary') continue;
      const end = addMonthsToDate(m.probation_started_on!, 12);
      if (today >= end) probation = 'red';
      else if (today >= addDaysToDate(end, -30) && probation !== 'red') probation = 'yellow';
    }
    set('probation', probation);
    const slots: [MeetingKind, string, number, string | null][] = [];
    const quarters = [...new Set(yearMonths.map(quarterOfMonth))];
    for (const q of quarters) for (const k of ['general_meeting', 'party_lesson'] as const) slots.push([k, q, quarterEnd(q), null]);
    for (const mo of yearMonths) {
      if (o.has_committee) slots.push(['committee_meeting', mo, monthEnd(mo), null]);
      for (const g of groupsOf.get(o.code) ?? []) slots.push(['group_meeting', mo, monthEnd(mo), g]);
    }
    let required = 0;
    let fulfilled = 0;
    for (const [kind, period, end, group] of slots) {
      const held = meetings.some((x) => x.kind === kind && x.group === group && (period.includes('Q') ? quarterOfMonth(x.month) : x.month) === period);
      if (end <= clock) { required++; if (held) fulfilled++; } else if (held) { required++; fulfilled++; }
    }
    if (required > 0) set('3m1l', fulfilled / required < 0.6 ? 'red' : fulfilled / required < 0.9 ? 'yellow' : null);
    const due = members.filter((m) => m.org_since!.slice(0, 7) <= lastDone);
    const rate = due.length ? due.filter((m) => isPaid(m.id, lastDone)).length / due.length : 1;
    set('dues', rate < 0.8 ? 'red' : rate < 0.95 ? 'yellow' : null);
    let overdue = 0;
    for (const t of tasksOf.get(o.code) ?? []) {
      if (t.completed_on == null && t.due_on < today) overdue = Math.max(overdue, (Date.parse(today) - Date.parse(t.due_on)) / 86_400_000);
    }
    set('tasks', overdue > 30 ? 'red' : overdue > 0 ? 'yellow' : null);
    const full = members.filter((m) => m.status === 'full').length;
    set('structure', members.length > 50 || (full >= 7 && !o.has_committee) ? 'yellow' : null);
    const levels = Object.values(rules);
    out.set(o.code, { level: levels.includes('red') ? 'red' : levels.includes('yellow') ? 'yellow' : 'green', rules });
  }
  return out;
}

export { KINDS_3M1L };
