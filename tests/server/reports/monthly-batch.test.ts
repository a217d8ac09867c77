// The monthly diagnosis batch with a manual clock: due months around the 5th (Asia/Shanghai),
// generation as the clock crosses the 5th, no second batch after a restart, one catch-up for a
// server that was down on the 5th, the stored reports over HTTP, and the count on the wall.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { dueMonth } from '../../../server/reports/monthly-batch.ts';
import { createServices, type Services } from '../../../server/services.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';
import { asLeader, testTokensFile } from '../../helpers/tokens.ts';

const at = (iso: string) => parseInstant(iso)!;
const dbFile = () => join(mkdtempSync(join(tmpdir(), 'vanguard-batch-')), 'vanguard.db');
const open: Services[] = [];
const services = (db: string, clock: ReturnType<typeof manualClock>) => {
  const s = createServices(testConfig({ db }), { clock });
  open.push(s);
  return s;
};
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('dueMonth', () => {
  it.each([
    ['2026-04-04T23:59:59+08:00', '2026-02'],
    ['2026-04-05T00:00:00+08:00', '2026-03'], // the 5th begins in Shanghai …
    ['2026-04-04T16:00:00Z', '2026-03'], // … while it is still the 4th in UTC
    ['2026-04-30T12:00:00+08:00', '2026-03'],
    ['2026-01-05T08:00:00+08:00', '2025-12'],
    ['2026-01-03T08:00:00+08:00', '2025-11'],
  ])('at %s the due batch is %s', (now, month) => {
    expect(dueMonth(at(now))).toBe(month);
  });
});

describe('the batch on the 5th', () => {
  it('is generated once as the clock moves onto the 5th, and not again after a restart on the 6th', async () => {
    const db = dbFile();
    const clock = manualClock(at('2026-04-04T23:59:00+08:00'));
    const s = services(db, clock);
    s.importDataset(tinyDataset());
    // The import found February's batch missing (this database did not exist on 5 March): caught up.
    expect(await s.reports.runIfDue()).toBe('2026-02');
    expect(await s.reports.runIfDue()).toBe(null);

    clock.set(at('2026-04-05T00:00:30+08:00'));
    s.live.tick(); // the heartbeat's daily tick starts the batch; this call joins it
    expect(await s.reports.runIfDue()).toBe('2026-03');
    expect(await s.reports.runIfDue()).toBe(null);
    expect(s.reportRepo.list()).toEqual([
      { month: '2026-03', generatedAt: at('2026-04-05T00:00:30+08:00'), branches: 2, elapsedMs: expect.any(Number) },
      { month: '2026-02', generatedAt: at('2026-04-04T23:59:00+08:00'), branches: 2, elapsedMs: expect.any(Number) },
    ]);
    // What was stored is what the on-demand report said at the time.
    expect(s.reportRepo.report('2026-03', 'B1')).toEqual(JSON.parse(JSON.stringify(s.diagnoses.one('B1', '2026-03'))));
    s.close();
    open.length = 0;

    clock.set(at('2026-04-06T09:00:00+08:00'));
    const again = services(db, clock);
    expect(await again.reports.runIfDue()).toBe(null);
    expect(again.reportRepo.list().map((b) => [b.month, b.generatedAt])).toEqual([
      ['2026-03', at('2026-04-05T00:00:30+08:00')],
      ['2026-02', at('2026-04-04T23:59:00+08:00')],
    ]);
  });

  it('a server started on the 7th that missed the 5th catches up once, and the wall shows the count', async () => {
    const db = dbFile();
    const clock = manualClock(at('2026-03-20T12:00:00+08:00'));
    const first = services(db, clock);
    first.importDataset(tinyDataset());
    expect(await first.reports.runIfDue()).toBe('2026-02');
    first.close();
    open.length = 0;

    clock.set(at('2026-04-07T10:00:00+08:00'));
    const app = await buildApp(testConfig({ db, tokensFile: testTokensFile() }), { clock });
    try {
      await app.ready(); // start-up checks for a missed batch
      await app.services.reports.runIfDue();
      expect(app.services.reportRepo.list().map((b) => b.month)).toEqual(['2026-03', '2026-02']);
      expect(await app.services.reports.runIfDue()).toBe(null);

      const sent = { month: '2026-03', count: 2, at: at('2026-04-07T10:00:00+08:00') };
      expect((await app.inject('/api/snapshot')).json().reportsSent).toEqual(sent);
      expect((await app.inject('/api/snapshot?scope=B1')).json().reportsSent).toEqual({ ...sent, count: 1 });

      const list = await app.inject({ url: '/api/reports/batches', headers: asLeader });
      expect(list.json().batches).toEqual([
        { month: '2026-03', generatedAt: '2026-04-07T10:00:00+08:00', branches: 2, elapsedMs: expect.any(Number) },
        { month: '2026-02', generatedAt: '2026-03-20T12:00:00+08:00', branches: 2, elapsedMs: expect.any(Number) },
      ]);
      expect((await app.inject('/api/reports/batches')).statusCode).toBe(401);

      const stored = await app.inject({ url: '/api/reports/batches/2026-03/B1', headers: asLeader });
      expect(stored.json()).toMatchObject({ month: '2026-03', org: { code: 'B1' }, asOf: '2026-03-31T23:59:59+08:00' });
      const page = await app.inject({ url: '/api/reports/batches/2026-03/B1', headers: { ...asLeader, accept: 'text/html' } });
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('支部党建诊疗报告');
      expect((await app.inject({ url: '/api/reports/batches/2026-01/B1', headers: asLeader })).statusCode).toBe(404);
      expect((await app.inject({ url: '/api/reports/batches/2026-03/C1', headers: asLeader })).statusCode).toBe(404);
      expect((await app.inject({ url: '/api/reports/batches/March/B1', headers: asLeader })).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });

  it('a batch stopped part-way (shutdown) leaves no batch row, and the next run replaces its stray reports', async () => {
    const db = dbFile();
    const clock = manualClock(at('2026-04-05T08:00:00+08:00'));
    const s = services(db, clock);
    s.importDataset(tinyDataset()); // starts March's batch in the background …
    const run = s.reports.runIfDue();
    s.reports.dispose(); // … and the server shuts down before it is stored
    expect(await run).toBe(null);
    expect(s.reportRepo.has('2026-03')).toBe(false);
    s.reportRepo.saveReports('2026-03', [{ code: 'B9', body: { stray: true } }]); // as if a crash came mid-write
    s.close();
    open.length = 0;

    const again = services(db, clock);
    expect(await again.reports.runIfDue()).toBe('2026-03');
    expect(again.reportRepo.report('2026-03', 'B9')).toBe(null);
    expect(again.reportRepo.report('2026-03', 'B1')).toMatchObject({ month: '2026-03' });
  });

  it('stores nothing before a tree is imported', async () => {
    const s = services(':memory:', manualClock(at('2026-04-05T08:00:00+08:00')));
    expect(await s.reports.runIfDue()).toBe(null);
    expect(s.reportRepo.list()).toEqual([]);
  });
});
