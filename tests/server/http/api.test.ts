// The read API and the events API on the tiny hand-made district, through the real app (inject).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { securityHeaders, WRITE_LIMIT_PER_MINUTE } from '../../../server/http/hardening.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';
import { asLeader, asOperator, testTokensFile } from '../../helpers/tokens.ts';

let app: FastifyInstance;
const NOW = parseInstant('2026-04-15T12:00:00+08:00')!;

beforeEach(async () => {
  app = await buildApp(testConfig({ tokensFile: testTokensFile() }), { clock: manualClock(NOW) });
  app.services.importDataset(tinyDataset());
});
afterEach(async () => app.close());

describe('read API', () => {
  it('health answers with counts and version', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', version: expect.any(String), counts: { orgs: 4, members: 4 } });
  });

  it('the tree nests committee and branches', async () => {
    const res = await app.inject('/api/orgs/tree');
    expect(res.json()).toEqual({
      code: 'D',
      name: '示范区委',
      type: 'district',
      children: [
        {
          code: 'C1',
          name: '东湖街道党工委',
          type: 'committee',
          children: [
            { code: 'B1', name: '东湖社区第一支部', type: 'branch', children: [] },
            { code: 'B2', name: '东湖社区第二支部', type: 'branch', children: [] },
          ],
        },
      ],
    });
  });

  it('unknown org is 404 and a bad at is 400, both as { error, message }', async () => {
    const a = await app.inject('/api/orgs/NOPE/indicators');
    expect(a.statusCode).toBe(404);
    expect(a.json()).toMatchObject({ error: 'not_found', message: expect.stringContaining('NOPE') });
    const b = await app.inject('/api/orgs/B1/indicators?at=yesterday');
    expect(b.statusCode).toBe(400);
    expect(b.json()).toMatchObject({ error: 'bad_request', message: expect.stringContaining('yesterday') });
  });
});

describe('events API', () => {
  const checkIn = (id: string, member: string) => ({ id, type: 'attendance.checked_in', at: '2026-04-15T11:00:00+08:00', meetingId: 'L1', member });
  const lesson = { id: 'e1', type: 'meeting.held', at: '2026-04-15T10:30:00+08:00', meetingId: 'L1', org: 'B1', kind: 'party_lesson' };

  it('accepts a batch, counts duplicates, and double-counts nothing', async () => {
    const first = await app.inject({ method: 'POST', url: '/api/events', headers: asOperator, payload: [lesson, checkIn('e2', 'M1')] });
    expect(first.json()).toEqual({ accepted: 2, duplicates: 0 });
    const again = await app.inject({ method: 'POST', url: '/api/events', headers: asOperator, payload: [lesson, checkIn('e2', 'M1'), checkIn('e3', 'M2')] });
    expect(again.json()).toEqual({ accepted: 1, duplicates: 2 });
    const row = app.services.store.db.prepare("SELECT meetings, att_expected, att_present FROM org_month WHERE org_code='B1' AND month='2026-04' AND kind='party_lesson'").get();
    expect(row).toEqual({ meetings: 1, att_expected: 3, att_present: 2 });
  });

  it('takes NDJSON and a single object', async () => {
    const nd = await app.inject({ method: 'POST', url: '/api/events', headers: { ...asOperator, 'content-type': 'application/x-ndjson' }, payload: `${JSON.stringify(lesson)}\n${JSON.stringify(checkIn('e2', 'M1'))}\n` });
    expect(nd.json()).toEqual({ accepted: 2, duplicates: 0 });
    const one = await app.inject({ method: 'POST', url: '/api/events', headers: asOperator, payload: checkIn('e3', 'M2') });
    expect(one.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('refuses a batch with any invalid event whole, naming each bad item', async () => {
    const before = app.services.store.counts().events;
    const res = await app.inject({
      method: 'POST',
      url: '/api/events',
      headers: asOperator,
      payload: [lesson, { id: 'x1', type: 'dues.paid', at: '2026-04-15T10:00:00+08:00', member: 'M404', month: '2026-04', amount: 10 }, { id: 'x2', type: 'nope', at: '2026-04-15T10:00:00+08:00' }, { id: 'x3', type: 'dues.paid', at: '2026-04-15T10:00:00+08:00', member: 'M1', month: '2026-04', amount: -5 }],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors.map((e: { index: number; id: string }) => [e.index, e.id])).toEqual([
      [1, 'x1'],
      [2, 'x2'],
      [3, 'x3'],
    ]);
    expect(body.errors[0].message).toMatch(/unknown member "M404"/);
    expect(app.services.store.counts().events).toBe(before);
  });

  it('requests arriving together share one commit, each validated after the ones before it', async () => {
    const audits = () => (app.services.store.db.prepare("SELECT COUNT(*) AS n FROM audit WHERE action = 'events'").get() as { n: number }).n;
    const auditsBefore = audits();
    const transactions = vi.spyOn(app.services.store, 'applyBatches');
    const post = (payload: object[]) => app.inject({ method: 'POST', url: '/api/events', headers: asOperator, payload });
    const bad = { id: 'x1', type: 'dues.paid', at: '2026-04-15T10:00:00+08:00', member: 'M404', month: '2026-04', amount: 10 };
    // The check-in refers to the meeting the request before it creates; the third request is bad.
    const [a, b, c, d] = await Promise.all([post([lesson]), post([checkIn('e2', 'M1')]), post([checkIn('e3', 'M2'), bad]), post([checkIn('e2', 'M1')])]);
    expect([a.statusCode, b.statusCode, c.statusCode, d.statusCode]).toEqual([200, 200, 400, 200]);
    expect(b.json()).toEqual({ accepted: 1, duplicates: 0 });
    expect(c.json().errors).toEqual([expect.objectContaining({ index: 1, id: 'x1' })]);
    expect(d.json()).toEqual({ accepted: 0, duplicates: 1 });
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(transactions.mock.calls[0][0]).toHaveLength(4);
    // Nothing of the refused request was written; one audit row per accepted request.
    const row = app.services.store.db.prepare("SELECT meetings, att_expected, att_present FROM org_month WHERE org_code='B1' AND month='2026-04' AND kind='party_lesson'").get();
    expect(row).toEqual({ meetings: 1, att_expected: 3, att_present: 1 });
    expect(audits() - auditsBefore).toBe(3);
  });

  it('refuses events in the future and before 2000', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/events', headers: asOperator, payload: [{ ...lesson, at: '2027-01-01T00:00:00+08:00' }, { ...lesson, id: 'e9', meetingId: 'L9', at: '1999-12-31T00:00:00+08:00' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { message: string }) => e.message)).toEqual([expect.stringMatching(/future/), expect.stringMatching(/before 2000/)]);
  });
});

describe('events API without an operator token', () => {
  it('is refused: 401 without a token, 403 with a leader token, and nothing is written', async () => {
    const before = app.services.store.counts().events;
    const event = { id: 'n1', type: 'dues.paid', at: '2026-04-15T10:00:00+08:00', member: 'M1', month: '2026-04', amount: 1 };
    expect((await app.inject({ method: 'POST', url: '/api/events', payload: [event] })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/events', headers: asLeader, payload: [event] })).statusCode).toBe(403);
    expect(app.services.store.counts().events).toBe(before);
  });
});

describe('import API', () => {
  const csv = (rows: string[]) => rows.join('\n') + '\n';
  it('imports CSV texts in one transaction and re-importing changes nothing', async () => {
    const files = {
      'members.csv': csv(['id,name,org_code,status', 'M10,周新,B2,full']),
      'meetings.csv': csv(['id,org_code,kind,held_at', 'X1,B2,theme_day,2026-04-10T15:00:00+08:00']),
    };
    const res = await app.inject({ method: 'POST', url: '/api/import', headers: asOperator, payload: { files } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, added: { members: 1, meetings: 1 } });
    const again = await app.inject({ method: 'POST', url: '/api/import', headers: asOperator, payload: { files } });
    expect(again.json()).toMatchObject({ added: { members: 0, meetings: 0 } });
  });

  it('refuses bad rows naming file, line, column and value, and writes nothing', async () => {
    const before = app.services.store.counts();
    const res = await app.inject({
      method: 'POST',
      url: '/api/import',
      headers: asOperator,
      payload: { files: { 'members.csv': csv(['id,name,org_code,status', 'M11,钱进,B2,full', 'M12,孙立,NOPE,full', 'M13,李四,B2,retired']) } },
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { file: string; line: number; column: string; value: string }[];
    expect(errors.map((e) => [e.file, e.line, e.column, e.value])).toEqual(
      expect.arrayContaining([
        ['members.csv', 4, 'status', 'retired'],
      ]),
    );
    expect(app.services.store.counts()).toEqual(before);
  });

  it('refuses a body that is not a workbook', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/import', headers: { ...asOperator, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: Buffer.from('not a zip') });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].reason).toMatch(/xlsx|workbook|zip/i);
  });
});

describe('hardening', () => {
  it('sends a CSP and no CORS headers, even when asked from another origin', async () => {
    const res = await app.inject({ url: '/api/health', headers: { origin: 'https://evil.example' } });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('rate-limits writes', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/events', headers: asOperator, payload: [] });
    expect(res.headers['x-ratelimit-limit']).toBe(String(WRITE_LIMIT_PER_MINUTE));
  });
});

describe('security headers', () => {
  it('are helmet\'s for our options, worked out once, on every answer (API, 404)', async () => {
    const headers = securityHeaders();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['strict-transport-security']).toBeUndefined();
    for (const url of ['/api/orgs/tree', '/nope']) {
      const res = await app.inject(url);
      for (const [name, value] of Object.entries(headers)) expect(res.headers[name], `${url} ${name}`).toBe(value);
    }
  });
});
