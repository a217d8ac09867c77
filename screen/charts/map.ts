import type { EChartsOption } from 'echarts';
import type { Light } from '../../shared/domain.ts';
import type { MapView } from '../../shared/snapshot.ts';
import type { Translate } from '../i18n/index.ts';
import { textStyle, type WallTheme } from './theme.ts';

const ORDER: Light[] = ['green', 'grey', 'yellow', 'red']; // red drawn last, on top

export interface MapInput {
  map: MapView;
  /** The name the GeoJSON was registered under; null draws the points on an empty geo. */
  mapName: string | null;
  /** Organisations whose light changed moments ago: they pulse (effectScatter). */
  changed?: ReadonlySet<string>;
}

/** The district map: regions from GeoJSON and every branch as a light-coloured point. */
export function buildMapOption({ map, mapName, changed }: MapInput, theme: WallTheme, t: Translate): EChartsOption {
  const dense = map.points.length > 600;
  // Without a registered map (no GeoJSON served) ECharts cannot draw a geo component at all:
  // plot the points on hidden longitude/latitude axes instead, so every light still shows.
  const coordinateSystem = mapName ? ('geo' as const) : ('cartesian2d' as const);
  const size = (light: Light) => (dense ? 7 : 20) + (light === 'red' ? 6 : light === 'yellow' ? 3 : 0);
  const point = (p: MapView['points'][number]) => ({ name: p.name, value: [p.lng, p.lat, p.score ?? 0], code: p.code });
  const series: EChartsOption['series'] = ORDER.map((light) => ({
    type: 'scatter' as const,
    name: t(`map.legend.${light}`),
    coordinateSystem,
    data: map.points.filter((p) => p.light === light && !changed?.has(p.code)).map(point),
    symbolSize: size(light),
    itemStyle: { color: theme.lights[light], opacity: light === 'green' && dense ? 0.75 : 0.95, shadowBlur: light === 'red' ? 12 : 0, shadowColor: theme.lights.red },
    emphasis: { disabled: true },
    // Clickable: a point drills down to its branch (the item carries its code).
    silent: false,
    cursor: 'pointer',
  }));
  // Always present (possibly empty): charts update with notMerge false, so a series dropped
  // from the option would linger on screen with its old points.
  const pulsing = map.points.filter((p) => changed?.has(p.code));
  series.push({
    type: 'effectScatter',
    coordinateSystem,
    data: pulsing.map((p) => ({ ...point(p), itemStyle: { color: theme.lights[p.light] } })),
    symbolSize: size('red') + 4,
    rippleEffect: { number: 2, period: 3, scale: 3.5, brushType: 'stroke' },
    silent: false,
    cursor: 'pointer',
  });
  // Region names as their own series drawn above the points (geo labels sit under every series
  // and vanish under ~2,400 dense points), with a dark halo so they read on any colour.
  series.push({
    id: 'region-labels',
    type: 'scatter',
    coordinateSystem,
    z: 5,
    silent: true,
    symbolSize: 0,
    data: map.regions.map((r) => ({ name: r.name, value: [r.lng, r.lat] })),
    // Below the region's centre (the mean of its branches), so a lone branch's point stays visible.
    label: { show: true, formatter: '{b}', offset: [0, 36], ...textStyle(theme, 32, theme.text), fontWeight: 700, textBorderColor: theme.bgFrom, textBorderWidth: 8 },
    emphasis: { disabled: true },
  });
  return {
    // Points never move and a light's new colour needs no tween; animating 2,650 symbols
    // repainted the whole map canvas on every frame after each delta.
    animation: false,
    legend: {
      right: 24,
      bottom: 16,
      orient: 'vertical',
      itemWidth: 24,
      itemHeight: 24,
      itemGap: 18,
      icon: 'circle',
      data: (['red', 'yellow', 'green', 'grey'] as const).map((l) => t(`map.legend.${l}`)),
      textStyle: textStyle(theme, 28, theme.text),
    },
    ...(mapName ? {} : {
      grid: { left: 40, right: 220, top: 40, bottom: 40 },
      xAxis: { type: 'value' as const, scale: true, show: false },
      yAxis: { type: 'value' as const, scale: true, show: false },
    }),
    ...(mapName ? { geo: {
      map: mapName,
      roam: false,
      layoutCenter: ['46%', '52%'],
      layoutSize: '96%',
      aspectScale: 0.85,
      silent: false,
      label: { show: false },
      itemStyle: { areaColor: 'rgba(22, 48, 94, 0.55)', borderColor: 'rgba(200, 162, 74, 0.55)', borderWidth: 2 },
      emphasis: { disabled: true },
      select: { disabled: true },
    } } : {}),
    series,
  };
}

/** The hero 3D view (echarts-gl): regions extruded, a bar per region as tall as its branches,
 * every branch a light on the surface. */
export function buildMap3DOption(map: MapView, mapName: string, theme: WallTheme): Record<string, unknown> {
  const max = Math.max(1, ...map.regions.map((r) => r.branches));
  return {
    geo3D: {
      map: mapName,
      regionHeight: 1.5,
      shading: 'lambert',
      boxHeight: 12,
      environment: 'none',
      viewControl: { alpha: 46, beta: 0, distance: 106, center: [0, -20, 0], autoRotate: false, rotateSensitivity: 0, zoomSensitivity: 0, panSensitivity: 0 },
      light: { main: { intensity: 1.2, alpha: 50, beta: 20 }, ambient: { intensity: 0.55 } },
      itemStyle: { color: '#132b58', borderColor: 'rgba(244,197,66,0.8)', borderWidth: 1.5, opacity: 1 },
      label: { show: false },
      emphasis: { label: { show: false }, itemStyle: { color: '#132b58' } },
    },
    series: [
      {
        type: 'bar3D',
        coordinateSystem: 'geo3D',
        shading: 'lambert',
        barSize: 2.4,
        minHeight: 1,
        silent: true,
        data: map.regions.map((r) => ({
          name: r.name,
          value: [r.lng, r.lat, (r.branches / max) * 16],
          branches: r.branches,
          itemStyle: { color: r.red > 0 ? theme.redBright : r.yellow > 0 ? theme.gold : theme.lights.green, opacity: 0.9 },
        })),
        label: {
          show: true,
          distance: 1,
          formatter: (p: { name: string; data: { branches: number } }) => `${p.name} ${p.data.branches}`,
          fontSize: 32,
          color: theme.text,
          backgroundColor: 'rgba(7,11,22,0.7)',
          padding: [4, 10],
          fontFamily: theme.font,
        },
      },
      {
        type: 'scatter3D',
        coordinateSystem: 'geo3D',
        symbolSize: map.points.length > 600 ? 8 : 18,
        silent: false,
        data: map.points.map((p) => ({ name: p.name, code: p.code, value: [p.lng, p.lat, 3], itemStyle: { color: theme.lights[p.light] } })),
        label: { show: false },
      },
    ],
  };
}
