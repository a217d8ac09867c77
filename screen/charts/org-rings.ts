import type { EChartsOption } from 'echarts';
import type { CountItem, Structure } from '../../shared/snapshot.ts';
import { tryKey, type Translate } from '../i18n/index.ts';
import { textStyle, type WallTheme } from './theme.ts';

/**
 * Two rings, each with its own legend listing the counts: organisations by type (left) and
 * branches by category (right). Legends instead of outside labels, because seven category
 * labels around a ring collide in the narrower 16:9 panel.
 */
export function buildOrgRingsOption(s: Structure, theme: WallTheme, t: Translate): EChartsOption {
  const byType = named(s.orgsByType.filter((c) => c.key !== 'district' && c.count > 0), 'type', t);
  const byCat = named(s.branchesByCategory.filter((c) => c.count > 0), 'cat', t);
  const typeColors = [theme.red, theme.gold, theme.series[3]];
  const catColors = theme.series.slice(1);
  const ring = (center: string, data: { name: string; value: number }[], colors: readonly string[]) => ({
    type: 'pie' as const,
    center: [center, '50%'],
    radius: ['52%', '80%'],
    label: { show: false },
    labelLine: { show: false },
    itemStyle: { borderColor: theme.bgFrom, borderWidth: 3 },
    emphasis: { disabled: true },
    data: data.map((d, i) => ({ ...d, itemStyle: { color: colors[i % colors.length] } })),
  });
  const legend = (left: string, data: { name: string; value: number }[]) => ({
    orient: 'vertical' as const,
    left,
    top: 'middle',
    selectedMode: false,
    icon: 'circle',
    itemWidth: 20,
    itemHeight: 20,
    itemGap: data.length > 4 ? 10 : 22,
    data: data.map((d) => d.name),
    formatter: (name: string) => `${name}  {v|${data.find((d) => d.name === name)?.value ?? ''}}`,
    textStyle: { ...textStyle(theme, 26, theme.text), rich: { v: textStyle(theme, 28, theme.goldLight) } },
  });
  return {
    animationDurationUpdate: 800,
    title: [
      { text: t('org.byType'), left: '12.5%', top: 'middle', textAlign: 'center', textVerticalAlign: 'middle', textStyle: textStyle(theme, 28, theme.gold) },
      { text: t('org.byCategory'), left: '62.5%', top: 'middle', textAlign: 'center', textVerticalAlign: 'middle', textStyle: textStyle(theme, 28, theme.gold) },
    ],
    legend: [legend('25%', byType), legend('75%', byCat)],
    series: [ring('12.5%', byType, typeColors), ring('62.5%', byCat, catColors)],
  };
}

function named(items: CountItem[], prefix: 'type' | 'cat', t: Translate) {
  return items.map((c) => ({ name: tryKey(t, `${prefix}.${c.key}`, c.key), value: c.count }));
}
