// A hand-made district small enough to work out by hand: 1 district, 1 committee, 2 branches.
// Branch B1 has a committee and one party group; B2 has neither.

import type { Dataset, MemberRow } from '../../shared/domain.ts';

export function member(id: string, name: string, org: string, extra: Partial<MemberRow> = {}): MemberRow {
  return {
    id,
    name,
    org_code: org,
    status: 'full',
    gender: 'M',
    birth_date: '1980-05-01',
    joined_on: '2010-07-01',
    org_since: '2020-01-01',
    group_code: null,
    probation_started_on: null,
    dues_monthly: 10,
    monthly_income: null,
    income_kind: null,
    on_committee: false,
    education: '本科',
    is_mobile: false,
    phone: '13800000000',
    ...extra,
  };
}

export function tinyDataset(): Dataset {
  return {
    orgs: [
      { code: 'D', name: '示范区委', type: 'district', parent_code: null, category: null, established_on: '2000-01-01', term_started_on: '2022-01-01', term_years: 5, has_committee: true, region: null, lng: null, lat: null },
      { code: 'C1', name: '东湖街道党工委', type: 'committee', parent_code: 'D', category: 'community', established_on: '2000-01-01', term_started_on: '2023-01-01', term_years: 5, has_committee: true, region: '东湖街道', lng: 121.5, lat: 29.8 },
      { code: 'B1', name: '东湖社区第一支部', type: 'branch', parent_code: 'C1', category: 'community', established_on: '2010-01-01', term_started_on: '2024-03-01', term_years: 3, has_committee: true, region: '东湖街道', lng: 121.51, lat: 29.81 },
      { code: 'B2', name: '东湖社区第二支部', type: 'branch', parent_code: 'C1', category: 'community', established_on: '2026-02-10', term_started_on: null, term_years: null, has_committee: false, region: '东湖街道', lng: 121.52, lat: 29.82 },
    ],
    groups: [{ code: 'G1', branch_code: 'B1', name: '第一党小组' }],
    members: [
      member('M1', '张建华', 'B1', { on_committee: true, group_code: 'G1' }),
      member('M2', '李梅', 'B1', { group_code: 'G1', gender: 'F' }),
      member('M3', '王小明', 'B1', { status: 'probationary', probation_started_on: '2025-12-01' }),
      member('M4', '赵强', 'B2', { org_since: '2026-02-10' }),
    ],
    meetings: [
      { id: 'MT1', org_code: 'B1', kind: 'theme_day', held_at: '2026-03-10T15:00:00+08:00', group_code: null, topic: '学习党章' },
      { id: 'MT2', org_code: 'B1', kind: 'group_meeting', held_at: '2026-03-12T15:00:00+08:00', group_code: 'G1', topic: null },
      { id: 'MT3', org_code: 'B1', kind: 'committee_meeting', held_at: '2026-04-01T00:30:00+08:00', group_code: null, topic: null },
    ],
    attendance: [
      { meeting_id: 'MT1', member_id: 'M1', status: 'present', checked_in_at: '2026-03-10T14:55:00+08:00' },
      { meeting_id: 'MT1', member_id: 'M2', status: 'leave', checked_in_at: null },
      { meeting_id: 'MT2', member_id: 'M2', status: 'present', checked_in_at: '2026-03-12T15:01:00+08:00' },
      { meeting_id: 'MT3', member_id: 'M1', status: 'present', checked_in_at: '2026-04-01T00:31:00+08:00' },
    ],
    dues: [
      { id: 'P1', member_id: 'M1', month: '2026-03', amount: 4, paid_at: '2026-03-05T10:00:00+08:00' },
      { id: 'P2', member_id: 'M1', month: '2026-03', amount: 6, paid_at: '2026-04-02T10:00:00+08:00' },
      { id: 'P3', member_id: 'M2', month: '2026-03', amount: 10, paid_at: '2026-03-20T10:00:00+08:00' },
    ],
    activities: [
      { id: 'A1', member_id: 'M1', kind: 'volunteer', hours: 3, at: '2026-03-15T09:00:00+08:00' },
      { id: 'A2', member_id: 'M2', kind: 'demo_post', hours: null, at: '2026-03-16T09:00:00+08:00' },
    ],
    tasks: [{ id: 'T1', org_code: 'B1', title: '完成换届选举准备', due_on: '2026-03-31', completed_on: null }],
    applicants: [{ id: 'AP1', name: '陈晨', org_code: 'B1', stage: 'activist', stage_since: '2026-01-05' }],
  };
}

/** Branch B2 alone under C1 (founded 10 February, one member, M4, no committee or groups), with
 * nothing but M4's February dues: a light moved by the clock and by live events alone. */
export function branchB2Alone(): Dataset {
  const ds = tinyDataset();
  ds.orgs = ds.orgs.filter((o) => o.code !== 'B1');
  ds.groups = [];
  ds.members = ds.members.filter((m) => m.org_code === 'B2');
  ds.meetings = [];
  ds.attendance = [];
  ds.dues = [{ id: 'P9', member_id: 'M4', month: '2026-02', amount: 10, paid_at: '2026-02-20T10:00:00+08:00' }];
  ds.activities = [];
  ds.tasks = [];
  ds.applicants = [];
  return ds;
}
