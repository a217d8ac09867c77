// The background evaluation gives exactly evaluateAll's result (its window read in pages) while
// handing the event loop back between slices, and stops when cancelled.
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateAll, freshEngine } from '../../../server/aggregate/engine.ts';
import { evaluateAllInSlices } from '../../../server/aggregate/evaluate-in-slices.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { createServices } from '../../../server/services.ts';
import { generateDemo } from '../../../server/sources/demo/index.ts';
import { parseInstant } from '../../../shared/periods.ts';

const clock = manualClock(parseInstant('2026-06-18T10:00:00+08:00')!);
const s = createServices(testConfig(), { clock });
s.importDataset(generateDemo({ seed: 7, scale: 'small', clock: clock.now() }).dataset);
const engine = { reader: s.store.reader, dir: s.store.dir, rules: s.rules };
afterAll(() => s.close());

describe('evaluateAllInSlices', () => {
  it('equals evaluateAll, for now and for a past month end', async () => {
    for (const asOf of [clock.now(), parseInstant('2026-03-31T23:59:59.999+08:00')!]) {
      let otherWork = false;
      setImmediate(() => (otherWork = true));
      const sliced = await evaluateAllInSlices(engine, asOf, { budgetMs: 0, pageRows: 97 }); // many pages, odd boundaries
      expect(otherWork).toBe(true); // without a yield the promise would settle before any immediate ran
      expect(sliced).toEqual(evaluateAll(freshEngine(engine), asOf));
    }
  });

  it('resolves to null once cancelled', async () => {
    let cancelled = false;
    const run = evaluateAllInSlices(engine, clock.now(), { budgetMs: 0, cancelled: () => cancelled });
    cancelled = true;
    expect(await run).toBe(null);
  });
});
