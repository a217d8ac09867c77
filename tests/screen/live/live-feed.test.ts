// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fixture from '../../fixtures/snapshot.district.json';
import type { WallSnapshot } from '../../../shared/snapshot.ts';
import { createLiveFeed, type LiveSocket } from '../../../screen/live/create-live-feed.ts';
import { useConnectionStore } from '../../../screen/stores/connection.ts';
import { FEED_LIMIT, useWallStore } from '../../../screen/stores/wall.ts';
import { fakeSocket } from '../../helpers/fake-socket.ts';

const snap = fixture as unknown as WallSnapshot;


function setup(extra: { reload?: () => void } = {}) {
  setActivePinia(createPinia());
  const wall = useWallStore();
  const connection = useConnectionStore();
  const socket = fakeSocket();
  const feed = createLiveFeed(socket, { wall, connection }, { scope: 'D01', ...extra });
  return { wall, connection, socket, feed };
}
const delta = (seq: number, red: number) => ({ scope: 'D01', seq, asOf: 1000 + seq, patches: [{ path: ['kpis', 'lights', 'red'], value: red }] });

describe('createLiveFeed', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('subscribes on connect and replaces the snapshot', () => {
    const { socket, wall, connection } = setup();
    socket.fire('connect');
    expect(socket.sent).toEqual([{ event: 'subscribe', msg: { scope: 'D01' } }]);
    socket.fire('snapshot', { scope: 'D01', seq: 5, asOf: 999, data: snap });
    expect(wall.snapshot?.kpis.members).toBe(snap.kpis.members);
    expect(wall.seq).toBe(5);
    expect(wall.asOf).toBe(999);
    expect(connection.state).toBe('live');
  });

  it('applies in-order deltas and ignores duplicates, stale seqs and other scopes', () => {
    const { socket, wall } = setup();
    socket.fire('connect');
    socket.fire('snapshot', { scope: 'D01', seq: 5, asOf: 999, data: snap });
    socket.fire('delta', delta(6, 40));
    socket.fire('delta', delta(7, 41));
    socket.fire('delta', delta(7, 99)); // duplicate
    socket.fire('delta', delta(3, 98)); // stale
    socket.fire('delta', { ...delta(8, 97), scope: 'OTHER' });
    expect(wall.snapshot?.kpis.lights.red).toBe(41);
    expect(wall.seq).toBe(7);
    expect(socket.sent).toHaveLength(1);
    // an older snapshot (a late answer) does not roll the wall back
    socket.fire('snapshot', { scope: 'D01', seq: 4, asOf: 1, data: { ...snap, kpis: { ...snap.kpis, members: 1 } } });
    expect(wall.snapshot?.kpis.members).toBe(snap.kpis.members);
  });

  it('on a gap resubscribes once with lastSeq, then applies the filled and held deltas in order', () => {
    const { socket, wall } = setup();
    socket.fire('connect');
    socket.fire('snapshot', { scope: 'D01', seq: 5, asOf: 999, data: snap });
    socket.fire('delta', delta(8, 80));
    socket.fire('delta', delta(9, 90));
    expect(socket.sent.slice(1)).toEqual([{ event: 'subscribe', msg: { scope: 'D01', lastSeq: 5 } }]);
    expect(wall.seq).toBe(5);
    socket.fire('delta', delta(6, 60));
    socket.fire('delta', delta(7, 70));
    expect(wall.seq).toBe(9);
    expect(wall.snapshot?.kpis.lights.red).toBe(90);
  });

  it('a heartbeat announcing a later seq triggers a resubscribe', () => {
    const { socket } = setup();
    socket.fire('connect');
    socket.fire('snapshot', { scope: 'D01', seq: 5, asOf: 999, data: snap });
    socket.fire('heartbeat', { asOf: 2000, seq: { D01: 7 }, version: 'v1' });
    expect(socket.sent.at(-1)).toEqual({ event: 'subscribe', msg: { scope: 'D01', lastSeq: 5 } });
  });

  it('after a reconnect resubscribes with lastSeq', () => {
    const { socket, connection } = setup();
    socket.fire('connect');
    socket.fire('snapshot', { scope: 'D01', seq: 5, asOf: 999, data: snap });
    socket.fire('delta', delta(6, 1));
    socket.fire('disconnect');
    expect(connection.state).toBe('reconnecting');
    socket.fire('connect');
    expect(socket.sent.at(-1)).toEqual({ event: 'subscribe', msg: { scope: 'D01', lastSeq: 6 } });
    expect(connection.state).toBe('live');
  });

  it('turns stale after 15 s of silence, keeping the time of the last update, and recovers', () => {
    const { socket, connection } = setup();
    socket.fire('connect');
    vi.setSystemTime(new Date('2026-11-23T09:00:00Z'));
    socket.fire('snapshot', { scope: 'D01', seq: 5, asOf: 999, data: snap });
    const updatedAt = connection.lastUpdateAt;
    vi.advanceTimersByTime(10_000);
    socket.fire('heartbeat', { asOf: 2000, seq: { D01: 5 }, version: 'v1' });
    vi.advanceTimersByTime(14_000);
    expect(connection.state).toBe('live');
    vi.advanceTimersByTime(1_500);
    expect(connection.state).toBe('stale');
    expect(connection.lastUpdateAt).toBe(updatedAt);
    expect(connection.since).toBe(Date.now() - 500);
    socket.fire('heartbeat', { asOf: 3000, seq: { D01: 5 }, version: 'v1' });
    expect(connection.state).toBe('live');
  });

  it('reloads once when the server version changes from the first heard', () => {
    const reload = vi.fn();
    const { socket } = setup({ reload });
    socket.fire('connect');
    socket.fire('heartbeat', { asOf: 1, seq: {}, version: 'v1' });
    socket.fire('heartbeat', { asOf: 2, seq: {}, version: 'v1' });
    expect(reload).not.toHaveBeenCalled();
    socket.fire('heartbeat', { asOf: 3, seq: {}, version: 'v2' });
    socket.fire('heartbeat', { asOf: 4, seq: {}, version: 'v2' });
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('keeps the ticker bounded and removes its listeners on dispose', () => {
    const { socket, wall, feed } = setup();
    socket.fire('connect');
    for (let i = 0; i < 80; i++) socket.fire('feed', { items: [{ id: `x${i}`, at: i, kind: 'checkin', org: null, orgName: null, text: `t${i}` }] });
    expect(wall.liveFeed).toHaveLength(FEED_LIMIT);
    expect(wall.liveFeed[0].id).toBe('x79');
    feed.dispose();
    expect(socket.count('delta')).toBe(0);
  });

  it('switching scope unsubscribes the old and subscribes the new from scratch', () => {
    const { socket, wall, feed } = setup();
    socket.fire('connect');
    socket.fire('snapshot', { scope: 'D01', seq: 5, asOf: 999, data: snap });
    feed.setScope('D01-C01');
    expect(wall.snapshot).toBeNull();
    expect(socket.sent.slice(-2)).toEqual([
      { event: 'unsubscribe', msg: { scope: 'D01' } },
      { event: 'subscribe', msg: { scope: 'D01-C01' } },
    ]);
  });
});
