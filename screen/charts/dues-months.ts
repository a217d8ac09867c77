// Dues month by month over the last twelve months: the share paid as bars (red under the
// rule book's red line, gold above) and the share paid on time as a light line. The current month is
// still being collected, so its bar is drawn muted rather than read as a collapse.
import type { EChartsOption } from 'echarts';
import type { OrgDetail } from '../../shared/org-detail.ts';
import type { Translate } from '../i18n/index.ts';
import { monthLabel } from './meetings.ts';
import { pct, textStyle, type WallTheme } from './theme.ts';

export type DuesMonthsInput = Pick<OrgDetail, 'months' | 'dues'>;

export function buildDuesMonthsOption(d: DuesMonthsInput, theme: WallTheme, t: Translate): EChartsOption {
  const axisLabel = textStyle(theme, theme.size.axis, theme.muted);
  const last = d.months.length - 1;
  const barColor = (v: number | null, i: number) => (i === last ? 'rgba(159, 176, 200, 0.45)' : v !== null && v < d.dues.redBelow ? theme.lights.red : theme.gold);
  return {
    animationDurationUpdate: 600,
    legend: {
      top: 0,
      right: 16,
      itemWidth: 36,
      itemHeight: 18,
      textStyle: textStyle(theme, theme.size.legend, theme.text),
      data: [t('detail.duesPaid'), t('dues.onTime')],
    },
    grid: { left: 8, right: 24, top: 64, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: d.months.map((m) => monthLabel(m, t)),
      axisLabel: { ...axisLabel, interval: 0 },
      axisLine: { lineStyle: { color: theme.grid } },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      splitNumber: 2,
      axisLabel: { ...axisLabel, formatter: (v: number) => pct(v, 0) },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: [
      {
        type: 'bar',
        name: t('detail.duesPaid'),
        barWidth: '56%',
        itemStyle: { color: theme.gold },
        data: d.dues.rate.map((v, i) => ({ value: v, itemStyle: { color: barColor(v, i) } })),
        label: { show: true, position: 'top', ...textStyle(theme, 26, theme.goldLight), formatter: (p) => (p.value == null ? '—' : pct(p.value as number, 0)) },
      },
      {
        type: 'line',
        name: t('dues.onTime'),
        data: d.dues.onTime,
        symbol: 'circle',
        symbolSize: 12,
        // Light, not red: it crosses bars that are red when the month fell short.
        lineStyle: { width: 4, color: theme.text },
        itemStyle: { color: theme.text },
      },
    ],
  };
}
