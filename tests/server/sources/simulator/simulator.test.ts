// The simulator posts plausible events through the real ingest path, and none is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../server/clock.ts';
import { testConfig } from '../../../../server/config.ts';
import { createServices, type Services } from '../../../../server/services.ts';
import { createSimulator } from '../../../../server/sources/simulator/simulator.ts';
import { parseInstant } from '../../../../shared/periods.ts';
import { tinyDataset } from '../../../helpers/tiny-dataset.ts';

let services: Services;
afterEach(() => services?.close());

describe('simulator', () => {
  it('produces valid meetings, check-ins, dues and activities that all land', () => {
    services = createServices(testConfig(), { clock: manualClock(parseInstant('2026-04-15T15:00:00+08:00')!) });
    services.importDataset(tinyDataset());
    const refused: unknown[] = [];
    const sim = createSimulator({
      dir: services.store.dir,
      clock: services.clock,
      rate: 50,
      seed: 7,
      ingest: (events) => {
        const res = services.ingest(events);
        if (!res.ok) refused.push(res.errors);
        return res;
      },
    });
    sim.steps(2000);
    expect(refused).toEqual([]);
    const types = services.store.db.prepare('SELECT type, COUNT(*) AS n FROM events GROUP BY type').all() as { type: string; n: number }[];
    expect(types.map((t) => t.type).sort()).toEqual(expect.arrayContaining(['activity.logged', 'attendance.checked_in', 'dues.paid', 'meeting.held']));
  });

  it('a second run under the same frozen clock adds new events instead of duplicates', () => {
    services = createServices(testConfig(), { clock: manualClock(parseInstant('2026-04-15T15:00:00+08:00')!) });
    services.importDataset(tinyDataset());
    const counts: number[] = [];
    for (let run = 0; run < 2; run++) {
      const sim = createSimulator({ dir: services.store.dir, clock: services.clock, rate: 50, seed: 7, ingest: services.ingest });
      sim.reseed(`run-${run}`);
      sim.steps(400);
      counts.push(services.store.counts().events);
    }
    expect(counts[1]).toBeGreaterThan(counts[0]);
  });
});
