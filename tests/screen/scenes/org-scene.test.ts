// @vitest-environment happy-dom
// The organisation scene in happy-dom: loading before anything arrives, every panel drawn from
// the snapshot and the detail, stale when the link goes quiet; a branch shows its members, a
// committee its child organisations; App picks the scene by scope.
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import fixture from '../../fixtures/snapshot.district.json';
import type { OrgDetail } from '../../../shared/org-detail.ts';
import type { WallSnapshot } from '../../../shared/snapshot.ts';
import App from '../../../screen/App.vue';
import OrgScene from '../../../screen/scenes/OrgScene.vue';
import { useConnectionStore } from '../../../screen/stores/connection.ts';
import { useOrgDetailStore } from '../../../screen/stores/org-detail.ts';
import { useWallStore } from '../../../screen/stores/wall.ts';

const district = fixture as unknown as WallSnapshot;
const months = Array.from({ length: 12 }, (_, i) => `20${i < 8 ? '25' : '26'}-${String(((i + 4) % 12) + 1).padStart(2, '0')}`);
const zeros = () => months.map(() => 0);

function branchSnapshot(): WallSnapshot {
  const path = [district.scope.path[0], { code: 'C1', name: '东湖街道党工委', type: 'committee' as const }, { code: 'B1', name: '东湖社区第一支部', type: 'branch' as const }];
  return { ...district, scope: { code: 'B1', name: '东湖社区第一支部', type: 'branch', path }, children: [] };
}
function branchDetail(): OrgDetail {
  return {
    org: { code: 'B1', name: '东湖社区第一支部', type: 'branch', parentCode: 'C1' },
    asOf: district.asOf,
    profile: 'public',
    light: {
      level: 'red',
      since: district.asOf - 86_400_000,
      reasons: [{ rule: '3m1l', level: 'red', value: 2 / 9, threshold: 0.6, message: '今年三会一课完成率22.2%，低于60%' }],
      checks: [
        { rule: 'orgLife', value: 0, threshold: 1 },
        { rule: 'dues', value: 0.96, threshold: 0.95 },
      ],
    },
    months,
    meetings: { general_meeting: zeros(), committee_meeting: zeros(), group_meeting: zeros(), party_lesson: zeros(), theme_day: [...zeros().slice(0, 10), 1, 0] },
    dues: { rate: months.map(() => 0.9), onTime: months.map(() => 0.8), redBelow: 0.8 },
    tasks: { total: 1, done: 0, open: 0, overdue: 1, items: [{ id: 'T1', title: '完成换届选举准备', orgName: '东湖社区第一支部', dueOn: '2026-03-31', completedOn: null, status: 'overdue', overdueDays: 15 }] },
    members: [
      { id: null, name: '王*明', status: 'probationary', light: 'red', unpaidStreak: 12, absenceStreak: 1, vanguard: 0 },
      { id: null, name: '张*华', status: 'full', light: 'green', unpaidStreak: 0, absenceStreak: 0, vanguard: 3.5 },
    ],
    branchRules: null,
  };
}
const statuses = (w: ReturnType<typeof mount>) => {
  const s = Object.fromEntries(w.findAll('[data-panel]').map((p) => [p.attributes('data-panel'), p.attributes('data-status')]));
  delete s.header;
  return s;
};

describe('organisation scene', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('every panel is loading before its data, then ok, then stale when the link goes quiet', async () => {
    const wall = useWallStore();
    wall.setScope('B1');
    useOrgDetailStore().reset('B1');
    const w = mount(OrgScene, { props: { centreName: null }, attachTo: document.body });
    const before = statuses(w);
    expect(Object.keys(before).sort()).toEqual(['calendar', 'dues', 'kpi', 'light', 'meetings', 'pipeline', 'roster', 'tasks']);
    expect(Object.values(before).every((v) => v === 'loading')).toBe(true);

    wall.replace(branchSnapshot(), 1, district.asOf);
    useOrgDetailStore().receive(branchDetail());
    useConnectionStore().setState('live', 0);
    await nextTick();
    expect(Object.values(statuses(w)).every((v) => v === 'ok')).toBe(true);
    useConnectionStore().setState('stale', 0);
    await nextTick();
    expect(Object.values(statuses(w)).every((v) => v === 'stale')).toBe(true);
    w.unmount();
  });

  it('a branch: its light with each reason, its tasks and the member grid (masked names from the server)', async () => {
    const wall = useWallStore();
    wall.setScope('B1');
    wall.replace(branchSnapshot(), 1, district.asOf);
    useOrgDetailStore().reset('B1');
    useOrgDetailStore().receive(branchDetail());
    const w = mount(OrgScene, { props: { centreName: null }, attachTo: document.body });
    await nextTick();
    expect(w.find('[data-testid="org-light"]').attributes('data-level')).toBe('red');
    const reason = w.find('[data-testid="org-reason"]');
    expect(reason.attributes('data-rule')).toBe('3m1l');
    expect(reason.text()).toContain('22.2%');
    expect(reason.text()).toContain('60%');
    expect(reason.text()).toContain('今年三会一课完成率22.2%，低于60%');
    // The rules it passed follow, with what they read now.
    const checks = w.findAll('[data-testid="org-check"]');
    expect(checks.map((c) => c.attributes('data-rule'))).toEqual(['orgLife', 'dues']);
    expect(checks[0].text()).toContain('组织生活');
    expect(checks[0].text()).toContain('无空白月');
    expect(checks[1].text()).toContain('96% ≥ 95%');
    expect(w.find('[data-testid="org-task"]').text()).toContain('逾期15天');
    expect(w.find('[data-testid="org-task"]').text()).toContain('2026-03-31');
    const cells = w.findAll('[data-testid="member-cell"]');
    expect(cells.map((c) => c.attributes('data-light'))).toEqual(['red', 'green']);
    expect(cells[0].text()).toContain('王*明');
    expect(cells[0].text()).toMatch(/欠缴\s*12\s*月/);
    expect(cells[1].text()).toMatch(/锋领\s*3\.5/);
    expect(w.findAll('[data-testid="rank-row"]')).toHaveLength(0);
    w.unmount();
  });

  it('a committee ranks its child organisations instead; a failed detail shows no data, not loading', async () => {
    const wall = useWallStore();
    const committee: WallSnapshot = { ...district, scope: { code: 'C1', name: '东湖街道党工委', type: 'committee', path: [district.scope.path[0], { code: 'C1', name: '东湖街道党工委', type: 'committee' }] } };
    wall.setScope('C1');
    wall.replace(committee, 1, district.asOf);
    useConnectionStore().setState('live', 0);
    const org = useOrgDetailStore();
    org.reset('C1');
    org.failed('C1');
    const w = mount(OrgScene, { props: { centreName: null }, attachTo: document.body });
    await nextTick();
    expect(w.findAll('[data-testid="rank-row"]').length).toBe(committee.children.length);
    expect(w.find('[data-panel="roster"] h2').text()).toBe('下级组织排行');
    expect(w.find('[data-testid="member-grid"]').exists()).toBe(false);
    expect(statuses(w)).toMatchObject({ light: 'empty', tasks: 'empty', calendar: 'empty', dues: 'empty', kpi: 'ok', roster: 'ok' });
    w.unmount();
  });

  it('a committee\'s light says how many of its branches each rule turned red or yellow', async () => {
    const wall = useWallStore();
    const committee: WallSnapshot = { ...district, scope: { code: 'C1', name: '东湖街道党工委', type: 'committee', path: [district.scope.path[0], { code: 'C1', name: '东湖街道党工委', type: 'committee' }] } };
    wall.setScope('C1');
    wall.replace(committee, 1, district.asOf);
    const org = useOrgDetailStore();
    org.reset('C1');
    org.receive({
      ...branchDetail(),
      org: { code: 'C1', name: '东湖街道党工委', type: 'committee', parentCode: 'D' },
      light: { level: 'yellow', since: null, reasons: [], checks: [{ rule: 'term', value: null, threshold: '2028-06-01' }] },
      members: null,
      branchRules: [
        { rule: 'orgLife', red: 3, yellow: 1 },
        { rule: 'dues', red: 0, yellow: 4 },
      ],
    });
    const w = mount(OrgScene, { props: { centreName: null }, attachTo: document.body });
    await nextTick();
    const rows = w.findAll('[data-testid="org-branch-rule"]');
    expect(rows.map((r) => r.attributes('data-rule'))).toEqual(['orgLife', 'dues']);
    expect(rows[0].text()).toMatch(/组织生活\s*红灯 3\s*黄灯 1/);
    expect(rows[1].text()).toMatch(/党费收缴\s*红灯 0\s*黄灯 4/);
    expect(w.find('[data-testid="org-check"]').text()).toContain('2028-06-01届满');
    w.unmount();
  });

  it('App: the overview at the root, the organisation scene below it', async () => {
    const wall = useWallStore();
    const root = district.scope.code;
    wall.setScope(root);
    const w = mount(App, { props: { centreName: null, use3d: false, root }, attachTo: document.body });
    expect(w.find('[data-panel="map"]').exists()).toBe(true);
    wall.setScope('B1');
    await nextTick();
    expect(w.find('[data-panel="map"]').exists()).toBe(false);
    expect(w.find('[data-panel="calendar"]').exists()).toBe(true);
    wall.replace(branchSnapshot(), 1, district.asOf);
    await nextTick();
    expect(w.find('[data-panel="roster"]').exists()).toBe(true);
    wall.setScope(root);
    await nextTick();
    expect(w.find('[data-panel="map"]').exists()).toBe(true);
    w.unmount();
  });
});
