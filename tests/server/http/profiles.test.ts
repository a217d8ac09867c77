// Every route's profile matrix with real tokens (hashed in a tokens file), no development switch.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { hashToken } from '../../../server/http/auth.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';

const TOKENS = { leader: 'leader-secret-token', operator: 'operator-secret-token' };
let app: FastifyInstance;

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tokens-')), 'tokens.json');
  writeFileSync(
    file,
    JSON.stringify({
      tokens: [
        { name: 'inspection-tablet', profile: 'leader', sha256: hashToken(TOKENS.leader) },
        { name: 'ops-desk', profile: 'operator', sha256: hashToken(TOKENS.operator) },
      ],
    }),
  );
  app = await buildApp(testConfig({ tokensFile: file }), { clock: manualClock(parseInstant('2026-04-15T12:00:00+08:00')!) });
  app.services.importDataset(tinyDataset());
});
afterAll(async () => app.close());

type Who = 'none' | 'leader' | 'operator' | 'wrong';
const headers = (who: Who): Record<string, string> =>
  who === 'none' ? {} : { authorization: `Bearer ${who === 'wrong' ? 'not-a-token' : TOKENS[who]}` };

const event = [{ id: 'pm-1', type: 'dues.paid', at: '2026-04-15T10:00:00+08:00', member: 'M1', month: '2026-04', amount: 1 }];
const routes: [string, string, unknown, Record<Who, number>][] = [
  ['GET', '/api/health', undefined, { none: 200, leader: 200, operator: 200, wrong: 200 }],
  ['GET', '/api/orgs/tree', undefined, { none: 200, leader: 200, operator: 200, wrong: 200 }],
  ['GET', '/api/orgs/B1/indicators', undefined, { none: 200, leader: 200, operator: 200, wrong: 200 }],
  ['GET', '/api/rankings', undefined, { none: 200, leader: 200, operator: 200, wrong: 200 }],
  ['GET', '/api/reports/diagnosis/B1', undefined, { none: 200, leader: 200, operator: 200, wrong: 200 }],
  ['GET', '/api/export/statistics.xlsx', undefined, { none: 401, leader: 200, operator: 200, wrong: 401 }],
  ['GET', '/api/export/raw.xlsx', undefined, { none: 401, leader: 200, operator: 200, wrong: 401 }],
  ['GET', '/api/reports/members/M1', undefined, { none: 401, leader: 200, operator: 200, wrong: 401 }],
  ['GET', '/api/reports/batches', undefined, { none: 401, leader: 200, operator: 200, wrong: 401 }],
  ['GET', '/api/orgs/B1/members', undefined, { none: 401, leader: 200, operator: 200, wrong: 401 }],
  ['GET', '/api/snapshot?scope=B1', undefined, { none: 200, leader: 200, operator: 200, wrong: 401 }],
  ['POST', '/api/events', event, { none: 401, leader: 403, operator: 200, wrong: 401 }],
  ['POST', '/api/import', { files: { 'tasks.csv': 'id,org_code,title,due_on\nPT1,B1,学习计划,2026-06-30\n' } }, { none: 401, leader: 403, operator: 200, wrong: 401 }],
  ['GET', '/api/audit', undefined, { none: 401, leader: 403, operator: 200, wrong: 401 }],
  // Login reads the token from the body, whatever the header: any caller may ask, a wrong token is 401.
  ['POST', '/api/login', { token: TOKENS.leader }, { none: 200, leader: 200, operator: 200, wrong: 200 }],
  ['POST', '/api/login', { token: 'not-a-token' }, { none: 401, leader: 401, operator: 401, wrong: 401 }],
  // A leader may claim a pairing code (this one was never issued).
  ['POST', '/api/pair', { code: '000000' }, { none: 401, leader: 404, operator: 404, wrong: 401 }],
];
const cases = routes.flatMap(([method, url, payload, expect]) => (Object.keys(expect) as Who[]).map((who) => [method, url, who, expect[who], payload] as const));

describe('profile matrix', () => {
  it.each(cases)('%s %s as %s → %i', async (method, url, who, status, payload) => {
    const res = await app.inject({ method: method as 'GET' | 'POST', url, headers: headers(who), payload: payload as object | undefined });
    expect(res.statusCode).toBe(status);
    if (status >= 400) expect(res.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  });

  it('a public snapshot carries no personal names; a leader sees members by name', async () => {
    const pub = await app.inject('/api/snapshot?scope=B1');
    expect(pub.body).not.toMatch(/张建华|李梅|王小明|13800000000/);
    const members = await app.inject({ url: '/api/orgs/B1/members', headers: headers('leader') });
    expect(members.body).toContain('张建华');
    expect(members.body).not.toContain('13800000000');
  });

  it('writes are audited with the token name', async () => {
    const res = await app.inject({ url: '/api/audit', headers: headers('operator') });
    const entries = res.json().entries as { who: string; action: string; rows: number }[];
    expect(entries).toEqual(expect.arrayContaining([expect.objectContaining({ who: 'ops-desk', action: 'events', rows: 1 }), expect.objectContaining({ who: 'ops-desk', action: 'import' })]));
  });
});
