// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import fixture from '../../fixtures/snapshot.district.json';
import type { WallSnapshot } from '../../../shared/snapshot.ts';
import KpiRibbon from '../../../screen/panels/KpiRibbon.vue';
import MeasuresMatrix from '../../../screen/panels/MeasuresMatrix.vue';
import { panelStatus } from '../../../screen/panels/panel-status.ts';
import TheHeader from '../../../screen/panels/TheHeader.vue';
import VanguardBoard from '../../../screen/panels/VanguardBoard.vue';
import WarningFeed from '../../../screen/panels/WarningFeed.vue';
import { useTween } from '../../../screen/panels/use-tween.ts';
import { useUiStore } from '../../../screen/stores/ui.ts';

const snap = fixture as unknown as WallSnapshot;

describe('panel states', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('panelStatus: loading before the first snapshot, no-data when a section is empty, stale when the link is', () => {
    expect(panelStatus(false, false, 'connecting')).toBe('loading');
    expect(panelStatus(false, false, 'stale')).toBe('empty');
    expect(panelStatus(true, false, 'live')).toBe('empty');
    expect(panelStatus(true, true, 'stale')).toBe('stale');
    expect(panelStatus(true, true, 'reconnecting')).toBe('ok');
    expect(panelStatus(true, true, 'live')).toBe('ok');
  });

  it('warning feed: no-data state says so and draws no rows', () => {
    const w = mount(WarningFeed, { props: { warnings: null, status: 'empty', asOf: null } });
    expect(w.text()).toContain('暂无数据');
    expect(w.findAll('[data-testid="warning-row"]')).toHaveLength(0);
    expect(w.text()).toContain('截至 —');
  });

  it('warning feed: rows with level, organisation, reason sentence; red first', () => {
    const w = mount(WarningFeed, { props: { warnings: snap.warnings, status: 'ok', asOf: snap.asOf } });
    const rows = w.findAll('[data-testid="warning-row"]');
    expect(rows.length).toBe(snap.warnings.length);
    expect(rows[0].text()).toContain('红灯');
    expect(rows[0].text()).toContain('组织生活连续2个月未开展');
  });

  it('warning feed: a footer line counts the reports of the last monthly batch, in either language', async () => {
    const w = mount(WarningFeed, { props: { warnings: snap.warnings, status: 'ok', asOf: snap.asOf, reportsSent: snap.reportsSent } });
    expect(w.find('[data-testid="reports-sent"]').text()).toBe('10月诊疗报告已送达 2,311 个支部');
    useUiStore().setLang('en');
    await nextTick();
    expect(w.find('[data-testid="reports-sent"]').text()).toBe('Diagnosis reports for 2026-10 delivered to 2,311 branches');
    await w.setProps({ reportsSent: null });
    expect(w.find('[data-testid="reports-sent"]').exists()).toBe(false);
  });

  it('measures: stale state keeps the data, greys it and shows the badge and as-of time', () => {
    const w = mount(MeasuresMatrix, { props: { measures: snap.measures, status: 'stale', asOf: snap.asOf } });
    expect(w.attributes('data-status')).toBe('stale');
    expect(w.classes()).toContain('is-stale');
    expect(w.text()).toContain('数据已过期');
    expect(w.text()).toContain('截至 17:20');
    expect(w.findAll('[data-testid="measure-row"]')).toHaveLength(snap.measures.length);
  });

  it('KPI ribbon: loading state, then the numbers', async () => {
    const w = mount(KpiRibbon, { props: { kpis: null, status: 'loading', asOf: null } });
    expect(w.text()).toContain('数据加载中');
    await w.setProps({ kpis: snap.kpis, status: 'ok', asOf: snap.asOf });
    const values = w.findAll('[data-testid="kpi-value"]').map((v) => v.text());
    expect(values).toEqual(['2,648', '47,126', '1,384', '93.4', '96.7', '37', '164', '1,268']);
  });

  it('header: the connection badge reads live, reconnecting or stale since the last update', async () => {
    const at = Date.parse('2026-11-23T17:05:00+08:00');
    const w = mount(TheHeader, { props: { centreName: '锦江区智慧党建指挥中心', connection: 'live', since: null, lastUpdateAt: at, asOf: at } });
    expect(w.find('h1').text()).toBe('锦江区智慧党建指挥中心');
    expect(w.find('[data-testid="connection"]').text()).toBe('实时');
    await w.setProps({ connection: 'stale', since: at + 15_000 });
    expect(w.find('[data-testid="connection"]').text()).toBe('数据过期 · 自 17:05');
    await w.setProps({ connection: 'reconnecting', since: at });
    expect(w.find('[data-testid="connection"]').text()).toContain('重连中');
    w.unmount();
  });

  it('vanguard leaders: place, masked name, branch and points as sent; the first three in gold', () => {
    const w = mount(VanguardBoard, { props: { leaders: snap.vanguardLeaders, status: 'ok', asOf: snap.asOf } });
    expect(w.find('h2').text()).toBe('先锋指数榜');
    const rows = w.findAll('[data-testid="vanguard-row"]');
    expect(rows).toHaveLength(10);
    expect(rows[0].text()).toBe(`1${snap.vanguardLeaders[0].name}${snap.vanguardLeaders[0].orgName}46.5分`);
    expect(rows.map((r) => r.find('.rank-badge').text())).toEqual(['1', '1', '3', '4', '5', '6', '7', '8', '8', '10']);
    expect(rows.map((r) => r.find('.rank-badge').classes().includes('top'))).toEqual([true, true, true, ...Array(7).fill(false)]);
    expect(rows[2].find('.points').text()).toBe('44分');
  });

  it('vanguard leaders: loading, then an empty state that says why, in either language', async () => {
    const w = mount(VanguardBoard, { props: { leaders: null, status: 'loading', asOf: null } });
    expect(w.text()).toContain('数据加载中');
    await w.setProps({ leaders: [], status: 'empty', asOf: snap.asOf });
    expect(w.find('.panel-empty').text()).toBe('本年度暂无党员获得先锋指数积分');
    expect(w.findAll('[data-testid="vanguard-row"]')).toHaveLength(0);
    useUiStore().setLang('en');
    await nextTick();
    expect(w.find('h2').text()).toBe('Vanguard index leaders');
    expect(w.find('.panel-empty').text()).toBe('No vanguard points earned this year yet');
  });

  it('labels follow the language', () => {
    useUiStore().setLang('en');
    const w = mount(WarningFeed, { props: { warnings: null, status: 'empty', asOf: null } });
    expect(w.text()).toContain('No data');
  });
});

describe('useTween', () => {
  it('shows the first value at once and rolls from the old value to the new one', async () => {
    let clock = 0;
    const frames: (() => void)[] = [];
    const source = ref<number | null>(100);
    const shown = useTween(() => source.value, { duration: 1000, now: () => clock, raf: (cb) => frames.push(() => cb(clock)) });
    expect(shown.value).toBe(100); // never from zero
    source.value = 200;
    await nextTick();
    clock = 500;
    frames.shift()!();
    expect(shown.value).toBeGreaterThan(100);
    expect(shown.value).toBeLessThan(200);
    clock = 1000;
    while (frames.length) frames.shift()!();
    expect(shown.value).toBe(200);
  });

  it('jumps when paused (hidden tab)', async () => {
    const source = ref<number | null>(1);
    const shown = useTween(() => source.value, { paused: () => true, raf: () => 0 });
    source.value = 5;
    await nextTick();
    expect(shown.value).toBe(5);
  });
});
