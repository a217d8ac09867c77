// Hostile and malformed input on every write path: each gets a clear 4xx with { error, message }
// and the database is unchanged (checksum over every table's rows).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';
import { asOperator, testTokensFile } from '../../helpers/tokens.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp(testConfig({ tokensFile: testTokensFile() }), { clock: manualClock(parseInstant('2026-04-15T12:00:00+08:00')!) });
  app.services.importDataset(tinyDataset());
  // The import starts the missed monthly diagnosis batch in the background; let it land before
  // any checksum is taken.
  await app.services.reports.runIfDue();
});
afterAll(async () => app.close());

function checksum(): string {
  const db = app.services.store.db;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'audit' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const h = createHash('sha256');
  for (const t of tables) h.update(t).update(JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()));
  return h.digest('hex');
}

const ok = { id: 'ok-1', type: 'dues.paid', at: '2026-04-15T10:00:00+08:00', member: 'M1', month: '2026-04', amount: 10 };
type Case = [string, { url: string; headers?: Record<string, string>; payload: string | object | Buffer }, number, RegExp];
const json = { 'content-type': 'application/json' };
const cases: Case[] = [
  ['malformed JSON', { url: '/api/events', headers: json, payload: '[{"id": "x", ' }, 400, /JSON/i],
  ['a string body', { url: '/api/events', headers: json, payload: '"hello"' }, 400, /event object|array/],
  ['wrong types', { url: '/api/events', payload: [{ ...ok, amount: '10' }] }, 400, /invalid/],
  ['a huge string', { url: '/api/events', payload: [{ ...ok, id: 'x'.repeat(100_000) }] }, 400, /invalid/],
  ['a body over the 64 MiB limit', { url: '/api/events', headers: json, payload: JSON.stringify([{ ...ok, pad: 'x'.repeat(64 * 1024 * 1024 + 10) }]) }, 413, /large|limit/i],
  ['unknown member', { url: '/api/events', payload: [{ ...ok, member: 'M404' }] }, 400, /invalid/],
  ['unknown organisation', { url: '/api/events', payload: [{ id: 'm1', type: 'meeting.held', at: ok.at, meetingId: 'X', org: 'NOPE', kind: 'theme_day' }] }, 400, /invalid/],
  ['a future date', { url: '/api/events', payload: [{ ...ok, at: '2030-01-01T00:00:00+08:00' }] }, 400, /invalid/],
  ['an ancient date', { url: '/api/events', payload: [{ ...ok, at: '1949-10-01T00:00:00+08:00' }] }, 400, /invalid/],
  ['a negative amount', { url: '/api/events', payload: [{ ...ok, amount: -5 }] }, 400, /invalid/],
  ['an impossible date', { url: '/api/events', payload: [{ ...ok, at: '2026-02-30T10:00:00+08:00' }] }, 400, /invalid/],
  ['a duplicated id inside one batch', { url: '/api/events', payload: [ok, { ...ok }] }, 400, /invalid/],
  ['bad NDJSON line', { url: '/api/events', headers: { 'content-type': 'application/x-ndjson' }, payload: `${JSON.stringify(ok)}\n{nope\n` }, 400, /NDJSON line 2/],
  ['CSV with a wrong header', { url: '/api/import', payload: { files: { 'members.csv': 'id,nom,org\nM9,x,B1\n' } } }, 400, /bad row/],
  ['an XLSX that is not one', { url: '/api/import', headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: Buffer.from('PK\u0003\u0004 not really a zip') }, 400, /bad row/],
  ['an import with unknown references', { url: '/api/import', payload: { files: { 'dues.csv': 'id,member_id,month,amount,paid_at\nD1,M404,2026-04,10,2026-04-01T10:00:00+08:00\n' } } }, 400, /bad row/],
  ['an import body of the wrong shape', { url: '/api/import', payload: { rows: [] } }, 400, /XLSX|files/],
];

describe('bad input on write paths', () => {
  it.each(cases)('%s → %i, nothing written', async (_name, req, status, message) => {
    const before = checksum();
    const res = await app.inject({ method: 'POST', url: req.url, headers: { ...asOperator, ...req.headers }, payload: req.payload as string });
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    expect(body.message).toMatch(message);
    expect(checksum()).toBe(before);
  });

  it('a batch of 100,000 events with one bad event at the end is refused whole', async () => {
    const before = checksum();
    const events = Array.from({ length: 100_000 }, (_, i) => ({ ...ok, id: `big-${i}`, amount: 0.01 }));
    events[99_999] = { ...events[99_999], member: 'M404' };
    const res = await app.inject({ method: 'POST', url: '/api/events', headers: asOperator, payload: events });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ index: 99_999, id: 'big-99999' })]);
    expect(checksum()).toBe(before);
  }, 60_000);

  it('more than 100,000 events in one batch is refused with the limit named', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/events', headers: asOperator, payload: Array.from({ length: 100_001 }, (_, i) => ({ id: `x${i}` })) });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/at most 100000/);
  }, 60_000);
});
