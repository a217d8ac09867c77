// One function per kind of fact: insert the row (ignored when its id exists), mirror what changed
// into the in-memory directory, and fold it into the rollup accumulator. Both the bulk import and
// live events go through these, inside the caller's transaction.

import type { ActivityRow, AttendanceRow, DuesRow, GroupRow, MeetingRow, MemberRow, OrgRow } from '../../shared/domain.ts';
import { dateOf, monthOf, parseDate, parseInstant } from '../../shared/periods.ts';
import { addStay, linkOrg, memberDue, orgNodeFromSql, type Directory, type MemberRecord } from './directory.ts';
import { foldActivity, foldAttendance, foldMeeting, foldPayment, paidFullAt, type MeetingInfo, type RollupAcc } from './rollup-acc.ts';
import type { Writes } from './statements.ts';

export interface Ctx {
  w: Writes;
  dir: Directory;
  acc: RollupAcc;
  /** Meetings inserted in this transaction, so attendance in the same batch finds them. */
  meetings: Map<string, MeetingInfo>;
  /** Payments inserted in this transaction, by member|month (bulk path avoids re-reading them). */
  payments: Map<string, { amount: number; paidAt: number }[]>;
  /** True when the dues table was empty before: every payment of a month is then in `payments`. */
  duesWasEmpty: boolean;
  /** A member's month of dues as committed, when known without SQL (undefined: ask member_month). */
  duesState?: (member: string, month: string) => { paid: number; fullAt: number | null } | undefined;
}

const b = (v: boolean) => (v ? 1 : 0);

export function putOrg(ctx: Ctx, r: OrgRow): void {
  const row = { ...r, has_committee: b(r.has_committee) };
  ctx.w.upsertOrg.run(row);
  linkOrg(ctx.dir, orgNodeFromSql(row));
}

export function putGroup(ctx: Ctx, r: GroupRow): void {
  ctx.dir.version += 1;
  ctx.w.upsertGroup.run(r.code, r.branch_code, r.name);
  const old = ctx.dir.groups.get(r.code);
  if (old && old.branch !== r.branch_code) {
    const prev = ctx.dir.orgs.get(old.branch);
    if (prev) prev.groups = prev.groups.filter((g) => g !== r.code);
  }
  ctx.dir.groups.set(r.code, { branch: r.branch_code, name: r.name });
  const branch = ctx.dir.orgs.get(r.branch_code);
  if (branch && !branch.groups.includes(r.code)) branch.groups.push(r.code);
}

/** Adds a member unless the id exists; their first stay starts at org_since (else joined_on, else `fallbackSince`). */
export function putMember(ctx: Ctx, r: MemberRow, fallbackSince: number): boolean {
  const res = ctx.w.insertMember.run({ ...r, on_committee: b(r.on_committee), is_mobile: b(r.is_mobile) });
  if (res.changes === 0) return false;
  const since = parseDate(r.org_since ?? r.joined_on ?? '') ?? fallbackSince;
  ctx.w.insertStay.run(r.id, r.org_code, since);
  const m: MemberRecord = {
    id: r.id,
    name: r.name,
    org: r.org_code,
    status: r.status,
    gender: r.gender,
    birthDate: r.birth_date,
    joinedOn: r.joined_on,
    orgSince: r.org_since,
    groupCode: r.group_code,
    probationStartedOn: r.probation_started_on,
    convertedOn: null,
    duesMonthly: r.dues_monthly,
    monthlyIncome: r.monthly_income,
    incomeKind: r.income_kind,
    onCommittee: r.on_committee,
    education: r.education,
    isMobile: r.is_mobile,
    phone: r.phone,
    leftOn: null,
    stays: [],
    due: 0,
  };
  m.due = memberDue(m);
  ctx.dir.members.set(m.id, m);
  addStay(ctx.dir, m, { org: r.org_code, since, until: null });
  ctx.acc.touched.add(r.org_code);
  ctx.acc.members.add(m.id);
  return true;
}

export function transferMember(ctx: Ctx, id: string, org: string, group: string | null, at: number): void {
  const m = ctx.dir.members.get(id)!;
  ctx.w.closeStay.run(at, id);
  ctx.w.insertStay.run(id, org, at);
  ctx.w.moveMember.run(org, group, id);
  for (const s of m.stays) if (s.until === null) s.until = at;
  ctx.acc.touched.add(m.org);
  m.org = org;
  m.groupCode = group;
  addStay(ctx.dir, m, { org, since: at, until: null });
  ctx.acc.touched.add(org);
  ctx.acc.members.add(id);
}

export function convertMember(ctx: Ctx, id: string, at: number): void {
  ctx.dir.version += 1;
  const m = ctx.dir.members.get(id)!;
  ctx.w.convertMember.run(dateOf(at), id);
  m.status = 'full';
  m.convertedOn = dateOf(at);
  ctx.acc.touched.add(m.org);
  ctx.acc.members.add(id);
}

export function memberLeft(ctx: Ctx, id: string, reason: string, at: number): void {
  ctx.dir.version += 1;
  const m = ctx.dir.members.get(id)!;
  ctx.w.leaveMember.run(dateOf(at), reason, id);
  ctx.w.closeStay.run(at, id);
  for (const s of m.stays) if (s.until === null) s.until = at;
  m.leftOn = dateOf(at);
  ctx.acc.touched.add(m.org);
  ctx.acc.members.add(id);
}

export function putMeeting(ctx: Ctx, r: MeetingRow): boolean {
  const heldAt = parseInstant(r.held_at)!;
  const res = ctx.w.insertMeeting.run(r.id, r.org_code, r.kind, heldAt, monthOf(heldAt), r.group_code, r.topic);
  if (res.changes === 0) return false;
  const info: MeetingInfo = { id: r.id, org: r.org_code, kind: r.kind, group: r.group_code, heldAt };
  ctx.meetings.set(r.id, info);
  foldMeeting(ctx.acc, ctx.dir, info);
  return true;
}

export function findMeeting(ctx: Ctx, id: string): MeetingInfo | null {
  return ctx.meetings.get(id) ?? ((ctx.w.getMeeting.get(id) as MeetingInfo | undefined) ?? null);
}

export function putAttendance(ctx: Ctx, r: AttendanceRow): boolean {
  const meeting = findMeeting(ctx, r.meeting_id);
  if (!meeting) throw new Error(`attendance for unknown meeting ${r.meeting_id}`);
  const at = r.checked_in_at ? parseInstant(r.checked_in_at) : null;
  const res = ctx.w.insertAttendance.run(r.meeting_id, r.member_id, r.status, at);
  if (res.changes === 0) return false;
  foldAttendance(ctx.acc, ctx.dir, meeting, r.member_id, r.status, at);
  return true;
}

export function putDues(ctx: Ctx, r: DuesRow): boolean {
  const paidAt = parseInstant(r.paid_at)!;
  const res = ctx.w.insertDues.run(r.id, r.member_id, r.month, r.amount, paidAt);
  if (res.changes === 0) return false;
  const key = `${r.member_id}|${r.month}`;
  let list = ctx.payments.get(key);
  if (!list) ctx.payments.set(key, (list = []));
  list.push({ amount: r.amount, paidAt });
  foldPayment(ctx.acc, ctx.dir, r.member_id, r.month);
  return true;
}

export function putActivity(ctx: Ctx, r: ActivityRow): boolean {
  const at = parseInstant(r.at)!;
  const res = ctx.w.insertActivity.run(r.id, r.member_id, r.kind, r.hours, at, monthOf(at));
  if (res.changes === 0) return false;
  foldActivity(ctx.acc, ctx.dir, r.member_id, r.kind, r.hours, at);
  return true;
}

/** Keys in order: B-tree inserts in key order touch each page once instead of splitting at random. */
const sortedKeys = <V>(m: Map<string, V>) => [...m.keys()].sort();

/** Items keyed member|month in member_month's key order: month, then member (migration 008). */
export function inMemberMonthOrder<T>(items: T[], keyOf: (item: T) => string): T[] {
  const sortable = items.map((item) => {
    const key = keyOf(item);
    return { item, order: `${key.slice(key.indexOf('|') + 1)}|${key}` };
  });
  sortable.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  return sortable.map((s) => s.item);
}

/** Writes the accumulated rollup increments; dues months are re-summed from their payments. */
export function flushRollups(ctx: Ctx): void {
  const { w, acc } = ctx;
  for (const k of sortedKeys(acc.orgMonth)) {
    const r = acc.orgMonth.get(k)!;
    w.incOrgMonth.run(r.org, r.month, r.kind, r.group, r.meetings, r.attExpected, r.attPresent);
  }
  for (const k of sortedKeys(acc.orgDay)) {
    const r = acc.orgDay.get(k)!;
    w.incOrgDay.run(r.org, r.day, r.checkins);
  }
  const keys = [...acc.memberMonth.keys()];
  for (const key of acc.duesTouched) if (!acc.memberMonth.has(key)) keys.push(key);
  for (const key of inMemberMonthOrder(keys, (k) => k)) {
    const r = acc.memberMonth.get(key);
    if (!acc.duesTouched.has(key)) {
      w.incMemberMonth.run(r!.member, r!.month, r!.expected, r!.present, r!.excused, r!.presentPoints, r!.volunteerHours, r!.demoPosts);
      continue;
    }
    const bar = key.indexOf('|');
    const member = key.slice(0, bar);
    const month = key.slice(bar + 1);
    const { paid, fullAt } = duesOfMonth(ctx, key, member, month, ctx.dir.members.get(member)?.due ?? 0);
    acc.duesResults.set(key, { paid, fullAt });
    w.incMemberMonthDues.run(member, month, r?.expected ?? 0, r?.present ?? 0, r?.excused ?? 0, r?.presentPoints ?? 0, r?.volunteerHours ?? 0, r?.demoPosts ?? 0, paid, fullAt);
  }
}

/**
 * A member's month of dues once this transaction's payments are in (`key` is member|month). When
 * the month's rollup already settles it, it is moved on from there: the new payments are the
 * month's first, or the month was paid in full before and none of them is dated earlier (the
 * instant stands, the sum grows). Otherwise every payment of the month is summed again in time
 * order; a member who pays a dozen times a month made that read a dozen rows per payment.
 */
export function duesOfMonth(ctx: Ctx, key: string, member: string, month: string, due: number): { paid: number; fullAt: number | null } {
  const added = ctx.payments.get(key) ?? [];
  if (ctx.duesWasEmpty) return paidFullAt(added, due);
  if (added.length > 0) {
    // Each month is flushed once per transaction and member_month is written only by the flush,
    // so what was committed is what the month holds now.
    const before = ctx.duesState?.(member, month) ?? (ctx.w.duesState.get(member, month) as { paid: number; fullAt: number | null } | undefined);
    // Nothing paid before (a payment that reached the due would have left a fullAt, and ones of
    // nothing cannot be the first to reach it): the new payments decide alone.
    if (before === undefined || (before.paid === 0 && before.fullAt === null)) return paidFullAt(added, due);
    const since = before.fullAt;
    if (since !== null && added.every((p) => p.paidAt >= since)) {
      let paid = before.paid;
      for (const p of added) paid += p.amount;
      return { paid: Math.round(paid * 100) / 100, fullAt: since };
    }
  }
  return paidFullAt(ctx.w.duesFor.all(member, month) as { amount: number; paidAt: number }[], due);
}
