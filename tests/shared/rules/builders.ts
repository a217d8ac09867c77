// Small builders for rule facts: every field has a harmless default so a table row states only
// what the case is about. Instants go through periods.ts so Asia/Shanghai boundaries are real.

import type { MeetingKind } from '../../../shared/domain.ts';
import type { BranchFacts, MeetingMonth, MemberFacts, MemberMonth, OrgNode, TaskFacts } from '../../../shared/model.ts';
import { parseInstant, type Month } from '../../../shared/periods.ts';

/** An instant from ISO text; no offset means Asia/Shanghai. */
export function at(text: string): number {
  const ms = parseInstant(text);
  if (ms == null) throw new Error(`bad instant ${text}`);
  return ms;
}

export function org(over: Partial<OrgNode> = {}): OrgNode {
  return {
    code: 'B1',
    name: '第一支部',
    type: 'branch',
    parentCode: 'C1',
    category: 'enterprise',
    establishedOn: '2020-01-01',
    termStartedOn: null,
    termYears: null,
    hasCommittee: false,
    region: null,
    lng: null,
    lat: null,
    groups: [],
    children: [],
    ...over,
  };
}

export function mm(over: Partial<MemberMonth> = {}): MemberMonth {
  return {
    branch: 'B1',
    due: 10,
    paidFullAt: null,
    expected: 0,
    present: 0,
    excused: 0,
    presentPoints: 0,
    volunteerHours: 0,
    demoPosts: 0,
    ...over,
  };
}

export function member(over: Partial<MemberFacts> = {}): MemberFacts {
  return {
    id: 'M1',
    name: '张三',
    current: true,
    status: 'full',
    gender: null,
    birthDate: null,
    joinedOn: null,
    education: null,
    groupCode: null,
    onCommittee: false,
    probationStartedOn: null,
    months: {},
    ...over,
  };
}

/** Month records for each listed month, all built from the same overrides. */
export function months(list: Month[], over: Partial<MemberMonth> | ((m: Month) => Partial<MemberMonth>) = {}): Record<Month, MemberMonth> {
  return Object.fromEntries(list.map((m) => [m, mm(typeof over === 'function' ? over(m) : over)]));
}

export function meetingMonth(kinds: Partial<Record<MeetingKind, number>> = {}, expected = 0, present = 0): MeetingMonth {
  return { kinds, attendanceExpected: expected, attendancePresent: present };
}

export function branch(over: Partial<BranchFacts> = {}): BranchFacts {
  return { org: org(), meetings: {}, groupMeetings: {}, members: [], tasks: [], ...over };
}

export function task(over: Partial<TaskFacts> = {}): TaskFacts {
  return { id: 'T1', title: '任务', dueOn: '2026-05-31', completedOn: null, ...over };
}
