import type { EChartsOption } from 'echarts';
import type { Structure } from '../../shared/snapshot.ts';
import { tryKey, type Translate } from '../i18n/index.ts';
import { textStyle, type WallTheme } from './theme.ts';

/** Two rings: organisations by type (left) and branches by category (right). */
export function buildOrgRingsOption(s: Structure, theme: WallTheme, t: Translate): EChartsOption {
  const byType = s.orgsByType.filter((c) => c.key !== 'district' && c.count > 0);
  const byCat = s.branchesByCategory.filter((c) => c.count > 0);
  const ring = (center: string[]) => ({
    type: 'pie' as const,
    center,
    radius: ['44%', '66%'],
    avoidLabelOverlap: true,
    itemStyle: { borderColor: theme.bgFrom, borderWidth: 3 },
    label: { ...textStyle(theme, 26), formatter: '{b}\n{c}', lineHeight: 32 },
    labelLine: { length: 14, length2: 14, lineStyle: { color: theme.muted } },
    emphasis: { disabled: true },
  });
  return {
    color: [...theme.series],
    animationDurationUpdate: 800,
    title: [
      { text: t('org.byType'), left: '23%', top: '47%', textAlign: 'center', textStyle: textStyle(theme, 28, theme.gold) },
      { text: t('org.byCategory'), left: '70%', top: '47%', textAlign: 'center', textStyle: textStyle(theme, 28, theme.gold) },
    ],
    series: [
      { ...ring(['23%', '52%']), data: byType.map((c) => ({ name: tryKey(t, `type.${c.key}`, c.key), value: c.count })) },
      { ...ring(['70%', '52%']), data: byCat.map((c) => ({ name: tryKey(t, `cat.${c.key}`, c.key), value: c.count })) },
    ],
  };
}
