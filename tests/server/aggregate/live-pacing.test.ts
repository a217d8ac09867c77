// How the live evaluation paces itself: the first write after a quiet spell is re-evaluated
// REEVALUATE_AFTER_MS later; under a steady stream, re-evaluations are at least a push window
// apart (each one re-rolls every committee above the touched branches and the district); after a
// costly one, the next waits BUSY_FACTOR times its cost (FLOOD_BUSY_FACTOR after a flood's step),
// and the walls' push keeps to that pace.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUSY_FACTOR, FLOOD_BUSY_FACTOR, FLOOD_STEP_MS, REEVALUATE_AFTER_MS } from '../../../server/aggregate/live-state.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { createServices, type Services } from '../../../server/services.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';

// What a re-evaluation costs here: the fake clock moves on by this much while it runs.
const cost = vi.hoisted(() => ({ ms: 0 }));
vi.mock('../../../server/aggregate/engine.ts', async (importOriginal) => {
  const engine = await importOriginal<typeof import('../../../server/aggregate/engine.ts')>();
  return {
    ...engine,
    refresh: (...args: Parameters<typeof engine.refresh>) => {
      const out = engine.refresh(...args);
      vi.advanceTimersByTime(cost.ms);
      return out;
    },
  };
});

const NOW = parseInstant('2026-04-15T12:00:00+08:00')!;
let services: Services;
let refreshes: number[];
let serial = 0;
const payment = () => ({ id: `p${serial++}`, type: 'dues.paid', at: '2026-04-15T10:00:00+08:00', member: 'M1', month: '2026-04', amount: 1 });
const pay = (n = 1) => services.ingest(Array.from({ length: n }, payment));

beforeEach(() => {
  cost.ms = 0;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
  services = createServices(testConfig({ deltaWindowMs: 100 }), { clock: manualClock(NOW) });
  services.importDataset(tinyDataset());
  services.live.current();
  refreshes = [];
  services.live.onChange((n) => void (n.all || refreshes.push(performance.now())));
  vi.advanceTimersByTime(1000);
});
afterEach(() => {
  services.close();
  vi.useRealTimers();
});

describe('live evaluation pacing', () => {
  it('re-evaluates a lone write after REEVALUATE_AFTER_MS', () => {
    const t0 = performance.now();
    pay();
    vi.advanceTimersByTime(REEVALUATE_AFTER_MS - 1);
    expect(refreshes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(refreshes).toEqual([t0 + REEVALUATE_AFTER_MS]);
  });

  it('under a write every 5 ms, re-evaluates at most once per 100 ms window, and misses no write', () => {
    for (let i = 0; i < 200; i++) {
      pay();
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(200);
    const gaps = refreshes.slice(1).map((t, i) => t - refreshes[i]);
    expect(refreshes.length).toBeGreaterThanOrEqual(9);
    expect(refreshes.length).toBeLessThanOrEqual(11);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    // Nothing is left waiting: the last step ran after the last write.
    expect(services.live.flush()).toBeNull();
    expect(refreshes.at(-1)!).toBeGreaterThan(performance.now() - 300);
  });

  it('lets the walls\' push run a waiting step when the last one was cheap', () => {
    pay(10);
    expect(services.live.flush({ unlessBusy: true })).not.toBeNull();
    expect(refreshes).toHaveLength(1);
  });

  it.each([
    ['a costly step', 40, BUSY_FACTOR],
    ['a flood\'s step', 80, FLOOD_BUSY_FACTOR],
  ])('after %s (%i ms), waits its factor times its cost, and so does the walls\' push', (_, ms, factor) => {
    cost.ms = ms;
    pay();
    vi.advanceTimersByTime(REEVALUATE_AFTER_MS);
    expect(refreshes).toHaveLength(1);
    const busyUntil = refreshes[0] + factor * cost.ms;
    pay(10);
    // A push window later the step is not due: the walls see the evaluation as it stands.
    vi.advanceTimersByTime(100);
    const before = services.live.latest().orgs.get('B1');
    expect(services.live.flush({ unlessBusy: true })).toBeNull();
    expect(services.live.latest().orgs.get('B1')).toBe(before);
    expect(refreshes).toHaveLength(1);
    // The timer runs it once the pacing allows, not before.
    vi.advanceTimersByTime(busyUntil - performance.now() - 1);
    expect(refreshes).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(refreshes).toEqual([busyUntil - factor * cost.ms, busyUntil + cost.ms]);
    expect(services.live.flush()).toBeNull();
  });

  it('calls a step a flood\'s only above FLOOD_STEP_MS', () => {
    expect(FLOOD_BUSY_FACTOR).toBeGreaterThan(BUSY_FACTOR);
    cost.ms = FLOOD_STEP_MS;
    pay();
    vi.advanceTimersByTime(REEVALUATE_AFTER_MS);
    pay();
    vi.advanceTimersByTime(BUSY_FACTOR * FLOOD_STEP_MS);
    expect(refreshes).toHaveLength(2);
  });

  it('lets a read see every write, however busy', () => {
    cost.ms = 80;
    pay();
    vi.advanceTimersByTime(REEVALUATE_AFTER_MS);
    pay(10);
    const before = services.live.latest().orgs.get('B1');
    expect(services.live.current().orgs.get('B1')).not.toBe(before);
    expect(refreshes).toHaveLength(2);
  });
});
