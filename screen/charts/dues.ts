import type { EChartsOption } from 'echarts';
import type { DuesView } from '../../shared/snapshot.ts';
import type { Translate } from '../i18n/index.ts';
import { monthLabel } from './meetings.ts';
import { pct, textStyle, type WallTheme } from './theme.ts';

/** Last completed month's collection rate as a gauge; grey and '—' when there is none. */
export function buildDuesGaugeOption(d: DuesView, theme: WallTheme, t: Translate): EChartsOption {
  const has = d.rate !== null;
  const color = !has ? theme.lights.grey : d.rate! >= 0.9 ? theme.gold : d.rate! >= 0.8 ? theme.lights.yellow : theme.lights.red;
  return {
    animationDurationUpdate: 800,
    series: [
      {
        type: 'gauge',
        center: ['50%', '58%'],
        radius: '92%',
        startAngle: 215,
        endAngle: -35,
        min: 0,
        max: 100,
        progress: { show: true, width: 26, itemStyle: { color } },
        axisLine: { lineStyle: { width: 26, color: [[1, 'rgba(159,176,200,0.18)']] } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        title: { offsetCenter: [0, '46%'], ...textStyle(theme, 28, theme.muted) },
        detail: {
          offsetCenter: [0, '0%'],
          valueAnimation: true,
          ...textStyle(theme, 64, theme.goldLight),
          fontWeight: 'bold',
          formatter: (v: number) => (has ? `${v.toFixed(1)}%` : '—'),
        },
        data: [{ value: has ? d.rate! * 100 : 0, name: d.month ? `${monthLabel(d.month, t)}${t('dues.monthRate')}` : t('dues.lastMonth') }],
      },
    ],
  };
}

export function buildDuesTrendOption(d: DuesView, theme: WallTheme, t: Translate): EChartsOption {
  const axisLabel = textStyle(theme, theme.size.axis, theme.muted);
  const values = d.trend.rate.filter((v): v is number => v !== null);
  const floor = values.length ? Math.max(0, Math.floor(Math.min(...values) * 10) / 10 - 0.1) : 0;
  return {
    animationDurationUpdate: 800,
    title: { text: t('dues.trend'), left: 8, top: 0, textStyle: textStyle(theme, 28, theme.gold) },
    grid: { left: 8, right: 24, top: 64, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: d.trend.months.map((m) => monthLabel(m, t)),
      axisLabel: { ...axisLabel, interval: 1 },
      axisLine: { lineStyle: { color: theme.grid } },
      axisTick: { show: false },
      boundaryGap: false,
    },
    yAxis: {
      type: 'value',
      min: floor,
      max: 1,
      splitNumber: 2,
      axisLabel: { ...axisLabel, showMinLabel: false, formatter: (v: number) => pct(v, 0) },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: [
      {
        type: 'line',
        data: d.trend.rate,
        smooth: true,
        symbol: 'circle',
        symbolSize: 10,
        lineStyle: { width: 5, color: theme.gold },
        itemStyle: { color: theme.gold },
        areaStyle: {
          color: { type: 'linear', x: 0, y: 0, x2: 0, y2: 1, colorStops: [{ offset: 0, color: 'rgba(244,197,66,0.35)' }, { offset: 1, color: 'rgba(244,197,66,0)' }] },
        },
      },
    ],
  };
}
