// @vitest-environment happy-dom
// The panels that start a drill-down say which organisation was chosen; they never navigate.
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import fixture from '../../fixtures/snapshot.district.json';
import type { WallSnapshot } from '../../../shared/snapshot.ts';
import { translator } from '../../../screen/i18n/index.ts';
import { buildMapOption } from '../../../screen/charts/map.ts';
import { wallTheme } from '../../../screen/charts/theme.ts';
import ExplainOverlay from '../../../screen/panels/ExplainOverlay.vue';
import MapPanel from '../../../screen/panels/MapPanel.vue';
import RankingBoard from '../../../screen/panels/RankingBoard.vue';
import ScopeCrumbs from '../../../screen/panels/ScopeCrumbs.vue';
import WarningFeed from '../../../screen/panels/WarningFeed.vue';

const snap = fixture as unknown as WallSnapshot;
const path = [
  { code: 'D', name: '示范区委', type: 'district' as const },
  { code: 'C1', name: '东湖街道党工委', type: 'committee' as const },
  { code: 'B1', name: '东湖社区第一支部', type: 'branch' as const },
];

describe('drill-down panels', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('ranking rows and warnings emit the organisation they show', async () => {
    const rank = mount(RankingBoard, { props: { rows: snap.rankings.top, status: 'ok', asOf: snap.asOf } });
    await rank.findAll('[data-testid="rank-row"]')[1].trigger('click');
    expect(rank.emitted('open')).toEqual([[snap.rankings.top[1].code]]);
    const warn = mount(WarningFeed, { props: { warnings: snap.warnings, status: 'ok', asOf: snap.asOf } });
    const row = warn.findAll('[data-testid="warning-row"]')[0];
    await row.trigger('click');
    expect((warn.emitted('open')![0][0] as { code: string }).code).toBe(row.attributes('data-code'));
  });

  it('map: a click on a point emits its code; the 2D points are clickable and carry it', async () => {
    const option = buildMapOption({ map: snap.map, mapName: 'demo' }, wallTheme, translator('zh-CN')) as any;
    const scatter = option.series.filter((s: any) => s.type === 'scatter' && s.id !== 'region-labels');
    expect(scatter.every((s: any) => s.silent === false)).toBe(true);
    expect(scatter.flatMap((s: any) => s.data).every((d: any) => typeof d.code === 'string')).toBe(true);
    const w = mount(MapPanel, {
      props: { map: snap.map, mapName: 'demo', feed: [], status: 'ok', asOf: snap.asOf, use3d: false },
      global: { stubs: { WallChart: true } },
    });
    w.findComponent({ name: 'WallChart' }).vm.$emit('chartClick', { data: { code: 'B7' } });
    w.findComponent({ name: 'WallChart' }).vm.$emit('chartClick', { data: { name: '湖洋街道' } }); // a region: no code
    expect(w.emitted('open')).toEqual([['B7']]);
  });

  it('breadcrumbs: ancestors are links, the current scope is not; back only below the root', async () => {
    const w = mount(ScopeCrumbs, { props: { path, light: 'red' } });
    expect(w.find('ol').text().replace(/\s+/g, '')).toBe('示范区委›东湖街道党工委›东湖社区第一支部');
    await w.findAll('button.crumb')[0].trigger('click');
    await w.find('[data-testid="nav-back"]').trigger('click');
    await w.find('[data-testid="scope-light"]').trigger('click');
    expect(w.emitted('go')).toEqual([['D']]);
    expect(w.emitted('back')).toHaveLength(1);
    expect(w.emitted('why')).toHaveLength(1);
    expect(w.findAll('button.crumb')).toHaveLength(2);
    const root = mount(ScopeCrumbs, { props: { path: path.slice(0, 1), light: null } });
    expect(root.find('[data-testid="nav-back"]').exists()).toBe(false);
    expect(root.find('[data-testid="scope-light"]').exists()).toBe(false);
  });

  it('explanation: every reason with its rule, value and threshold, and since when', () => {
    const reasons = [
      { rule: '3m1l' as const, level: 'red' as const, value: 0.2222, threshold: 0.6, message: '今年三会一课完成率22.2%，低于60%' },
      { rule: 'tasks' as const, level: 'yellow' as const, value: 15, threshold: 0, message: '1项任务逾期未完成' },
    ];
    const w = mount(ExplainOverlay, {
      props: {
        target: { code: 'B1', name: '东湖社区第一支部', level: 'red', reasons, since: null },
        history: [{ at: '2026-05-02T09:30:00+08:00', level: 'red', previous: 'yellow', reasons: [] }],
        historyStatus: 'ok',
      },
    });
    const rows = w.findAll('[data-testid="explain-reason"]').map((r) => r.findAll('td').map((td) => td.text()));
    expect(rows).toEqual([
      ['三会一课', '22.2%', '60%', '今年三会一课完成率22.2%，低于60%'],
      ['任务落实', '15', '0', '1项任务逾期未完成'],
    ]);
    expect(w.find('[data-testid="explain-since"]').text()).toBe('红灯 始于 2026-05-02 09:30');
    expect(w.find('[data-testid="explain-history"]').text()).toContain('黄灯 → 红灯');
  });
});
