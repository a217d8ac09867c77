// The branch diagnosis for the tiny district, checked against values worked out by hand from the
// dataset and INDICATORS.md. Clock 2026-04-15 12:00 (+08:00), so the default month is 2026-03,
// evaluated as of its last instant, 2026-03-31T23:59:59.999+08:00: January and February are
// completed months, March is the current month of that evaluation. The dataset gets one extra
// 理论学习 (study) meeting in B1 in March, which touches no rate or score (study is neither a
// 三会一课 kind nor counted in attendance).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp(testConfig(), { clock: manualClock(parseInstant('2026-04-15T12:00:00+08:00')!) });
  const ds = tinyDataset();
  ds.meetings.push({ id: 'MT9', org_code: 'B1', kind: 'study', held_at: '2026-03-20T15:00:00+08:00', group_code: null, topic: '学习党章' });
  app.services.importDataset(ds);
});
afterAll(async () => app.close());

type Row = { id: string; value: number | null; district: number | null; rank: number | null; of: number };
const diagnosis = async (code: string, month?: string) => {
  const res = await app.inject(`/api/reports/diagnosis/${code}${month ? `?month=${month}` : ''}`);
  expect(res.statusCode).toBe(200);
  const body = res.json();
  return { ...body, row: (id: string) => body.rows.find((r: Row) => r.id === id) as Row };
};

describe('B1, March 2026 (the default month)', () => {
  it('is evaluated as of the end of March', async () => {
    const d = await diagnosis('B1');
    expect(d.month).toBe('2026-03');
    expect(d.asOf).toBe('2026-03-31T23:59:59+08:00');
    expect(d.org).toEqual({ code: 'B1', name: '东湖社区第一支部', parentName: '东湖街道党工委' });
  });

  it('三会一课 1/5, theme day 1/3, attendance 1/3: the rates by hand', async () => {
    const d = await diagnosis('B1', '2026-03');
    // Committee: Jan, Feb missed (0/2); March not yet fulfilled (MT3 is 1 April) → not counted.
    // Group G1: Jan, Feb missed, March held (MT2) → 1/3. General meeting and party lesson Q1 end
    // in March, the current month, unfulfilled → not counted. 1/5.
    expect(d.row('compliance.3m1l').value).toBeCloseTo(1 / 5, 12);
    // B2 has nothing required (founded 10 Feb, no committee, no group; its Q1 slots are current and
    // unfulfilled): the district is B1's 1/5 and only B1 is ranked.
    expect(d.row('compliance.3m1l')).toMatchObject({ district: expect.closeTo(1 / 5, 12), rank: 1, of: 1 });
    // Theme day: Jan, Feb missed, March MT1 → 1/3. B2: February missed, March current → 0/1.
    // District 1/4; B1 ranks first of two.
    expect(d.row('compliance.theme_day')).toMatchObject({ value: expect.closeTo(1 / 3, 12), district: expect.closeTo(1 / 4, 12), rank: 1, of: 2 });
    // MT1: M1 present, M2 on leave (not present), M3 expected and absent → 1/3; B2 held none (null).
    expect(d.row('attendance.rate')).toMatchObject({ value: expect.closeTo(1 / 3, 12), rank: 1, of: 1 });
  });

  it('dues: March 1/3 as of its end (M1 completed on 2 April), on time this year 0', async () => {
    const d = await diagnosis('B1', '2026-03');
    // M1 paid 4 of 10 by 31 March, M2 10, M3 nothing → 1/3. B2: M4 nothing → district 1/4.
    expect(d.row('dues.rate.2026-03')).toMatchObject({ value: expect.closeTo(1 / 3, 12), district: expect.closeTo(1 / 4, 12), rank: 1 });
    // Completed months of the year as of 31 March are January and February: nobody paid → 0.
    expect(d.row('dues.onTime.ytd')).toMatchObject({ value: 0, district: 0, rank: 1, of: 2 });
  });

  it('meeting counts of March and the district mean per branch', async () => {
    const d = await diagnosis('B1', '2026-03');
    expect(d.row('meetings.group_meeting.2026-03')).toMatchObject({ value: 1, district: 0.5, rank: 1 });
    expect(d.row('meetings.theme_day.2026-03')).toMatchObject({ value: 1, district: 0.5, rank: 1 });
    expect(d.row('meetings.study.2026-03')).toMatchObject({ value: 1, district: 0.5, rank: 1 });
    // MT3 (committee, 1 April 00:30) is not in March.
    expect(d.row('meetings.committee_meeting.2026-03')).toMatchObject({ value: 0, district: 0, rank: 1 });
  });

  it('score 100·(0.3·1/5 + 0.15·1/3 + 0.2·1/3 + 0.2·0 + 0.15·(1 − 1)) − 10, below the district', async () => {
    // Every B1 member has owed dues unpaid for ≥ 3 completed months → all red, red share 1; light red.
    const b1 = 100 * (0.3 * (1 / 5) + 0.15 * (1 / 3) + 0.2 * (1 / 3) + 0.2 * 0 + 0.15 * 0) - 10;
    // B2: null components count 1: 100·(0.3·1 + 0.15·0 + 0.2·1 + 0.2·0 + 0.15·1) − 10 = 55.
    // The district's score is the member-weighted mean (3·B1 + 1·B2) / 4.
    const d = await diagnosis('B1', '2026-03');
    expect(d.score).toBeCloseTo(b1, 9);
    expect(d.row('score')).toMatchObject({ value: expect.closeTo(b1, 9), district: expect.closeTo((3 * b1 + 55) / 4, 9), rank: 2, of: 2 });
    expect(d.shortfalls).toEqual(['你支部党建综合得分低于全区平均水平']);
  });

  it('every red/yellow reason of the light, each with the prescription for its rule and level', async () => {
    const d = await diagnosis('B1', '2026-03');
    expect(d.light).toBe('red');
    expect(d.reasons.map((r: { rule: string; level: string }) => `${r.rule}:${r.level}`)).toEqual(['redMembers:red', '3m1l:red', 'dues:red']);
    for (const r of d.reasons) {
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.prescription.length).toBeGreaterThan(5);
    }
  });

  it('a six-month score trend ending with the month itself', async () => {
    const d = await diagnosis('B1', '2026-03');
    expect(d.trend.map((t: { month: string }) => t.month)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(d.trend[5].score).toBeCloseTo(d.score, 9);
  });
});

describe('B2, March 2026: shortfalls in plain Chinese', () => {
  it('names every indicator below the district average', async () => {
    const d = await diagnosis('B2', '2026-03');
    expect(d.shortfalls).toEqual(
      expect.arrayContaining([
        '你支部主题党日完成率低于全区平均水平', // 0 < 1/4
        '你支部党费月度收缴率低于全区平均水平', // 0 < 1/4
        '你支部党小组会次数少于全区平均水平', // 0 < 0.5
        '你支部理论学习次数少于全区平均水平', // 0 < 0.5
      ]),
    );
    expect(d.shortfalls).not.toContain('你支部党建综合得分低于全区平均水平'); // 55 > 19.5
    expect(d.row('score').rank).toBe(1);
  });
});

describe('B1, January 2026: B2 (founded 10 February) is not compared', () => {
  it('the district mean and the ranks cover B1 only', async () => {
    const d = await diagnosis('B1', '2026-01');
    expect(d.asOf).toBe('2026-01-31T23:59:59+08:00');
    // Nothing was held in January; B2's zero counts would not change a mean of 0, so check `of`.
    expect(d.row('meetings.study.2026-01')).toMatchObject({ value: 0, district: 0, rank: 1, of: 1 });
    expect(d.row('score')).toMatchObject({ rank: 1, of: 1 });
    expect(d.row('score').district).toBeCloseTo(d.score, 9);
  });
});

describe('B2, April 2026 (the current month): reported as of now', () => {
  it('falls short of the district on dues paid on time', async () => {
    const d = await diagnosis('B2', '2026-04');
    expect(d.asOf).toBe('2026-04-15T12:00:00+08:00');
    // Completed months Jan–Mar. B1: only M2's March paid by its month end → 1/9. B2: M4 owes
    // February and March, paid neither → 0/2. District 1/11.
    expect(d.row('dues.onTime.ytd')).toMatchObject({ value: 0, district: expect.closeTo(1 / 11, 12), rank: 2, of: 2 });
    expect(d.shortfalls).toContain('你支部党费按时缴纳率低于全区平均水平');
    expect(d.trend[5].score).toBeCloseTo(d.score, 9);
  });
});

describe('errors', () => {
  it('404 for an unknown organisation, 400 for a non-branch or a bad month', async () => {
    const cases: [string, number][] = [
      ['/api/reports/diagnosis/NOPE', 404],
      ['/api/reports/diagnosis/C1', 400],
      ['/api/reports/diagnosis/D', 400],
      ['/api/reports/diagnosis/B1?month=2026-13', 400],
      ['/api/reports/diagnosis/B1?month=March', 400],
      ['/api/reports/diagnosis/B1?month=2026-05', 400],
    ];
    for (const [url, status] of cases) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(status);
      expect(res.json()).toEqual({ error: status === 404 ? 'not_found' : 'bad_request', message: expect.any(String) });
    }
  });
});

describe('the trend cache', () => {
  it('forgets month-end scores when the data changes', async () => {
    const before = (await diagnosis('B1', '2026-03')).trend[4].score; // February
    const ds = tinyDataset();
    ds.meetings.push({ id: 'MT10', org_code: 'B1', kind: 'theme_day', held_at: '2026-02-10T15:00:00+08:00', group_code: null, topic: null });
    for (const m of ['M1', 'M2', 'M3']) ds.attendance.push({ meeting_id: 'MT10', member_id: m, status: 'present', checked_in_at: null });
    app.services.importDataset(ds);
    // As of 28 February: theme day 1/2 instead of 0/2 (+0.15 × 50); attendance, null before (counts
    // 1), is now 3/3 = 1 (no change). So +7.5 points.
    expect((await diagnosis('B1', '2026-03')).trend[4].score).toBeCloseTo(before + 7.5, 9);
  });
});
