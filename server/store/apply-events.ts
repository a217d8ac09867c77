// Applies a validated batch of live events in one transaction. The events table is the
// idempotency key: an id seen before is counted as a duplicate and changes nothing. The commit
// happens before the caller answers, so an accepted event survives a crash right after.

import { dateOf, parseInstant } from '../../shared/periods.ts';
import type { LiveEvent } from '../sources/events/schema.ts';
import type { EventError } from '../sources/events/validate.ts';
import type { Directory } from './directory.ts';
import { convertMember, memberLeft, putActivity, putAttendance, putDues, putMeeting, putMember, transferMember, type Ctx } from './fact-ops.ts';
import type { Db } from './open-db.ts';
import { inWriteTransaction } from './write-context.ts';

/** How many of the newest events are kept for the wall's ticker to start from (migration 009). */
export const RECENT_EVENTS = 50;

export interface ApplyResult {
  accepted: number;
  duplicates: number;
  /** Branches (and orgs) whose figures may have changed. */
  touched: Set<string>;
  /** The events that took effect, in order (for the live feed). */
  applied: LiveEvent[];
}

/** Who sent a batch: recorded in the audit trail in the batch's own transaction (one commit). */
export interface BatchAuthor {
  who: string;
}

export function applyEvents(db: Db, dir: Directory, events: LiveEvent[], receivedAt: number, author?: BatchAuthor): ApplyResult {
  let out!: Omit<ApplyResult, 'touched'>;
  const { touched } = inWriteTransaction(db, dir, (ctx) => {
    out = applyBatch(ctx, events, receivedAt, author);
  });
  return { ...out, touched };
}

/** One request's items, validated inside the shared transaction (after the batches before it). */
export interface PendingBatch {
  items: unknown[];
  author?: BatchAuthor;
}
export type BatchOutcome = { ok: true; accepted: number; duplicates: number; applied: LiveEvent[] } | { ok: false; errors: EventError[] };

/**
 * Group commit: several requests' batches in one transaction, so they share one commit (one
 * fsync of the WAL) instead of paying one each. Each batch is validated against the state the
 * batches before it left, and a batch with any invalid event writes nothing, as when alone.
 */
export function applyBatches(
  db: Db,
  dir: Directory,
  batches: PendingBatch[],
  receivedAt: number,
  validate: (items: unknown[]) => { events: LiveEvent[]; errors: EventError[] },
): { outcomes: BatchOutcome[]; touched: Set<string> } {
  const outcomes: BatchOutcome[] = [];
  const { touched } = inWriteTransaction(db, dir, (ctx) => {
    for (const b of batches) {
      const { events, errors } = validate(b.items);
      outcomes.push(errors.length ? { ok: false, errors } : { ok: true, ...applyBatch(ctx, events, receivedAt, b.author) });
    }
  });
  return { outcomes, touched };
}

function applyBatch(ctx: Ctx, events: LiveEvent[], receivedAt: number, author?: BatchAuthor): Omit<ApplyResult, 'touched'> {
  let duplicates = 0;
  const applied: LiveEvent[] = [];
  const bodies: string[] = [];
  for (const e of events) {
    const at = parseInstant(e.at)!;
    const body = JSON.stringify(e);
    if (ctx.w.insertEvent.run(e.id, e.type, at, receivedAt, body).changes === 0) {
      duplicates += 1;
      continue;
    }
    applyOne(ctx, e, at);
    applied.push(e);
    bodies.push(body);
  }
  keepRecent(ctx, bodies);
  if (author) ctx.w.insertAudit.run(receivedAt, author.who, 'events', applied.length, JSON.stringify({ duplicates }));
  return { accepted: applied.length, duplicates, applied };
}

/** The batch's newest events (their stored bodies) join the recent ones; older ones beyond RECENT_EVENTS go. */
function keepRecent(ctx: Ctx, bodies: string[]): void {
  if (!bodies.length) return;
  let last = 0;
  for (const body of bodies.slice(-RECENT_EVENTS)) last = Number(ctx.w.insertRecentEvent.run(body).lastInsertRowid);
  ctx.w.trimRecentEvents.run(last - RECENT_EVENTS);
}

function applyOne(ctx: Ctx, e: LiveEvent, at: number): void {
  const { w, acc } = ctx;
  switch (e.type) {
    case 'meeting.held':
      putMeeting(ctx, { id: e.meetingId, org_code: e.org, kind: e.kind, held_at: e.at, group_code: e.group ?? null, topic: e.topic ?? null });
      return;
    case 'attendance.checked_in':
      putAttendance(ctx, { meeting_id: e.meetingId, member_id: e.member, status: e.status ?? 'present', checked_in_at: e.at });
      return;
    case 'dues.paid':
      putDues(ctx, { id: e.id, member_id: e.member, month: e.month, amount: e.amount, paid_at: e.at });
      return;
    case 'activity.logged':
      putActivity(ctx, { id: e.id, member_id: e.member, kind: e.kind, hours: e.hours ?? null, at: e.at });
      return;
    case 'member.joined':
      putMember(
        ctx,
        {
          id: e.member,
          name: e.name,
          org_code: e.org,
          status: e.status,
          gender: e.gender ?? null,
          birth_date: e.birth_date ?? null,
          joined_on: e.joined_on ?? dateOf(at),
          org_since: e.org_since ?? dateOf(at),
          group_code: e.group ?? null,
          probation_started_on: e.probation_started_on ?? (e.status === 'probationary' ? dateOf(at) : null),
          dues_monthly: e.dues_monthly ?? null,
          monthly_income: e.monthly_income ?? null,
          income_kind: e.income_kind ?? null,
          on_committee: e.on_committee ?? false,
          education: e.education ?? null,
          is_mobile: e.is_mobile ?? false,
          phone: e.phone ?? null,
        },
        at,
      );
      return;
    case 'member.transferred':
      transferMember(ctx, e.member, e.org, e.group ?? null, at);
      return;
    case 'member.converted':
      convertMember(ctx, e.member, at);
      return;
    case 'member.left':
      memberLeft(ctx, e.member, e.reason, at);
      return;
    case 'org.term_renewed': {
      w.renewTerm.run(e.termStartedOn, e.termYears ?? null, e.org);
      const org = ctx.dir.orgs.get(e.org)!;
      org.termStartedOn = e.termStartedOn;
      if (e.termYears != null) org.termYears = e.termYears;
      acc.touched.add(e.org);
      return;
    }
    case 'task.created':
      w.upsertTask.run(e.task, e.org, e.title, e.dueOn, null);
      acc.touched.add(e.org);
      return;
    case 'task.completed': {
      w.completeTask.run(dateOf(at), e.task);
      const row = ctx.w.getTaskOrg.get(e.task) as { org_code: string } | undefined;
      if (row) acc.touched.add(row.org_code);
      return;
    }
    case 'applicant.staged': {
      const old = w.getApplicant.get(e.applicant) as { name: string; org_code: string } | undefined;
      const org = e.org ?? old!.org_code;
      w.upsertApplicant.run(e.applicant, e.name ?? old!.name, org, e.stage, dateOf(at));
      acc.touched.add(org);
      return;
    }
  }
}
