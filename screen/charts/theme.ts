// The wall's visual tokens (docs/WALL.md) in one object, used by CSS (as variables) and by every
// option builder, so a colour or a type size changes in one place.
import type { Light } from '../../shared/domain.ts';

export const wallTheme = {
  red: '#c8102e',
  redBright: '#e03c31',
  gold: '#f4c542',
  goldLight: '#ffd666',
  border: 'rgba(200, 162, 74, 0.5)',
  text: '#f5f1e6',
  muted: '#9fb0c8',
  grid: 'rgba(159, 176, 200, 0.16)',
  panel: 'rgba(16, 32, 63, 0.55)',
  bgFrom: '#070b16',
  bgTo: '#10203f',
  lights: { red: '#ff4d4f', yellow: '#faad14', green: '#52c41a', grey: '#8c8c8c' } as Record<Light, string>,
  /** A warm-to-cool series palette that keeps red and gold first. */
  series: ['#e03c31', '#f4c542', '#ff8a5b', '#5b8ff9', '#61ddaa', '#9b7bff', '#36cfc9', '#f6bd16'],
  font: '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif',
  size: { axis: 28, label: 30, legend: 28, value: 40, big: 64, min: 24 },
} as const;

export type WallTheme = typeof wallTheme;

export function pct(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || Number.isNaN(v) ? '—' : `${(v * 100).toFixed(digits)}%`;
}

/** Shared text style: every chart text is at least theme.size.min design px. */
export function textStyle(theme: WallTheme, size: number = theme.size.label, color: string = theme.text) {
  return { fontFamily: theme.font, fontSize: Math.max(size, theme.size.min), color };
}
