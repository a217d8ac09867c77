import type { EChartsOption } from 'echarts';
import type { Pipeline } from '../../shared/snapshot.ts';
import type { Translate } from '../i18n/index.ts';
import { textStyle, type WallTheme } from './theme.ts';

/**
 * applicants → activists → candidates → probationary, widest at the top. The widths mark the
 * stage, not the count (the label carries it): a branch's 1, 1, 0, 2 drawn to scale made an
 * hourglass, not a funnel.
 */
export function buildFunnelOption(p: Pipeline, theme: WallTheme, t: Translate): EChartsOption {
  const steps = [
    { name: t('stage.applicant'), value: p.stages.applicant },
    { name: t('stage.activist'), value: p.stages.activist },
    { name: t('stage.candidate'), value: p.stages.candidate },
    { name: t('stage.probationary'), value: p.probationary },
  ];
  const colors = [theme.red, theme.redBright, '#ff8a5b', theme.gold];
  return {
    animationDurationUpdate: 800,
    series: [
      {
        type: 'funnel',
        left: '4%',
        top: 16,
        bottom: 16,
        width: '92%',
        sort: 'none',
        gap: 6,
        minSize: '34%',
        maxSize: '100%',
        label: { show: true, position: 'inside', ...textStyle(theme, 32, theme.text), formatter: (x) => `${x.name}  ${(x.data as { count: number }).count}` },
        itemStyle: { borderWidth: 0 },
        emphasis: { disabled: true },
        data: steps.map((s, i) => ({ name: s.name, value: steps.length - i, count: s.value, itemStyle: { color: colors[i], opacity: 0.9 } })),
      },
    ],
  };
}
