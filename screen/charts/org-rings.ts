import type { EChartsOption } from 'echarts';
import type { CountItem, Structure } from '../../shared/snapshot.ts';
import { tryKey, type Translate } from '../i18n/index.ts';
import { textStyle, type WallTheme } from './theme.ts';

/**
 * Two rings, each with its own legend listing the counts: organisations by type (left) and
 * branches by category (right). Legends instead of outside labels, because seven category
 * labels around a ring collide in the narrower 16:9 panel.
 * A branch has no organisations below it: its left ring shows its members (full/probationary)
 * and the right side names its category in large type; a one-slice ring would say nothing.
 */
export function buildOrgRingsOption(s: Structure, theme: WallTheme, t: Translate): EChartsOption {
  const byType = named(s.orgsByType.filter((c) => c.key !== 'district' && c.count > 0), 'type', t);
  const branch = byType.length === 0;
  const byStatus = s.membersByStatus.filter((c) => c.count > 0).map((c) => ({ name: tryKey(t, `org.${c.key}`, c.key), value: c.count }));
  const left = branch ? byStatus : byType;
  const byCat = branch ? [] : named(s.branchesByCategory.filter((c) => c.count > 0), 'cat', t);
  const category = s.branchesByCategory.find((c) => c.count > 0)?.key;
  const typeColors = [theme.red, theme.gold, theme.series[3]];
  const catColors = theme.series.slice(1);
  const ring = (center: string, data: { name: string; value: number }[], colors: readonly string[]) => ({
    type: 'pie' as const,
    center: [center, '50%'],
    // Sized for the narrower 16:9 panel too, where 80 % touched the panel's left edge.
    radius: ['46%', '72%'],
    // No grey placeholder ring when a side has nothing to show.
    showEmptyCircle: false,
    label: { show: false },
    labelLine: { show: false },
    itemStyle: { borderColor: theme.bgFrom, borderWidth: 3 },
    emphasis: { disabled: true },
    data: data.map((d, i) => ({ ...d, itemStyle: { color: colors[i % colors.length] } })),
  });
  const legend = (x: string, data: { name: string; value: number }[]) => ({
    orient: 'vertical' as const,
    left: x,
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
  const rightTitle = branch
    ? `${t('org.byCategory')}\n{big|${category ? tryKey(t, `cat.${category}`, category) : '—'}}`
    : t('org.byCategory');
  return {
    animationDurationUpdate: 800,
    title: [
      { text: t(branch ? 'org.memberStatus' : 'org.byType'), left: '14%', top: 'middle', textAlign: 'center', textVerticalAlign: 'middle', textStyle: textStyle(theme, 28, theme.gold) },
      {
        text: rightTitle,
        left: branch ? '75%' : '63%',
        top: 'middle',
        textAlign: 'center',
        textVerticalAlign: 'middle',
        textStyle: { ...textStyle(theme, 28, theme.gold), lineHeight: 44, rich: { big: { ...textStyle(theme, 64, theme.goldLight), fontWeight: 800, lineHeight: 96 } } },
      },
    ],
    legend: [legend('26.5%', left), legend('75.5%', byCat)],
    series: [ring('14%', left, branch ? [theme.gold, theme.red] : typeColors), ring('63%', byCat, catColors)],
  };
}

function named(items: CountItem[], prefix: 'type' | 'cat', t: Translate) {
  return items.map((c) => ({ name: tryKey(t, `${prefix}.${c.key}`, c.key), value: c.count }));
}
