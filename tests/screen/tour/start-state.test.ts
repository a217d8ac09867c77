// How a wall starts its tour: a fresh soft-reload save wins, then the URL flags.
import { describe, expect, it } from 'vitest';
import { saveWall, startPlan, takeSavedWall, type SavedWall } from '../../../screen/tour/start-state.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}
const q = (s: string) => new URLSearchParams(s);
const saved = (over: Partial<SavedWall> = {}): SavedWall => ({ at: 1000, tour: { mode: 'idle', index: 3 }, scope: 'B7', ...over });

describe('tour start state', () => {
  it('reads a soft reload save once, and only while fresh', () => {
    const storage = memoryStorage();
    saveWall(storage, saved());
    expect(takeSavedWall(storage, 5000)).toEqual(saved());
    expect(takeSavedWall(storage, 5000)).toBeNull();
    saveWall(storage, saved());
    expect(takeSavedWall(storage, 1000 + 61_000)).toBeNull();
  });

  it.each([
    ['', null, { mode: 'off' }],
    ['?tour=1', null, { mode: 'playing' }],
    ['?scene=4', null, { mode: 'playing', scene: 4 }],
    ['?tour=1&scene=x', null, { mode: 'playing' }],
    ['?tour=1&scene=2', saved(), { mode: 'playing', scene: 3 }],
    ['?tour=1', saved({ tour: { mode: 'held', index: 1 } }), { mode: 'held', scene: 1 }],
    ['', saved({ tour: null }), { mode: 'off' }],
    ['?tour=0', saved(), { mode: 'off' }],
  ])('%s with %j → %j', (search, save, plan) => {
    expect(startPlan(q(search), save)).toEqual(plan);
  });
});
