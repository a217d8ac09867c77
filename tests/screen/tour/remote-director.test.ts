// The remote's messages (through the wall's paired-remote binding) reach the tour only for this
// wall's name, the wall rejoins its room on every connect, a new tour file replaces the tour, and the director moves the wall: spotlights rotate through the top branches,
// every other scene shows the district, and a visitor's exploration is left alone until resume.
// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fixture from '../../fixtures/snapshot.district.json';
import type { WallSnapshot } from '../../../shared/snapshot.ts';
import type { TourConfig } from '../../../shared/tour.ts';
import { createTourDirector } from '../../../screen/tour/director.ts';
import { bindWallRemote } from '../../../screen/live/wall-remote.ts';
import { bindTourConfig } from '../../../screen/tour/remote-control.ts';
import { useTourStore } from '../../../screen/tour/tour-store.ts';
import { useWallStore } from '../../../screen/stores/wall.ts';
import { fakeSocket } from '../../helpers/fake-socket.ts';

const snap = fixture as unknown as WallSnapshot;
const caption = { zh: '场景', en: 'scene' };
const TOUR: TourConfig = {
  idleResumeSeconds: 30,
  scenes: [
    { kind: 'overview', durationSeconds: 10, caption },
    { kind: 'spotlight', durationSeconds: 10, caption, rotateAmong: 2 },
  ],
  watchdog: { heapLimitMb: 768, staleMinutes: 10, quietHour: null },
};


beforeEach(() => {
  vi.useFakeTimers();
  setActivePinia(createPinia());
});
afterEach(() => vi.useRealTimers());

describe('remote control', () => {
  it('joins its room now and on every reconnect, and obeys only its own name', () => {
    const tour = useTourStore();
    tour.setConfig(TOUR);
    const socket = fakeSocket(true);
    const offRemote = bindWallRemote({ socket: socket as never, wall: 'hall-a', router: { go: () => {} }, tour, showCode: () => {} });
    const offConfig = bindTourConfig(socket as never, tour);
    const off = () => (offRemote(), offConfig());
    socket.fire('connect');
    expect(socket.sent.map((s) => s.msg)).toEqual([{ wall: 'hall-a' }, { wall: 'hall-a' }]);
    socket.fire('wall:tour', { wall: 'hall-b', action: 'start' });
    expect(tour.mode).toBe('off');
    socket.fire('wall:tour', { wall: 'hall-a', action: 'start', scene: 1 });
    expect([tour.mode, tour.index]).toEqual(['playing', 1]);
    socket.fire('tour:config', { ...TOUR, idleResumeSeconds: 99 });
    expect(tour.config?.idleResumeSeconds).toBe(99);
    off();
    socket.fire('wall:tour', { wall: 'hall-a', action: 'stop' });
    expect(tour.mode).toBe('playing');
  });
});

describe('tour director', () => {
  it('spotlights the top branches in turn, goes home otherwise, and waits while a visitor explores', async () => {
    const tour = useTourStore();
    const wall = useWallStore();
    wall.setScope(snap.scope.code);
    wall.replace(snap, 1, snap.asOf);
    const router = { go: vi.fn(), home: vi.fn() };
    createTourDirector({ tour, wall, router, root: snap.scope.code });
    tour.setConfig(TOUR);
    tour.command('start');
    await nextTick();
    expect(router.home).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    await nextTick();
    expect(router.go).toHaveBeenLastCalledWith(snap.rankings.top[0].code);
    expect(tour.spotlight?.name).toBe(snap.rankings.top[0].name);
    tour.touch();
    await nextTick();
    vi.advanceTimersByTime(29_000);
    await nextTick();
    expect(router.go).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000); // resumed: back to the spotlight's branch, the same one
    await nextTick();
    expect(router.go).toHaveBeenCalledTimes(2);
    expect(router.go).toHaveBeenLastCalledWith(snap.rankings.top[0].code);
    const scene = async () => {
      vi.advanceTimersByTime(10_000);
      await nextTick();
    };
    await scene();
    expect(router.home).toHaveBeenCalledTimes(2);
    await scene();
    expect(router.go).toHaveBeenLastCalledWith(snap.rankings.top[1].code);
    await scene();
    await scene();
    expect(router.go).toHaveBeenLastCalledWith(snap.rankings.top[0].code);
    tour.command('stop');
    await nextTick();
    expect(router.home).toHaveBeenCalledTimes(4);
  });

  it('skips a spotlight when no ranking is known yet', async () => {
    const tour = useTourStore();
    const router = { go: vi.fn(), home: vi.fn() };
    createTourDirector({ tour, wall: useWallStore(), router, root: 'D' });
    tour.setConfig(TOUR);
    tour.command('start', 1);
    await nextTick();
    expect(router.go).not.toHaveBeenCalled();
    expect(tour.index).toBe(0);
  });
});
