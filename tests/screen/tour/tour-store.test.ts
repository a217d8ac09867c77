// The tour's clock with fake timers: scenes advance and wrap, a touch holds the tour and it
// resumes where it stopped after the idle time, commands jump, pause and stop.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TourConfig } from '../../../shared/tour.ts';
import { useTourStore } from '../../../screen/tour/tour-store.ts';

const caption = { zh: '场景', en: 'scene' };
const TOUR: TourConfig = {
  idleResumeSeconds: 60,
  scenes: [
    { kind: 'overview', durationSeconds: 10, caption },
    { kind: 'meetings', durationSeconds: 20, caption },
    { kind: 'spotlight', durationSeconds: 5, caption, rotateAmong: 3 },
  ],
  watchdog: { heapLimitMb: 768, staleMinutes: 10, quietHour: '04:00' },
};

let tour: ReturnType<typeof useTourStore>;
beforeEach(() => {
  vi.useFakeTimers();
  setActivePinia(createPinia());
  tour = useTourStore();
  tour.setConfig(TOUR);
});
afterEach(() => vi.useRealTimers());

const seconds = (s: number) => vi.advanceTimersByTime(s * 1000);

describe('tour store', () => {
  it('is off until started, then advances scene by scene and wraps', () => {
    expect(tour.mode).toBe('off');
    expect(tour.scene).toBeNull();
    tour.command('start');
    expect([tour.mode, tour.index, tour.scene?.kind]).toEqual(['playing', 0, 'overview']);
    seconds(9.9);
    expect(tour.index).toBe(0);
    seconds(0.1);
    expect(tour.index).toBe(1);
    seconds(20);
    expect(tour.scene?.kind).toBe('spotlight');
    seconds(5);
    expect(tour.index).toBe(0);
    expect(tour.spotlightTurn).toBe(1);
    seconds(35);
    expect(tour.spotlightTurn).toBe(2);
  });

  it('holds on a touch and resumes after the idle time with the time that was left', () => {
    tour.command('start');
    seconds(14); // 4 s into the 20 s meetings scene
    tour.touch();
    expect(tour.mode).toBe('idle');
    seconds(59);
    expect([tour.mode, tour.index]).toEqual(['idle', 1]);
    tour.touch(); // another touch: the idle time starts again
    seconds(59);
    expect(tour.mode).toBe('idle');
    seconds(1);
    expect([tour.mode, tour.index]).toEqual(['playing', 1]);
    seconds(15.9);
    expect(tour.index).toBe(1);
    seconds(0.1);
    expect(tour.index).toBe(2);
  });

  it('jumps to a scene, forwards and backwards with wrapping', () => {
    tour.command('start', 2);
    expect(tour.index).toBe(2);
    tour.command('next');
    expect(tour.index).toBe(0);
    tour.command('prev');
    tour.command('prev');
    expect(tour.index).toBe(1);
    const visits = tour.visit;
    tour.command('start', 7); // beyond the end wraps rather than breaking
    expect([tour.index, tour.visit]).toEqual([1, visits + 1]);
  });

  it('a commanded pause ignores touches and the idle time; only resume or stop end it', () => {
    tour.command('start');
    seconds(3);
    tour.command('pause');
    tour.touch();
    seconds(600);
    expect([tour.mode, tour.index]).toEqual(['held', 0]);
    tour.command('resume');
    seconds(6.9);
    expect(tour.index).toBe(0);
    seconds(0.1);
    expect(tour.index).toBe(1);
    tour.command('stop');
    expect(tour.scene).toBeNull();
    seconds(600);
    expect(tour.mode).toBe('off');
    tour.touch();
    tour.command('next');
    expect(tour.mode).toBe('off');
  });

  it('plays a start asked for before the tour arrived; a new tour restarts the scene', () => {
    setActivePinia(createPinia());
    const early = useTourStore();
    early.command('start', 1);
    expect(early.mode).toBe('off');
    early.setConfig(TOUR);
    expect([early.mode, early.index]).toEqual(['playing', 1]);
    seconds(15);
    early.setConfig({ ...TOUR, scenes: TOUR.scenes.slice(0, 1) });
    expect(early.index).toBe(0);
    seconds(9.9);
    expect(early.visit).toBe(2);
    seconds(0.1);
    expect([early.index, early.visit]).toEqual([0, 3]);
  });
});
