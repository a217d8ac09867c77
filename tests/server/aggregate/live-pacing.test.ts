// How the live evaluation paces itself: the first write after a quiet spell is re-evaluated
// REEVALUATE_AFTER_MS later; under a steady stream, re-evaluations are at least a push window
// apart (each one re-rolls every committee above the touched branches and the district).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REEVALUATE_AFTER_MS } from '../../../server/aggregate/live-state.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { createServices, type Services } from '../../../server/services.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';

const NOW = parseInstant('2026-04-15T12:00:00+08:00')!;
let services: Services;
let refreshes: number[];
let serial = 0;
const pay = () => services.ingest([{ id: `p${serial++}`, type: 'dues.paid', at: '2026-04-15T10:00:00+08:00', member: 'M1', month: '2026-04', amount: 1 }]);

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
});
