// The watchdog with fake timers: each trigger reloads once, only while the server answers, and
// the quiet hour is 04:00 in Shanghai whatever the machine's time zone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseInstant, nextLocalTime } from '../../../shared/periods.ts';
import type { WatchdogSettings } from '../../../shared/tour.ts';
import { createWatchdog, type ReloadReason } from '../../../screen/tour/watchdog.ts';
import type { ConnectionState } from '../../../screen/stores/connection.ts';

const START = parseInstant('2026-11-23T10:00:00+08:00')!;
const SETTINGS: WatchdogSettings = { heapLimitMb: 500, staleMinutes: 10, quietHour: '04:00' };

function setup(over: { heap?: number | null; reachable?: boolean; settings?: WatchdogSettings } = {}) {
  const connection = { state: 'live' as ConnectionState, since: null as number | null };
  const env = { heap: over.heap ?? 100, reachable: over.reachable ?? true };
  const reloads: ReloadReason[] = [];
  const dog = createWatchdog({
    settings: () => over.settings ?? SETTINGS,
    heapUsedMb: () => env.heap,
    connection,
    reachable: async () => env.reachable,
    reload: (r) => reloads.push(r),
  });
  return { dog, connection, env, reloads };
}
const minutes = async (m: number) => vi.advanceTimersByTimeAsync(m * 60_000);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => vi.useRealTimers());

describe('watchdog', () => {
  it('leaves a healthy wall alone all day until the quiet hour, then reloads once', async () => {
    const { dog, reloads } = setup();
    await minutes(17 * 60 + 59); // 03:59 next morning
    expect(reloads).toEqual([]);
    await minutes(1.5);
    expect(reloads).toEqual(['quiet-hour']);
    await minutes(60);
    expect(reloads).toEqual(['quiet-hour']);
    dog.stop();
  });

  it('reloads when the heap passes the limit', async () => {
    const { dog, env, reloads } = setup();
    await minutes(5);
    env.heap = 501;
    await minutes(0.5);
    expect(reloads).toEqual(['heap']);
    dog.stop();
  });

  it('never reloads for the heap where the browser does not report it', async () => {
    const { dog, reloads } = setup({ heap: null, settings: { ...SETTINGS, quietHour: null } });
    await minutes(3 * 24 * 60);
    expect(reloads).toEqual([]);
    dog.stop();
  });

  it('reloads after the connection has been stale too long, but not while the server is down', async () => {
    const { dog, connection, env, reloads } = setup({ reachable: false });
    connection.state = 'stale';
    connection.since = Date.now();
    await minutes(9.5);
    expect(await dog.check()).toBeNull();
    await minutes(5);
    expect(reloads).toEqual([]); // down: a reload would strand the wall on an error page
    env.reachable = true;
    await minutes(0.5);
    expect(reloads).toEqual(['stale']);
    dog.stop();
  });

  it('a connection that recovers in time causes no reload', async () => {
    const { dog, connection, reloads } = setup();
    connection.state = 'reconnecting';
    connection.since = Date.now();
    await minutes(8);
    connection.state = 'live';
    connection.since = null;
    await minutes(30);
    expect(reloads).toEqual([]);
    dog.stop();
  });

  it('finds the next 04:00 in Shanghai', () => {
    expect(nextLocalTime(START, '04:00')).toBe(parseInstant('2026-11-24T04:00:00+08:00'));
    expect(nextLocalTime(parseInstant('2026-11-24T03:59:00+08:00')!, '04:00')).toBe(parseInstant('2026-11-24T04:00:00+08:00'));
    expect(nextLocalTime(parseInstant('2026-11-24T04:00:00+08:00')!, '04:00')).toBe(parseInstant('2026-11-25T04:00:00+08:00'));
    expect(nextLocalTime(parseInstant('2026-11-23T23:30:00+08:00')!, '00:15')).toBe(parseInstant('2026-11-24T00:15:00+08:00'));
  });
});
