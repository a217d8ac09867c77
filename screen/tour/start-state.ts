// How a wall (re)starts its tour. A soft reload (watchdog.ts) saves the tour's place and the
// scope in sessionStorage and this reads them back; otherwise the URL decides: ?tour=1 starts,
// ?tour=0 stops, ?scene=N starts at scene N (0-based, in the order of the tour file).
import type { TourMode } from './tour-store.ts';

const KEY = 'vanguard.wall-resume';
/** A saved place older than this is not from a soft reload (that restarts in seconds): ignore it. */
const FRESH_MS = 60_000;

export interface SavedWall {
  at: number;
  tour: { mode: Exclude<TourMode, 'off'>; index: number } | null;
  scope: string | null;
}

export type StartPlan = { mode: 'off' } | { mode: 'playing' | 'held'; scene?: number };

export function saveWall(storage: Pick<Storage, 'setItem'>, state: SavedWall): void {
  try {
    storage.setItem(KEY, JSON.stringify(state));
  } catch {
    // A full or disabled storage only costs the tour its place after the reload.
  }
}

/** Reads and forgets the saved place, so it is used by the one reload that saved it. */
export function takeSavedWall(storage: Pick<Storage, 'getItem' | 'removeItem'>, now: number): SavedWall | null {
  try {
    const text = storage.getItem(KEY);
    storage.removeItem(KEY);
    const saved = text ? (JSON.parse(text) as SavedWall) : null;
    return saved && typeof saved.at === 'number' && now - saved.at < FRESH_MS ? saved : null;
  } catch {
    return null;
  }
}

export function startPlan(params: URLSearchParams, saved: SavedWall | null): StartPlan {
  if (params.get('tour') === '0') return { mode: 'off' };
  if (saved) return saved.tour ? { mode: saved.tour.mode === 'held' ? 'held' : 'playing', scene: saved.tour.index } : { mode: 'off' };
  const scene = Number(params.get('scene'));
  if (params.has('scene') && Number.isInteger(scene) && scene >= 0) return { mode: 'playing', scene };
  return params.get('tour') === '1' ? { mode: 'playing' } : { mode: 'off' };
}
