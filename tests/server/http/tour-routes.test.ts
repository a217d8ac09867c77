// GET /api/tour is public; PUT needs an operator, refuses a bad tour naming the key, persists to
// the operator's file, is audited, and reaches a connected wall as `tour:config`.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { parseInstant } from '../../../shared/periods.ts';
import type { TourConfig } from '../../../shared/tour.ts';
import { connectWall } from '../../helpers/live-client.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';
import { asLeader, asOperator, testTokensFile } from '../../helpers/tokens.ts';

const tourFile = join(mkdtempSync(join(tmpdir(), 'tour-routes-')), 'tour.json');
const first = { scenes: [{ kind: 'overview', durationSeconds: 30, caption: { zh: '总览', en: 'Overview' } }] };
const next = { idleResumeSeconds: 45, scenes: [{ kind: 'dues', durationSeconds: 12, caption: { zh: '党费', en: 'Dues' } }] };
let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  writeFileSync(tourFile, JSON.stringify(first));
  app = await buildApp(testConfig({ tokensFile: testTokensFile(), tourFile }), { clock: manualClock(parseInstant('2026-04-15T12:00:00+08:00')!) });
  app.services.importDataset(tinyDataset());
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => app.close());

const put = (body: unknown, headers: Record<string, string> = asOperator) =>
  app.inject({ method: 'PUT', url: '/api/tour', headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });

describe('/api/tour', () => {
  it('serves the tour file to anyone, with defaults filled', async () => {
    const res = await app.inject({ url: '/api/tour' });
    expect(res.statusCode).toBe(200);
    const tour = res.json() as TourConfig;
    expect(tour.scenes).toEqual(first.scenes);
    expect(tour.idleResumeSeconds).toBe(60);
  });

  it('lets only an operator replace it', async () => {
    expect((await put(next, {})).statusCode).toBe(401);
    expect((await put(next, asLeader)).statusCode).toBe(403);
  });

  it('refuses a bad tour whole, naming the key, and keeps the old one', async () => {
    const res = await put({ scenes: [{ ...next.scenes[0], durationSeconds: -1 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_tour' });
    expect(res.json().errors.join()).toContain('scenes[0].durationSeconds');
    expect((await app.inject({ url: '/api/tour' })).json().scenes).toEqual(first.scenes);
  });

  it('replaces, persists, audits and pushes the tour to walls', async () => {
    const wall = connectWall(url);
    await wall.waitFor(() => wall.socket.connected);
    const pushed = new Promise<TourConfig>((resolve) => wall.socket.on('tour:config', resolve));
    const res = await put(next);
    expect(res.statusCode).toBe(200);
    expect((await pushed).scenes).toEqual(next.scenes);
    expect((await app.inject({ url: '/api/tour' })).json()).toMatchObject(next);
    expect(JSON.parse(readFileSync(tourFile, 'utf8'))).toMatchObject(next);
    const audit = (await app.inject({ url: '/api/audit', headers: asOperator })).json().entries;
    expect(audit[0]).toMatchObject({ who: 'test-operator', action: 'tour', rows: 1, detail: { scenes: ['dues'] } });
    wall.close();
  });
});
