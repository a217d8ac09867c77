// How the live evaluation paces itself: the first write after a quiet spell is re-evaluated
// REEVALUATE_AFTER_MS later; under a steady stream, re-evaluations are at least a push window
// apart (each one re-rolls every committee above the touched branches and the district).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLOOD_EVENTS, REEVALUATE_AFTER_MS } from '../../../server/aggregate/live-state.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { createServices, type Services } from '../../../server/services.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';

const NOW = parseInstant('2026-04-15T12:00:00+08:00')!;
let services: Services;
let refreshes: number[];
let serial = 0;
const payment = () => ({ id: `p${serial++}`, type: 'dues.paid', at: '2026-04-15T10:00:00+08:00', member: 'M1', month: '2026-04', amount: 1 });
const pay = (n = 1) => services.ingest(Array.from({ length: n }, payment));

beforeEach(() => {
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

  it('lets the walls\' push run a waiting step, unless a flood waits for it', () => {
    pay(10);
    expect(services.live.flush({ unlessFlood: true })).not.toBeNull();
    vi.advanceTimersByTime(1000);
    pay(FLOOD_EVENTS + 1);
    expect(services.live.flush({ unlessFlood: true })).toBeNull();
    expect(refreshes).toHaveLength(1);
    // The walls see the evaluation as it stands; a read still sees every write.
    const before = services.live.latest().orgs.get('B1');
    expect(services.live.current().orgs.get('B1')).not.toBe(before);
    expect(refreshes).toHaveLength(2);
  });

  it('runs a flood\'s step on its own timer', () => {
    pay(FLOOD_EVENTS + 1);
    expect(services.live.flush({ unlessFlood: true })).toBeNull();
    vi.advanceTimersByTime(REEVALUATE_AFTER_MS + 1000);
    expect(refreshes).toHaveLength(1);
    expect(services.live.flush()).toBeNull();
  });
});
