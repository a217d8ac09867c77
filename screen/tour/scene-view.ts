// What each scene kind shows on top of the overview composition: the panels it emphasises, and
// the live figures its caption may name, read from the snapshot the wall already has.
import type { WallSnapshot } from '../../shared/snapshot.ts';
import type { CaptionValues, SceneKind } from '../../shared/tour.ts';
import type { PanelId, TourPanelId } from '../layout/panels.ts';

export const FOCUS: Record<SceneKind, (PanelId | TourPanelId)[]> = {
  overview: [],
  meetings: ['meetings'],
  dues: ['dues'],
  warnings: ['warnings', 'measures'],
  rankings: ['ranking', 'vanguard'],
  spotlight: [],
  pipeline: ['pipeline'],
};

const pct = (v: number | null | undefined) => (v == null ? undefined : `${(v * 100).toFixed(1)}%`);

export function captionValues(snap: WallSnapshot | null, spotlightName: string | null): CaptionValues {
  if (!snap) return { name: spotlightName ?? undefined };
  return {
    cleared: snap.clearedThisMonth,
    red: snap.kpis.lights.red,
    top: snap.rankings.top[0]?.name,
    compliance: pct(snap.kpis.compliance3m1l),
    dues: pct(snap.kpis.duesRate),
    name: spotlightName ?? undefined,
  };
}
