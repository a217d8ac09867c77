// The API's numbers for the tiny district, checked against values worked out by hand from
// INDICATORS.md. asOf = 2026-04-15 12:00 (Asia/Shanghai): Jan–Mar completed, April current.
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

const indicators = async (code: string, at?: string) =>
  (await app.inject(`/api/orgs/${code}/indicators${at ? `?at=${encodeURIComponent(at)}` : ''}`)).json();

describe('B1: committee, one group, three members', () => {
  it('三会一课 compliance is 2/9', async () => {
    // general Q1 0/1; committee Jan–Mar 0/3 + April (current, fulfilled by MT3 at 00:30 on
    // 1 April, which is 31 March in UTC) 1/1; group G1 Jan–Mar 1/3 (April unfulfilled: not
    // counted); party lesson Q1 0/1 → 2/9.
    const b = await indicators('B1');
    expect(b.indicators['compliance.3m1l']).toBeCloseTo(2 / 9, 12);
    expect(b.indicators['compliance.theme_day']).toBeCloseTo(1 / 3, 12); // Jan, Feb missed, Mar held
    expect(b.indicators['orgLife.gapMonths']).toBe(0); // a committee meeting in the current month
  });

  it('attendance counts leave as not present: 1 of 3 at the theme day', async () => {
    expect((await indicators('B1')).indicators['attendance.rate']).toBeCloseTo(1 / 3, 12);
  });

  it('dues: partial payments that add up count when they add up, on time only by month end', async () => {
    const b = await indicators('B1');
    expect(b.indicators['dues.rate.2026-01']).toBe(0);
    expect(b.indicators['dues.rate.2026-03']).toBeCloseTo(2 / 3, 12); // M1 (4 + 6, completed 2 April) and M2
    expect(b.indicators['dues.rate.ytd']).toBeCloseTo(2 / 9, 12);
    expect(b.indicators['dues.onTime.ytd']).toBeCloseTo(1 / 9, 12); // only M2 paid by 31 March
  });

  it('a payment after asOf does not exist yet: as of 1 April, M1 has not paid March', async () => {
    const b = await indicators('B1', '2026-04-01T12:00:00+08:00');
    expect(b.indicators['dues.rate.2026-03']).toBeCloseTo(1 / 3, 12);
  });

  it('the light is red with one reason per triggered rule', async () => {
    const b = await indicators('B1');
    expect(b.light.level).toBe('red');
    const byRule = Object.fromEntries(b.light.reasons.map((r: { rule: string; level: string }) => [r.rule, r.level]));
    // M3 never paid: red member, 1 of 3 = 33 % > 20 %; 3m1l 22 % < 60 %; March dues 67 % < 80 %;
    // task T1 due 31 March, 15 days overdue → yellow.
    expect(byRule).toEqual({ redMembers: 'red', '3m1l': 'red', dues: 'red', tasks: 'yellow' });
    for (const r of b.light.reasons) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('score = 100 × (0.30·2/9 + 0.15·1/3 + 0.20·1/3 + 0.20·2/9 + 0.15·2/3) − 10', async () => {
    const expected = 100 * (0.3 * (2 / 9) + 0.15 * (1 / 3) + 0.2 * (1 / 3) + 0.2 * (2 / 9) + 0.15 * (2 / 3)) - 10;
    expect((await indicators('B1')).indicators.score).toBeCloseTo(expected, 9);
  });

  it('members: names, lights, streaks for a leader', async () => {
    const res = await app.inject({ url: '/api/orgs/B1/members', headers: asLeader });
    const byId = Object.fromEntries(res.json().members.map((m: { id: string }) => [m.id, m]));
    expect(byId.M3).toMatchObject({ name: '王小明', status: 'probationary', absenceStreak: 1 });
    expect(byId.M3.light.level).toBe('red');
    expect(byId.M3.unpaidStreak).toBeGreaterThanOrEqual(3);
    expect(byId.M1).toMatchObject({ unpaidStreak: 0, absenceStreak: 0 });
    // M1: present at MT1 (theme) and MT3 (committee) → 2; no on-time month (March completed 2 April); 3 h × 0.5.
    expect(byId.M1.vanguard).toBeCloseTo(2 + 0 + 1.5, 9);
  });
});

describe('B2: founded 10 February, no committee, no groups', () => {
  it('months before founding do not count; nothing held since → gap 2, not 3', async () => {
    const b = await indicators('B2');
    expect(b.indicators['orgLife.gapMonths']).toBe(2); // March, February; January is before founding
    expect(b.indicators['compliance.3m1l']).toBe(0); // general Q1 and lesson Q1: 0 of 2
    expect(b.indicators['attendance.rate']).toBe(null); // no meeting expected anyone
  });
});

describe('C1 and the district roll up by summing parts, never averaging rates', () => {
  it('compliance is (2 + 0) / (9 + 2), not the mean of 22 % and 0 %', async () => {
    const c = await indicators('C1');
    expect(c.indicators['compliance.3m1l']).toBeCloseTo(2 / 11, 12);
    expect(c.indicators['dues.rate.ytd']).toBeCloseTo(2 / 11, 12); // B2 owes February and March
    expect(c.light.level).toBe('red'); // both branches red > 20 %
    const d = await indicators('D');
    expect(d.indicators['compliance.3m1l']).toBeCloseTo(2 / 11, 12);
  });

  it('rankings sort by score: B2 (25) above B1 (22.78)', async () => {
    const res = await app.inject('/api/rankings?scope=D');
    expect(res.json().map((r: { code: string; rank: number }) => [r.rank, r.code])).toEqual([
      [1, 'B2'],
      [2, 'B1'],
    ]);
    expect(res.json()[0].score).toBeCloseTo(25, 9);
  });

  it('the snapshot shows the same numbers as the indicators', async () => {
    const snap = (await app.inject('/api/snapshot?scope=C1')).json();
    expect(snap.kpis.compliance3m1l).toBeCloseTo(2 / 11, 12);
    expect(snap.kpis.lights).toEqual({ red: 2, yellow: 0, green: 0, grey: 0 });
    expect(JSON.stringify(snap)).not.toContain('王小明');
  });
});
