// What every data panel starts with: the props the scene passes to all of them, the ui store
// (words, layout) and chart options built from one section of the snapshot. A builder runs only
// when its section is there, so a panel in loading / no-data state builds nothing.
import { computed, type ComputedRef } from 'vue';
import type { EChartsOption } from 'echarts';
import type { Translate } from '../i18n/index.ts';
import { wallTheme, type WallTheme } from '../charts/theme.ts';
import { useUiStore } from '../stores/ui.ts';
import type { PanelStatus } from './panel-status.ts';

/** The props of PanelFrame that each panel passes through. */
export interface PanelProps {
  status: PanelStatus;
  asOf: number | null;
}

type Builder<T> = (input: T, theme: WallTheme, t: Translate) => EChartsOption;

export function usePanel() {
  const ui = useUiStore();
  function chartOption<T>(section: () => T | null | undefined, build: Builder<T>): ComputedRef<EChartsOption | null> {
    return computed(() => {
      const s = section();
      return s ? build(s, wallTheme, ui.t) : null;
    });
  }
  return { ui, chartOption };
}
