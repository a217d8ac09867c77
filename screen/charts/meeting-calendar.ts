// The organisation's meeting calendar: a month × kind grid of 三会一课 and theme days over the
// last twelve months, each cell the number held. A month with none of a kind stays a dark red
// cell (missed is what an inspector looks for); counts warm towards gold.
import type { EChartsOption } from 'echarts';
import { CALENDAR_KINDS, type OrgDetail } from '../../shared/org-detail.ts';
import type { Translate } from '../i18n/index.ts';
import { monthLabel } from './meetings.ts';
import { textStyle, type WallTheme } from './theme.ts';

export type CalendarInput = Pick<OrgDetail, 'months' | 'meetings'>;

export function buildMeetingCalendarOption(d: CalendarInput, theme: WallTheme, t: Translate): EChartsOption {
  const axisLabel = textStyle(theme, theme.size.axis, theme.muted);
  // Kinds top to bottom in the rule book's order (the y axis draws its first category lowest).
  const kinds = [...CALENDAR_KINDS].reverse();
  const data: [number, number, number][] = [];
  let max = 1;
  kinds.forEach((k, y) =>
    d.meetings[k].forEach((n, x) => {
      data.push([x, y, n]);
      max = Math.max(max, n);
    }),
  );
  return {
    animationDurationUpdate: 600,
    grid: { left: 8, right: 16, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: d.months.map((m) => monthLabel(m, t)),
      position: 'top',
      axisLabel,
      axisLine: { show: false },
      axisTick: { show: false },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: kinds.map((k) => t(`kind.${k}`)),
      axisLabel: { ...axisLabel, color: theme.text },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    visualMap: {
      show: false,
      type: 'piecewise',
      dimension: 2,
      pieces: [
        { value: 0, color: 'rgba(200, 16, 46, 0.28)' },
        { gte: 1, lte: Math.max(1, Math.ceil(max / 2)), color: '#b8862c' },
        { gt: Math.max(1, Math.ceil(max / 2)), color: theme.gold },
      ],
    },
    series: [
      {
        type: 'heatmap',
        data,
        itemStyle: { borderColor: 'rgba(7, 11, 22, 0.9)', borderWidth: 6, borderRadius: 6 },
        label: { show: true, ...textStyle(theme, 30, theme.text), fontWeight: 'bold', formatter: (p) => String((p.value as number[])[2] || '') },
        emphasis: { disabled: true },
      },
    ],
  };
}
