// Registers the ECharts parts the wall draws, once, for the whole app (keeps the bundle small;
// a full build is ~368 KB gzip). Import `echarts` from here, never from 'echarts' directly.
import { BarChart, EffectScatterChart, FunnelChart, GaugeChart, HeatmapChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  DatasetComponent,
  GeoComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GaugeChart,
  ScatterChart,
  EffectScatterChart,
  FunnelChart,
  HeatmapChart,
  MapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  GeoComponent,
  TitleComponent,
  VisualMapComponent,
  DatasetComponent,
  GraphicComponent,
  CanvasRenderer,
]);

export { echarts };

// Browser tests and the drill benchmark click chart items where they are drawn (convertToPixel);
// this hands them the instance behind a chart element, nothing the page does not already show.
(globalThis as { __vanguardChartOf?: (el: HTMLElement) => unknown }).__vanguardChartOf = (el) => echarts.getInstanceByDom(el);

const registered = new Set<string>();
/** Registers a GeoJSON map under a name once; later calls with the same name are ignored. */
export function registerMapOnce(name: string, geoJson: unknown): void {
  if (registered.has(name)) return;
  echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
  registered.add(name);
}
