// The in-memory rollups must equal what SQLite holds after any sequence of writes.
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { createServices, type Services } from '../../../server/services.ts';
import { createSimulator } from '../../../server/sources/simulator/simulator.ts';
import { createRollupReader } from '../../../server/store/rollup-read.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';

let s: Services;
afterEach(() => s?.close());

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('rollup cache', () => {
  it('equals SQLite after imports, live events and dues re-summed out of order', () => {
    s = createServices(testConfig(), { clock: manualClock(parseInstant('2026-04-15T15:00:00+08:00')!) });
    s.importDataset(tinyDataset());
    s.live.current(); // fills the cache with the live window
    const sim = createSimulator({ dir: s.store.dir, clock: s.clock, ingest: s.ingest, rate: 50, seed: 3 });
    sim.steps(1500);
    // a late payment for an earlier month that arrives after a later one
    s.ingest([
      { id: 'late-2', type: 'dues.paid', at: '2026-04-15T14:00:00+08:00', member: 'M3', month: '2026-02', amount: 6 },
      { id: 'late-1', type: 'dues.paid', at: '2026-04-15T13:00:00+08:00', member: 'M3', month: '2026-02', amount: 4 },
    ]);
    const sql = createRollupReader(s.store.db);
    expect(s.store.reader.orgMonths('2025-04', '2026-04')).not.toHaveLength(0);
    expect(sorted(s.store.reader.orgMonths('2025-04', '2026-04'))).toEqual(sorted(sql.orgMonths('2025-04', '2026-04')));
    expect(sorted(s.store.reader.memberMonths('2025-04', '2026-04'))).toEqual(sorted(sql.memberMonths('2025-04', '2026-04')));
    expect(sorted(s.store.reader.memberMonths('2025-04', '2026-04', ['M3']))).toEqual(sorted(sql.memberMonths('2025-04', '2026-04', ['M3'])));
    expect(sorted(s.store.reader.orgMonths('2025-04', '2026-04', ['B1']))).toEqual(sorted(sql.orgMonths('2025-04', '2026-04', ['B1'])));
  });
});
