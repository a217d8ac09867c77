import type { EChartsOption } from 'echarts';
import { KINDS_3M1L, type MeetingKind } from '../../shared/domain.ts';
import type { MeetingTrend } from '../../shared/snapshot.ts';
import { tryKey, type Translate } from '../i18n/index.ts';
import { textStyle, type WallTheme } from './theme.ts';

export function monthLabel(month: string, t: Translate): string {
  return `${Number(month.slice(5, 7))}${t('month.suffix')}`;
}

/** The kinds drawn, fixed so the series layout never changes between updates (charts merge,
 * and a series missing from a merged option would linger). */
export const MEETING_KINDS_SHOWN: readonly MeetingKind[] = [...KINDS_3M1L, 'theme_day'];

/** Monthly meetings stacked by kind (三会一课 and 主题党日) + the 三会一课 compliance line. */
export function buildMeetingsOption(m: MeetingTrend, theme: WallTheme, t: Translate): EChartsOption {
  const kinds = MEETING_KINDS_SHOWN;
  const axisLabel = textStyle(theme, theme.size.axis, theme.muted);
  return {
    color: [...theme.series],
    animationDurationUpdate: 800,
    legend: { top: 0, left: 'center', itemWidth: 28, itemHeight: 18, itemGap: 24, textStyle: textStyle(theme, 26, theme.text) },
    grid: { left: 16, right: 16, top: 72, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: m.months.map((mo) => monthLabel(mo, t)),
      axisLabel,
      axisLine: { lineStyle: { color: theme.grid } },
      axisTick: { show: false },
    },
    yAxis: [
      { type: 'value', axisLabel, splitLine: { lineStyle: { color: theme.grid } }, splitNumber: 3 },
      { type: 'value', min: 0, max: 1, axisLabel: { ...axisLabel, formatter: (v: number) => `${Math.round(v * 100)}%` }, splitLine: { show: false }, splitNumber: 2 },
    ],
    series: [
      ...kinds.map((k) => ({
        type: 'bar' as const,
        name: tryKey(t, `kind.${k}`, k),
        stack: 'meetings',
        barWidth: '56%',
        data: m.counts[k] ?? m.months.map(() => 0),
        emphasis: { disabled: true },
      })),
      {
        type: 'line' as const,
        name: t('meetings.compliance'),
        yAxisIndex: 1,
        data: m.compliance3m1l,
        smooth: true,
        symbol: 'circle',
        symbolSize: 12,
        connectNulls: false,
        lineStyle: { width: 5, color: theme.goldLight },
        itemStyle: { color: theme.goldLight },
      },
    ],
  };
}
