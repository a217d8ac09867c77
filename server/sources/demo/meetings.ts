// A year of meetings for one branch and the check-ins at them. Healthy branches hold every
// slot the rule book asks for; planted issues stop meetings (orgLife) or thin out this year's
// 三会一课 slots to a target share (3m1l).

import type { AttendanceRow, MeetingKind, MeetingRow } from '../../../shared/domain.ts';
import { addMonths, monthEnd, quarterEnd, quarterOfMonth, type Month } from '../../../shared/periods.ts';
import type { BranchPlan, MemberPlan } from './members.ts';
import type { Rng } from './prng.ts';
import { TOPICS } from './topics.ts';
import { dayOfMonth, localInstant, localMs, toWeekday, type HistoryWindow } from './window.ts';

interface Planned {
  kind: MeetingKind;
  date: string;
  minute: number;
  group: number;
  /** kind|period|group for the 三会一课 kinds; '' otherwise. */
  slot: string;
  slotEnd: number;
}

const THREE_ONE = new Set<MeetingKind>(['general_meeting', 'committee_meeting', 'group_meeting', 'party_lesson']);
const ORG_LIFE = new Set<MeetingKind>([...THREE_ONE, 'theme_day']);

function plan(rng: Rng, win: HistoryWindow, b: BranchPlan): Planned[] {
  const profile = b.spec.profile;
  const local = profile === 'village' || profile === 'community' || profile === 'retiree';
  const evening = profile === 'enterprise' && rng.chance(0.5);
  const hour = () => (evening ? rng.pick([18 * 60 + 30, 19 * 60]) : rng.pick([14, 14.5, 15, 15.5, 16, 16.5, 17]) * 60);
  const day = (month: Month, d: number) => (local ? dayOfMonth(month, d) : toWeekday(dayOfMonth(month, d)));
  const themeDay = rng.pick([5, 10, 10, 15, 15, 15, 20, 25]);
  const themeMinute = profile === 'village' ? rng.pick([9 * 60, 14 * 60 + 30]) : evening ? 18 * 60 + 30 : 14 * 60 + 30;
  const out: Planned[] = [];
  const add = (kind: MeetingKind, date: string, minute: number, group: number, period: string, slotEnd: number) =>
    out.push({ kind, date, minute, group, slot: THREE_ONE.has(kind) ? `${kind}|${period}|${group}` : '', slotEnd });
  const offsets = new Map<string, [number, number]>();
  for (const m of win.months) {
    const q = quarterOfMonth(m);
    if (!offsets.has(q)) offsets.set(q, [rng.int(0, 2), rng.int(0, 2)]);
    const [gOff, lOff] = offsets.get(q)!;
    const inQuarter = Number(m.slice(5, 7)) - 1 - (Number(q.slice(6)) - 1) * 3;
    const mEnd = monthEnd(m);
    const themeDate = day(m, themeDay);
    add('theme_day', themeDate, themeMinute, -1, m, mEnd);
    if (inQuarter === gOff) add('general_meeting', themeDate, Math.min(themeMinute + 60, 20 * 60), -1, q, quarterEnd(q));
    if (inQuarter === lOff) add('party_lesson', day(m, rng.int(3, 26)), hour(), -1, q, quarterEnd(q));
    if (b.spec.org.has_committee) add('committee_meeting', toWeekday(dayOfMonth(m, rng.int(1, 22))), hour(), -1, m, mEnd);
    for (let g = 0; g < b.groups.length; g++) add('group_meeting', day(m, rng.int(2, 26)), hour(), g, m, mEnd);
    if (rng.chance(0.45)) add('study', toWeekday(dayOfMonth(m, rng.int(1, 27))), hour(), -1, m, mEnd);
    const mo = Number(m.slice(5, 7));
    if (mo === 1 || mo === 2) {
      if (!out.some((p) => p.kind === 'org_life_meeting' && p.date.slice(0, 4) === m.slice(0, 4)) && (mo === 2 || rng.chance(0.5))) {
        const date = toWeekday(dayOfMonth(m, rng.int(5, 24)));
        add('org_life_meeting', date, hour(), -1, m, mEnd);
        add('democratic_review', date, Math.min(hour() + 60, 20 * 60), -1, m, mEnd);
      }
    }
  }
  return out;
}

/** Slots to keep so that kept/n lands in [60 %, 90 %); all of them when no whole number does (n ≤ 2). */
function yellowKeep(n: number): number {
  const lo = Math.ceil(0.6 * n);
  const hi = Math.ceil(0.9 * n) - 1;
  return lo > hi ? n : Math.min(hi, Math.max(lo, Math.floor(0.75 * n)));
}

/** Drops planted gaps: meetings stopped (orgLife) or this year's 三会一课 slots thinned (3m1l). */
function applyIssues(rng: Rng, win: HistoryWindow, b: BranchPlan, list: Planned[]): Planned[] {
  const issue = b.issue;
  if (issue === 'orgLife1' || issue === 'orgLife2' || issue === 'orgLife3') {
    const stop = addMonths(win.lastCompleted, -(Number(issue.slice(-1)) - 1));
    return list.filter((p) => p.date.slice(0, 7) < stop);
  }
  if (issue === '3m1lY' || issue === '3m1lR') {
    const year = String(win.year);
    // Current slots are not held yet, so the share is exactly kept / completed slots.
    const open = (p: Planned) => p.slot !== '' && p.slot.split('|')[1].startsWith(year) && p.slotEnd > win.clock;
    const done = list.filter((p) => p.slot !== '' && p.slot.split('|')[1].startsWith(year) && p.slotEnd <= win.clock);
    const keep = issue === '3m1lY' ? yellowKeep(done.length) : Math.floor(done.length * 0.4);
    const dropped = new Set(rng.shuffle([...done]).slice(keep));
    return list.filter((p) => !dropped.has(p) && !open(p));
  }
  return list;
}

export class MeetingWriter {
  private seq = 0;
  readonly meetings: MeetingRow[] = [];
  readonly attendance: AttendanceRow[] = [];
  constructor(private readonly win: HistoryWindow) {}

  branch(rng: Rng, b: BranchPlan): void {
    const { start, clock } = this.win;
    const list = applyIssues(rng, this.win, b, plan(rng, this.win, b))
      .map((p) => ({ p, ms: localMs(p.date, p.minute) }))
      .filter(({ ms }) => ms >= start && ms + 3_600_000 <= clock)
      .sort((x, y) => x.ms - y.ms);
    const committee = b.members.filter((m) => m.row.on_committee);
    for (const { p, ms } of list) {
      const id = `MT${String(++this.seq).padStart(7, '0')}`;
      const group = p.group >= 0 ? b.groups[p.group].code : null;
      this.meetings.push({ id, org_code: b.spec.org.code, kind: p.kind, held_at: localInstant(p.date, p.minute * 60), group_code: group, topic: rng.pick(TOPICS[p.kind]) });
      const expected: MemberPlan[] =
        p.kind === 'committee_meeting' ? committee : p.kind === 'group_meeting' ? b.members.filter((m) => m.group === p.group) : b.members;
      const extraAbsence = p.kind === 'study' ? 0.1 : 0;
      for (const m of expected) {
        if (m.orgSinceMs > ms || (m.absentFrom != null && ms >= m.absentFrom)) continue;
        const r = rng.next();
        if (r < m.absence + extraAbsence) continue;
        if (r < m.absence + extraAbsence + m.leave) {
          this.attendance.push({ meeting_id: id, member_id: m.row.id, status: 'leave', checked_in_at: null });
        } else {
          const at = localInstant(p.date, p.minute * 60 + rng.int(-900, 900));
          this.attendance.push({ meeting_id: id, member_id: m.row.id, status: 'present', checked_in_at: at });
        }
      }
    }
  }
}
