// The live event shapes of CONTRACTS §2 as TypeBox schemas; the TS types derive from them so
// validation and code cannot drift.

import { Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import { ACTIVITY_KINDS, ATTENDANCE_STATUSES, GENDERS, INCOME_KINDS, MEETING_KINDS, MEMBER_STATUSES, STAGES } from '../../../shared/domain.ts';

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001f]+$' });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const lit = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;
const Base = { id: Id, at: Type.String({ minLength: 10, maxLength: 40 }) };

export const EVENT_SCHEMAS = {
  'meeting.held': Type.Object({ ...Base, type: Type.Literal('meeting.held'), meetingId: Id, org: Id, kind: lit(MEETING_KINDS), group: Type.Optional(Id), topic: Type.Optional(Type.String({ maxLength: 200 })) }),
  'attendance.checked_in': Type.Object({ ...Base, type: Type.Literal('attendance.checked_in'), meetingId: Id, member: Id, status: Type.Optional(lit(ATTENDANCE_STATUSES)) }),
  'dues.paid': Type.Object({ ...Base, type: Type.Literal('dues.paid'), member: Id, month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }), amount: Type.Number({ exclusiveMinimum: 0, maximum: 100000 }) }),
  'activity.logged': Type.Object({ ...Base, type: Type.Literal('activity.logged'), member: Id, kind: lit(ACTIVITY_KINDS), hours: Type.Optional(Type.Number({ minimum: 0, maximum: 24 })) }),
  'member.joined': Type.Object({
    ...Base,
    type: Type.Literal('member.joined'),
    member: Id,
    name: Name,
    org: Id,
    status: lit(MEMBER_STATUSES),
    gender: Type.Optional(lit(GENDERS)),
    birth_date: Type.Optional(DateText),
    joined_on: Type.Optional(DateText),
    org_since: Type.Optional(DateText),
    group: Type.Optional(Id),
    probation_started_on: Type.Optional(DateText),
    dues_monthly: Type.Optional(Type.Number({ minimum: 0, maximum: 100000 })),
    monthly_income: Type.Optional(Type.Number({ minimum: 0, maximum: 10000000 })),
    income_kind: Type.Optional(lit(INCOME_KINDS)),
    on_committee: Type.Optional(Type.Boolean()),
    education: Type.Optional(Type.String({ maxLength: 40 })),
    is_mobile: Type.Optional(Type.Boolean()),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
  }),
  'member.transferred': Type.Object({ ...Base, type: Type.Literal('member.transferred'), member: Id, org: Id, group: Type.Optional(Id) }),
  'member.converted': Type.Object({ ...Base, type: Type.Literal('member.converted'), member: Id }),
  'member.left': Type.Object({ ...Base, type: Type.Literal('member.left'), member: Id, reason: Type.String({ minLength: 1, maxLength: 200 }) }),
  'org.term_renewed': Type.Object({ ...Base, type: Type.Literal('org.term_renewed'), org: Id, termStartedOn: DateText, termYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })) }),
  'task.created': Type.Object({ ...Base, type: Type.Literal('task.created'), task: Id, org: Id, title: Type.String({ minLength: 1, maxLength: 200 }), dueOn: DateText }),
  'task.completed': Type.Object({ ...Base, type: Type.Literal('task.completed'), task: Id, org: Type.Optional(Id), title: Type.Optional(Type.String()), dueOn: Type.Optional(DateText) }),
  'applicant.staged': Type.Object({ ...Base, type: Type.Literal('applicant.staged'), applicant: Id, name: Type.Optional(Name), org: Type.Optional(Id), stage: lit(STAGES) }),
} satisfies Record<string, TSchema>;

export type EventType = keyof typeof EVENT_SCHEMAS;
export type LiveEvent = { [K in EventType]: Static<(typeof EVENT_SCHEMAS)[K]> }[EventType];
export type EventOf<K extends EventType> = Static<(typeof EVENT_SCHEMAS)[K]>;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];

