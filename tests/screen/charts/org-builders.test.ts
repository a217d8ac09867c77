// The organisation scene's pure option builders: the meeting calendar and dues by month, from a
// hand-made detail (no DOM).
import { describe, expect, it } from 'vitest';
import { buildDuesMonthsOption } from '../../../screen/charts/dues-months.ts';
import { buildMeetingCalendarOption } from '../../../screen/charts/meeting-calendar.ts';
import { wallTheme as theme } from '../../../screen/charts/theme.ts';
import { translator } from '../../../screen/i18n/index.ts';
import type { OrgDetail } from '../../../shared/org-detail.ts';

const t = translator('zh-CN');
const months = ['2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];
const zeros = () => months.map(() => 0);
const detail: Pick<OrgDetail, 'months' | 'meetings' | 'dues'> = {
  months,
  meetings: { general_meeting: zeros(), committee_meeting: [...zeros().slice(0, 11), 1], group_meeting: zeros(), party_lesson: zeros(), theme_day: [...zeros().slice(0, 10), 4, 0] },
  dues: { rate: [...months.slice(1).map(() => 0.9), 0.1], onTime: months.map(() => 0.5), redBelow: 0.8 },
};
detail.dues.rate[3] = 0.5;
detail.dues.rate[4] = null;

function fontSizes(node: unknown, out: number[] = []): number[] {
  if (Array.isArray(node)) node.forEach((n) => fontSizes(n, out));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === 'fontSize' && typeof v === 'number') out.push(v);
      else fontSizes(v, out);
    }
  return out;
}
const any = (o: unknown) => o as any;

describe('meeting calendar', () => {
  const o = any(buildMeetingCalendarOption(detail, theme, t));

  it('a cell per month and kind, 三会一课 kinds from the top then the theme day', () => {
    expect(o.xAxis.data).toEqual(['5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月', '4月']);
    expect(o.yAxis.data).toEqual(['主题党日', '党课', '党小组会', '支委会', '党员大会']); // the y axis draws its first category lowest
    expect(o.series[0].type).toBe('heatmap');
    expect(o.series[0].data).toHaveLength(60);
    expect(o.series[0].data).toContainEqual([10, 0, 4]); // March theme days at the bottom row
    expect(o.series[0].data).toContainEqual([11, 3, 1]); // April's committee meeting
  });

  it('a month without a kind is coloured as missed, counts are printed (blank for none)', () => {
    const pieces = o.visualMap.pieces;
    expect(pieces[0]).toMatchObject({ value: 0 });
    expect(pieces[0].color).toMatch(/200, 16, 46/);
    const label = o.series[0].label.formatter;
    expect(label({ value: [10, 0, 4] })).toBe('4');
    expect(label({ value: [0, 0, 0] })).toBe('');
  });

  it('no text under 24 design px', () => {
    expect(Math.min(...fontSizes(o))).toBeGreaterThanOrEqual(24);
  });
});

describe('dues by month', () => {
  const o = any(buildDuesMonthsOption(detail, theme, t));

  it('bars of the paid share: red under the rule book’s line, gold above, the current month muted', () => {
    const bars = o.series[0].data;
    expect(bars).toHaveLength(12);
    expect(bars[0]).toEqual({ value: 0.9, itemStyle: { color: theme.gold } });
    expect(bars[3].itemStyle.color).toBe(theme.lights.red);
    expect(bars[4].value).toBeNull(); // nothing was due: no bar, not a zero
    expect(bars[11].itemStyle.color).toMatch(/159, 176, 200/);
    expect(o.series[0].label.formatter({ value: 0.5 })).toBe('50%');
    expect(o.series[0].label.formatter({ value: null })).toBe('—');
  });

  it('the on-time line follows the months, axis 0–100 %', () => {
    expect(o.series[1]).toMatchObject({ type: 'line', data: detail.dues.onTime });
    expect(o.yAxis).toMatchObject({ min: 0, max: 1 });
    expect(o.xAxis.data[8]).toBe('1月');
  });

  it('no text under 24 design px', () => {
    expect(Math.min(...fontSizes(o))).toBeGreaterThanOrEqual(24);
  });
});
