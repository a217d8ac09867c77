import type { EChartsOption } from 'echarts';
import type { Structure } from '../../shared/snapshot.ts';
import { tryKey, type Translate } from '../i18n/index.ts';
import { textStyle, type WallTheme } from './theme.ts';

const AGE_ORDER = ['≤30', '31-40', '41-50', '51-60', '61+'];

/** Age bands as bars (left) and education as a ring (right). */
export function buildMemberStructureOption(s: Structure, theme: WallTheme, t: Translate): EChartsOption {
  const ages = AGE_ORDER.map((key) => ({ key, count: s.membersByAge.find((c) => c.key === key)?.count ?? 0 }));
  const edu = s.membersByEducation.filter((c) => c.count > 0);
  return {
    color: [...theme.series],
    animationDurationUpdate: 800,
    title: [
      { text: t('members.age'), left: 24, top: 0, textStyle: textStyle(theme, 28, theme.gold) },
      { text: t('members.education'), left: '75%', top: 'middle', textAlign: 'center', textVerticalAlign: 'middle', textStyle: textStyle(theme, 28, theme.gold) },
    ],
    grid: { left: 24, right: '50%', top: 70, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: ages.map((a) => (a.key === 'unknown' ? t('age.unknown') : a.key)),
      axisLabel: textStyle(theme, theme.size.axis, theme.muted),
      axisLine: { lineStyle: { color: theme.grid } },
      axisTick: { show: false },
    },
    yAxis: { type: 'value', show: false },
    series: [
      {
        type: 'bar',
        data: ages.map((a) => a.count),
        barWidth: '52%',
        itemStyle: {
          borderRadius: [6, 6, 0, 0],
          color: { type: 'linear', x: 0, y: 0, x2: 0, y2: 1, colorStops: [{ offset: 0, color: theme.gold }, { offset: 1, color: 'rgba(244,197,66,0.15)' }] },
        },
        label: { show: true, position: 'top', ...textStyle(theme, 26, theme.text) },
      },
      {
        type: 'pie',
        center: ['75%', '50%'],
        radius: ['36%', '58%'],
        itemStyle: { borderColor: theme.bgFrom, borderWidth: 3 },
        label: { ...textStyle(theme, 26), formatter: '{b}\n{d}%', lineHeight: 32 },
        labelLine: { length: 12, length2: 12 },
        // Seven levels crowd the small slices' labels on top of each other: hide a label that
        // would overlap another (its slice stays), one decimal is enough at 3–8 m.
        labelLayout: { hideOverlap: true },
        percentPrecision: 1,
        emphasis: { disabled: true },
        data: edu.map((c) => ({ name: tryKey(t, `edu.${c.key}`, c.key), value: c.count })),
      },
    ],
  };
}
