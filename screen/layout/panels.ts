// Where each panel sits on each design canvas (docs/WALL.md gives the 5760×1920 composition).
import type { LayoutKind } from '../stores/ui.ts';

export type PanelId =
  | 'header'
  | 'kpi'
  | 'ticker'
  | 'map'
  | 'org'
  | 'members'
  | 'pipeline'
  | 'meetings'
  | 'dues'
  | 'ranking'
  | 'warnings'
  | 'measures';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const PANEL_RECTS: Record<LayoutKind, Record<PanelId, Rect>> = {
  wall: {
    header: { x: 0, y: 0, w: 5760, h: 150 },
    org: { x: 40, y: 170, w: 1440, h: 540 },
    members: { x: 40, y: 730, w: 1440, h: 540 },
    pipeline: { x: 40, y: 1290, w: 1440, h: 590 },
    kpi: { x: 1520, y: 170, w: 2720, h: 250 },
    ticker: { x: 1520, y: 440, w: 2720, h: 80 },
    map: { x: 1520, y: 540, w: 2720, h: 920 },
    warnings: { x: 1520, y: 1480, w: 1340, h: 400 },
    measures: { x: 2900, y: 1480, w: 1340, h: 400 },
    meetings: { x: 4280, y: 170, w: 1440, h: 540 },
    dues: { x: 4280, y: 730, w: 1440, h: 540 },
    ranking: { x: 4280, y: 1290, w: 1440, h: 590 },
  },
  wide16x9: {
    header: { x: 0, y: 0, w: 3840, h: 150 },
    kpi: { x: 40, y: 170, w: 3760, h: 230 },
    ticker: { x: 40, y: 420, w: 3760, h: 80 },
    org: { x: 40, y: 520, w: 1100, h: 520 },
    members: { x: 40, y: 1060, w: 1100, h: 520 },
    pipeline: { x: 40, y: 1600, w: 1100, h: 520 },
    map: { x: 1170, y: 520, w: 1500, h: 1060 },
    warnings: { x: 1170, y: 1600, w: 735, h: 520 },
    measures: { x: 1935, y: 1600, w: 735, h: 520 },
    meetings: { x: 2700, y: 520, w: 1100, h: 520 },
    dues: { x: 2700, y: 1060, w: 1100, h: 520 },
    ranking: { x: 2700, y: 1600, w: 1100, h: 520 },
  },
};

/** Panels only a tour scene shows: the vanguard leaders stand over the meetings and dues panels
 * of the right column, which the rankings scene hides, above the ranking board it enlarges (by
 * 1.2 from its bottom right corner, tour.css). Not in PANEL_RECTS: they overlap on purpose. */
export type TourPanelId = 'vanguard';

export const TOUR_RECTS: Record<LayoutKind, Record<TourPanelId, Rect>> = {
  wall: { vanguard: { x: 4280, y: 170, w: 1440, h: 980 } },
  wide16x9: { vanguard: { x: 2700, y: 520, w: 1100, h: 950 } },
};

/** The organisation scene (a committee or a branch): its light and tasks on the left, the KPI
 * ribbon, meeting calendar and its members or child organisations in the centre, trends and
 * the pipeline on the right. `roster` holds the member grid of a branch, else the ranking. */
export type OrgPanelId = 'header' | 'kpi' | 'light' | 'tasks' | 'calendar' | 'roster' | 'meetings' | 'dues' | 'pipeline';

export const ORG_RECTS: Record<LayoutKind, Record<OrgPanelId, Rect>> = {
  wall: {
    header: { x: 0, y: 0, w: 5760, h: 150 },
    light: { x: 40, y: 170, w: 1440, h: 760 },
    tasks: { x: 40, y: 950, w: 1440, h: 930 },
    kpi: { x: 1520, y: 170, w: 2720, h: 250 },
    calendar: { x: 1520, y: 440, w: 2720, h: 560 },
    roster: { x: 1520, y: 1020, w: 2720, h: 860 },
    meetings: { x: 4280, y: 170, w: 1440, h: 540 },
    dues: { x: 4280, y: 730, w: 1440, h: 540 },
    pipeline: { x: 4280, y: 1290, w: 1440, h: 590 },
  },
  wide16x9: {
    header: { x: 0, y: 0, w: 3840, h: 150 },
    kpi: { x: 40, y: 170, w: 3760, h: 230 },
    light: { x: 40, y: 420, w: 1220, h: 760 },
    tasks: { x: 40, y: 1200, w: 1220, h: 920 },
    calendar: { x: 1290, y: 420, w: 1260, h: 760 },
    roster: { x: 1290, y: 1200, w: 1260, h: 920 },
    meetings: { x: 2580, y: 420, w: 1220, h: 560 },
    dues: { x: 2580, y: 1000, w: 1220, h: 540 },
    pipeline: { x: 2580, y: 1560, w: 1220, h: 560 },
  },
};
