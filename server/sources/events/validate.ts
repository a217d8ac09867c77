// Validates a batch of live events: shape (TypeBox, compiled once), instants, and references
// against the store and against earlier events of the same batch. Any invalid event refuses the
// whole batch, with one error per bad item (CONTRACTS §2).

import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { TSchema } from '@sinclair/typebox';
import { parseInstant } from '../../../shared/periods.ts';
import { EVENT_SCHEMAS, EVENT_TYPES, type EventType, type LiveEvent } from './schema.ts';

export interface EventError {
  index: number;
  id: string | null;
  message: string;
}

/** What validation needs to know about the store's current state. */
export interface EventLookup {
  orgType(code: string): string | null;
  groupBranch(code: string): string | null;
  member(id: string): { status: string; left: boolean } | null;
  meetingExists(id: string): boolean;
  taskExists(id: string): boolean;
  applicantExists(id: string): boolean;
}

const checks = Object.fromEntries(EVENT_TYPES.map((t) => [t, TypeCompiler.Compile(EVENT_SCHEMAS[t] as TSchema)])) as Record<EventType, TypeCheck<TSchema>>;

/** Events dated before this are refused as implausible (a typo for a year, an epoch-zero default). */
const EARLIEST = parseInstant('2000-01-01T00:00:00+08:00')!;
/** Allowed clock skew of senders: an event may be stamped up to five minutes ahead of our clock. */
const FUTURE_SKEW_MS = 5 * 60_000;

export function validateEvents(items: unknown[], lookup: EventLookup, now: number): { events: LiveEvent[]; errors: EventError[] } {
  const errors: EventError[] = [];
  const events: LiveEvent[] = [];
  const seen = new Map<string, number>();
  const batch = { meetings: new Set<string>(), members: new Map<string, string>(), tasks: new Set<string>(), applicants: new Set<string>() };

  items.forEach((raw, index) => {
    const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
    const fail = (message: string) => errors.push({ index, id, message });
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail('an event must be a JSON object');
    const type = (raw as { type?: unknown }).type;
    if (typeof type !== 'string' || !(type in checks)) return fail(`unknown event type ${JSON.stringify(type)}; expected one of ${EVENT_TYPES.join(', ')}`);
    const check = checks[type as EventType];
    if (!check.Check(raw)) {
      const first = [...check.Errors(raw)].slice(0, 3).map((e) => `${e.path || '/'}: ${e.message}`);
      return fail(first.join('; '));
    }
    const e = raw as LiveEvent;
    if (seen.has(e.id)) return fail(`id "${e.id}" appears twice in this batch (first at index ${seen.get(e.id)})`);
    seen.set(e.id, index);
    const at = parseInstant(e.at);
    if (at === null) return fail(`at: "${e.at}" is not an ISO 8601 instant`);
    if (at > now + FUTURE_SKEW_MS) return fail(`at: ${e.at} is in the future`);
    if (at < EARLIEST) return fail(`at: ${e.at} is before 2000-01-01`);
    const problem = checkReferences(e, lookup, batch);
    if (problem) return fail(problem);
    events.push(e);
  });
  return { events, errors };
}

type Batch = { meetings: Set<string>; members: Map<string, string>; tasks: Set<string>; applicants: Set<string> };

function checkReferences(e: LiveEvent, look: EventLookup, batch: Batch): string | null {
  const memberKnown = (id: string) => batch.members.has(id) || look.member(id) !== null;
  const isBranch = (code: string) => look.orgType(code) === 'branch';
  switch (e.type) {
    case 'meeting.held': {
      if (!look.orgType(e.org)) return `org: unknown organisation "${e.org}"`;
      if (e.kind === 'group_meeting' && !e.group) return 'group: a group_meeting needs the group that held it';
      if (e.group && look.groupBranch(e.group) !== e.org) return `group: "${e.group}" is not a party group of ${e.org}`;
      batch.meetings.add(e.meetingId);
      return null;
    }
    case 'attendance.checked_in':
      if (!batch.meetings.has(e.meetingId) && !look.meetingExists(e.meetingId)) return `meetingId: unknown meeting "${e.meetingId}"`;
      return memberKnown(e.member) ? null : `member: unknown member "${e.member}"`;
    case 'dues.paid':
    case 'activity.logged':
      return memberKnown(e.member) ? null : `member: unknown member "${e.member}"`;
    case 'member.joined': {
      if (look.member(e.member) || batch.members.has(e.member)) return `member: "${e.member}" already exists`;
      if (!isBranch(e.org)) return `org: "${e.org}" is not a branch`;
      if (e.group && look.groupBranch(e.group) !== e.org) return `group: "${e.group}" is not a party group of ${e.org}`;
      batch.members.set(e.member, e.status);
      return null;
    }
    case 'member.transferred': {
      const m = look.member(e.member);
      if (!m && !batch.members.has(e.member)) return `member: unknown member "${e.member}"`;
      if (m?.left) return `member: "${e.member}" has left the party organisation`;
      if (!isBranch(e.org)) return `org: "${e.org}" is not a branch`;
      if (e.group && look.groupBranch(e.group) !== e.org) return `group: "${e.group}" is not a party group of ${e.org}`;
      return null;
    }
    case 'member.converted': {
      const status = batch.members.get(e.member) ?? look.member(e.member)?.status;
      if (!status) return `member: unknown member "${e.member}"`;
      return status === 'probationary' ? null : `member: "${e.member}" is not a probationary member`;
    }
    case 'member.left':
      return memberKnown(e.member) ? null : `member: unknown member "${e.member}"`;
    case 'org.term_renewed':
      return look.orgType(e.org) ? null : `org: unknown organisation "${e.org}"`;
    case 'task.created':
      if (!look.orgType(e.org)) return `org: unknown organisation "${e.org}"`;
      batch.tasks.add(e.task);
      return null;
    case 'task.completed':
      return batch.tasks.has(e.task) || look.taskExists(e.task) ? null : `task: unknown task "${e.task}"`;
    case 'applicant.staged': {
      const known = batch.applicants.has(e.applicant) || look.applicantExists(e.applicant);
      if (!known && (!e.name || !e.org)) return 'applicant: a new applicant needs name and org';
      if (e.org && !isBranch(e.org)) return `org: "${e.org}" is not a branch`;
      batch.applicants.add(e.applicant);
      return null;
    }
  }
}
