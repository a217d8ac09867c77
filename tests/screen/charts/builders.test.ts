import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/snapshot.district.json';
import type { WallSnapshot } from '../../../shared/snapshot.ts';
import { translator } from '../../../screen/i18n/index.ts';
import { buildDuesGaugeOption, buildDuesTrendOption } from '../../../screen/charts/dues.ts';
import { buildFunnelOption } from '../../../screen/charts/funnel.ts';
import { buildMap3DOption, buildMapOption } from '../../../screen/charts/map.ts';
import { buildMeetingsOption } from '../../../screen/charts/meetings.ts';
import { buildMemberStructureOption } from '../../../screen/charts/member-structure.ts';
import { buildOrgRingsOption } from '../../../screen/charts/org-rings.ts';
import { pct, wallTheme as theme } from '../../../screen/charts/theme.ts';

const snap = fixture as unknown as WallSnapshot;
const t = translator('zh-CN');

/** Every fontSize anywhere in an option tree. */
function fontSizes(node: unknown, out: number[] = []): number[] {
  if (Array.isArray(node)) node.forEach((n) => fontSizes(n, out));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === 'fontSize' && typeof v === 'number') out.push(v);
      else fontSizes(v, out);
    }
  return out;
}
const all = () => [
  buildOrgRingsOption(snap.structure, theme, t),
  buildMemberStructureOption(snap.structure, theme, t),
  buildFunnelOption(snap.pipeline, theme, t),
  buildMeetingsOption(snap.meetings, theme, t),
  buildDuesGaugeOption(snap.dues, theme, t),
  buildDuesTrendOption(snap.dues, theme, t),
  buildMapOption({ map: snap.map, mapName: 'demo' }, theme, t),
  buildMap3DOption(snap.map, 'demo', theme),
];

describe('option builders', () => {
  it('never ask for text under 24 design px, and axis labels are at least 26', () => {
    for (const option of all()) {
      const sizes = fontSizes(option);
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    }
    const m = buildMeetingsOption(snap.meetings, theme, t) as any;
    expect(m.xAxis.axisLabel.fontSize).toBeGreaterThanOrEqual(26);
    expect(m.yAxis[0].axisLabel.fontSize).toBeGreaterThanOrEqual(26);
  });

  it('are pure: the same input gives the same option and the input is untouched', () => {
    const before = JSON.stringify(snap);
    expect(JSON.stringify(all())).toBe(JSON.stringify(all()));
    expect(JSON.stringify(snap)).toBe(before);
  });

  it('org rings: types and categories with Chinese names, the district itself left out', () => {
    const o = buildOrgRingsOption(snap.structure, theme, t) as any;
    expect(o.series[0].data.map((d: any) => d.name)).toEqual(['党（工）委', '党总支', '党支部']);
    expect(o.legend[0].formatter('党支部')).toContain('2311');
    expect(o.series[1].data.map((d: any) => [d.name, d.value])).toContainEqual(['社区', 612]);
  });

  it('org rings at a branch: its members by status and its category named, no hollow ring', () => {
    const branch = {
      ...snap.structure,
      orgsByType: [{ key: 'committee', count: 0 }, { key: 'general_branch', count: 0 }, { key: 'branch', count: 0 }],
      branchesByCategory: [{ key: 'community', count: 1 }],
      membersByStatus: [{ key: 'full', count: 40 }, { key: 'probationary', count: 3 }],
    };
    const o = buildOrgRingsOption(branch, theme, t) as any;
    expect(o.series[0].data.map((d: any) => [d.name, d.value])).toEqual([['正式党员', 40], ['预备党员', 3]]);
    expect(o.series[1].data).toEqual([]);
    expect(o.series.every((p: any) => p.showEmptyCircle === false)).toBe(true);
    expect(o.title[1].text).toContain('社区');
  });

  it('map: region names above the points with a halo', () => {
    const o = buildMapOption({ map: snap.map, mapName: 'demo' }, theme, t) as any;
    const labels = o.series.find((s: any) => s.id === 'region-labels');
    expect(labels.data).toHaveLength(snap.map.regions.length);
    expect(labels.z).toBeGreaterThan(Math.max(...o.series.filter((s: any) => s !== labels).map((s: any) => s.z ?? 2)));
    expect(labels.label.textBorderWidth).toBeGreaterThanOrEqual(4);
    expect(o.geo.label.show).toBe(false);
  });

  it('member structure: age bands in order, education ring', () => {
    const o = buildMemberStructureOption(snap.structure, theme, t) as any;
    expect(o.xAxis.data).toEqual(['≤30', '31-40', '41-50', '51-60', '61+']);
    expect(o.series[0].data).toEqual([6812, 10340, 11205, 9564, 9052]);
    expect(o.series[1].data).toHaveLength(4);
  });

  it('funnel: four stages from applicants to probationary, always narrowing, counts in the labels', () => {
    const o = buildFunnelOption(snap.pipeline, theme, t) as any;
    expect(o.series[0].data.map((d: any) => d.value)).toEqual([4, 3, 2, 1]);
    expect(o.series[0].label.formatter({ name: '发展对象', data: o.series[0].data[2] })).toBe('发展对象  716');
    expect(o.series[0].data.map((d: any) => [d.name, d.count])).toEqual([
      ['入党申请人', 3286],
      ['入党积极分子', 1942],
      ['发展对象', 716],
      ['预备党员', 1384],
    ]);
  });

  it('meetings: one stacked bar series per kind present plus the compliance line on a 0–1 axis', () => {
    const o = buildMeetingsOption(snap.meetings, theme, t) as any;
    const bars = o.series.filter((s: any) => s.type === 'bar');
    expect(bars.map((s: any) => s.name)).toEqual(['党员大会', '支委会', '党小组会', '党课', '主题党日']);
    expect(bars.every((s: any) => s.stack === 'meetings')).toBe(true);
    const line = o.series.find((s: any) => s.type === 'line');
    expect(line.yAxisIndex).toBe(1);
    expect(line.data).toEqual(snap.meetings.compliance3m1l);
    expect(o.xAxis.data[0]).toBe('1月');
  });

  it('dues gauge: percentage of the last month; grey dash when there is no rate', () => {
    const o = buildDuesGaugeOption(snap.dues, theme, t) as any;
    expect(o.series[0].data[0].value).toBeCloseTo(96.7);
    expect(o.series[0].data[0].name).toBe('10月收缴率');
    const none = buildDuesGaugeOption({ ...snap.dues, rate: null }, theme, t) as any;
    expect(none.series[0].progress.itemStyle.color).toBe(theme.lights.grey);
    expect(none.series[0].detail.formatter(0)).toBe('—');
  });

  it('dues trend: 12 months with nulls kept as gaps', () => {
    const trend = { months: snap.dues.trend.months, rate: [null, ...snap.dues.trend.rate.slice(1)] };
    const o = buildDuesTrendOption({ ...snap.dues, trend }, theme, t) as any;
    expect(o.xAxis.data).toHaveLength(12);
    expect(o.series[0].data[0]).toBeNull();
  });

  it('map: one scatter per light coloured by the light tokens, changed lights pulse', () => {
    const o = buildMapOption({ map: snap.map, mapName: 'demo', changed: new Set([snap.map.points[3].code]) }, theme, t) as any;
    expect(o.geo.map).toBe('demo');
    const scatters = o.series.filter((s: any) => s.type === 'scatter' && s.id !== 'region-labels');
    expect(scatters.map((s: any) => s.itemStyle.color)).toEqual([theme.lights.green, theme.lights.grey, theme.lights.yellow, theme.lights.red]);
    const drawn = o.series.filter((s: any) => s.id !== 'region-labels').reduce((n: number, s: any) => n + s.data.length, 0);
    expect(drawn).toBe(snap.map.points.length);
    const pulse = o.series.find((s: any) => s.type === 'effectScatter');
    expect(pulse.rippleEffect.number).toBe(2);
    // the same series layout when nothing pulses, so a merge update clears the old pulse
    const calm = buildMapOption({ map: snap.map, mapName: 'demo' }, theme, t) as any;
    expect(calm.series.map((s: any) => s.type)).toEqual(o.series.map((s: any) => s.type));
    expect(calm.series.find((s: any) => s.type === 'effectScatter').data).toEqual([]);
  });

  it('pct formats fractions and shows a dash for null', () => {
    expect(pct(0.9345)).toBe('93.5%');
    expect(pct(null)).toBe('—');
  });
});
