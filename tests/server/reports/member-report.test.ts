// The member report for the tiny district, against points worked out by hand from the dataset
// and INDICATORS.md (vanguard index: 1 per 三会一课/theme-day presence, 1 per month's dues paid on
// time, 2 per demonstration post, 0.5 per volunteer hour). Clock 2026-04-15 12:00 (+08:00).
//   M1: present at MT1 (theme day, 10 Mar) and MT3 (committee, 1 Apr) → 2; March dues 4 + 6,
//       full only on 2 April → not on time → 0; 3 volunteer hours → 1.5. Total 3.5.
//   M2: on leave at MT1 (not present), present at MT2 (group, 12 Mar) → 1; March paid 20 March
//       → 1; one demonstration post → 2. Total 4.
//   M3, M4: nothing → 0.
// Branch B1: M2 4, M1 3.5, M3 0. District: the same and M4 0 (M3 and M4 share third place).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';
import { asLeader, testTokensFile } from '../../helpers/tokens.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp(testConfig({ tokensFile: testTokensFile() }), { clock: manualClock(parseInstant('2026-04-15T12:00:00+08:00')!) });
  app.services.importDataset(tinyDataset());
});
afterAll(async () => app.close());

const report = async (id: string, query = '') => {
  const res = await app.inject({ url: `/api/reports/members/${id}${query}`, headers: asLeader });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const points = (r: { points: { items: { item: string; quantity: number; points: number }[] } }) =>
  Object.fromEntries(r.points.items.map((i) => [i.item, [i.quantity, i.points]]));

describe('member report', () => {
  it('M1: 3.5 points by item, second in the branch and the district, green', async () => {
    const r = await report('M1');
    expect(r.member).toEqual({ id: 'M1', name: '张建华', status: 'full', statusLabel: '正式党员', branch: { code: 'B1', name: '东湖社区第一支部' }, parentName: '东湖街道党工委' });
    expect(r).toMatchObject({ year: 2026, asOf: '2026-04-15T12:00:00+08:00', light: 'green', reasons: [] });
    expect(r.points.total).toBe(3.5);
    expect(points(r)).toEqual({ attendance: [2, 2], dues: [0, 0], demoPosts: [0, 0], volunteer: [3, 1.5] });
    expect(r.rank).toEqual({ branch: { rank: 2, of: 3 }, district: { rank: 2, of: 4 } });
  });

  it('M2: 4 points, first everywhere', async () => {
    const r = await report('M2');
    expect(r.points.total).toBe(4);
    expect(points(r)).toEqual({ attendance: [1, 1], dues: [1, 1], demoPosts: [1, 2], volunteer: [0, 0] });
    expect(r.rank).toEqual({ branch: { rank: 1, of: 3 }, district: { rank: 1, of: 4 } });
  });

  it('M3: no points, shares third place in the district with M4, red: no dues in the 12-month look-back, absent in March', async () => {
    const r = await report('M3');
    expect(r.points.total).toBe(0);
    expect(r.rank).toEqual({ branch: { rank: 3, of: 3 }, district: { rank: 3, of: 4 } });
    expect(r.light).toBe('red');
    expect(r.reasons.map((x: { level: string; message: string }) => [x.level, x.message])).toEqual([
      ['red', '党费连续12个月未缴 (2025-04, 2025-05, 2025-06, 2025-07, 2025-08, 2025-09, 2025-10, 2025-11, 2025-12, 2026-01, 2026-02, 2026-03)，有自行脱党风险'],
      ['yellow', '连续1个月未参加组织生活 (2026-03)'],
    ]);
    expect((await report('M4')).rank).toEqual({ branch: { rank: 1, of: 1 }, district: { rank: 3, of: 4 } });
  });

  it('as of an earlier instant (at=): before the April committee meeting M1 had 2.5', async () => {
    const r = await report('M1', '?at=2026-03-31T23:00:00%2B08:00');
    expect(points(r).attendance).toEqual([1, 1]);
    expect(r.points.total).toBe(2.5);
  });

  it('prints as an A4 page with the name escaped; unknown members are 404, no token 401', async () => {
    const page = await app.inject({ url: '/api/reports/members/M1', headers: { ...asLeader, accept: 'text/html' } });
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('党员锋领指数报告');
    expect(page.body).toContain('张建华');
    expect(page.body).toContain('@page { size: A4');
    expect((await app.inject({ url: '/api/reports/members/NOPE', headers: asLeader })).statusCode).toBe(404);
    expect((await app.inject('/api/reports/members/M1')).statusCode).toBe(401);
  });
});
