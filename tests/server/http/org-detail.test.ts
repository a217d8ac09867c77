// GET /api/orgs/:code/detail on the tiny district, as of 2026-04-15 12:00 (Asia/Shanghai): the
// twelve months 2025-05 … 2026-04, figures worked out by hand from tiny-dataset.ts, and the
// public profile's masking against the leader's real names.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import type { OrgDetail } from '../../../shared/org-detail.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';
import { asLeader, asOperator, testTokensFile } from '../../helpers/tokens.ts';

const NOW = parseInstant('2026-04-15T12:00:00+08:00')!;
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp(testConfig({ tokensFile: testTokensFile() }), { clock: manualClock(NOW) });
  app.services.importDataset(tinyDataset());
});
afterAll(async () => app.close());

const detail = async (code: string, headers: Record<string, string> = {}): Promise<OrgDetail> => {
  const res = await app.inject({ url: `/api/orgs/${code}/detail`, headers });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const at = (d: OrgDetail, month: string) => d.months.indexOf(month);

describe('GET /api/orgs/:code/detail', () => {
  it('twelve months up to the current one; the calendar counts B1’s three meetings where they were held', async () => {
    const d = await detail('B1');
    expect(d.months).toHaveLength(12);
    expect(d.months[0]).toBe('2025-05');
    expect(d.months[11]).toBe('2026-04');
    expect(d.meetings.theme_day[at(d, '2026-03')]).toBe(1);
    expect(d.meetings.group_meeting[at(d, '2026-03')]).toBe(1);
    // 00:30 on 1 April in Shanghai is April, whatever UTC says
    expect(d.meetings.committee_meeting[at(d, '2026-04')]).toBe(1);
    expect(d.meetings.committee_meeting[at(d, '2026-03')]).toBe(0);
    const total = Object.values(d.meetings).flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(3);
  });

  it('dues by month: March 2 of 3 paid, 1 of 3 on time; months before nothing paid', async () => {
    const d = await detail('B1');
    expect(d.dues.rate[at(d, '2026-03')]).toBeCloseTo(2 / 3, 12);
    expect(d.dues.onTime[at(d, '2026-03')]).toBeCloseTo(1 / 3, 12);
    expect(d.dues.rate[at(d, '2025-05')]).toBe(0);
    expect(d.dues.rate[at(d, '2026-04')]).toBe(0); // the current month, nobody has paid yet
  });

  it('the committee sums its branches: B2 (founded 10 February) owes from February', async () => {
    const d = await detail('C1');
    expect(d.dues.rate[at(d, '2026-03')]).toBeCloseTo(2 / 4, 12);
    expect(d.dues.onTime[at(d, '2026-03')]).toBeCloseTo(1 / 4, 12);
    expect(d.dues.rate[at(d, '2026-01')]).toBe(0);
    expect(d.meetings.theme_day[at(d, '2026-03')]).toBe(1);
    expect(d.members).toBeNull();
    expect(d.org).toEqual({ code: 'C1', name: '东湖街道党工委', type: 'committee', parentCode: 'D' });
  });

  it('tasks with due dates: T1 due 31 March is 15 days overdue', async () => {
    const d = await detail('C1');
    expect(d.tasks).toMatchObject({ total: 1, done: 0, open: 0, overdue: 1 });
    expect(d.tasks.items[0]).toMatchObject({ id: 'T1', title: '完成换届选举准备', dueOn: '2026-03-31', completedOn: null, status: 'overdue', overdueDays: 15 });
  });

  it('the light is the evaluation’s, with every reason and since when', async () => {
    const d = await detail('B1');
    const ind = (await app.inject('/api/orgs/B1/indicators')).json();
    expect(d.light.level).toBe('red');
    expect(d.light.reasons).toEqual(ind.light.reasons);
    expect(d.light.reasons.map((r) => r.rule).sort()).toEqual(['3m1l', 'dues', 'redMembers', 'tasks']);
    expect(d.light.since).toBe(NOW);
    // The rules it passed follow the reasons; a branch has no branch breakdown.
    expect(d.light.checks.map((c) => c.rule)).toEqual(['orgLife', 'term', 'probation', 'structure']);
    expect(d.branchRules).toBeNull();
  });

  it('above a branch: how many branches each rule turned red or yellow, the reddest rules first', async () => {
    const [c1, b1, b2] = await Promise.all([detail('C1'), detail('B1'), detail('B2')]);
    const count = (rule: string, level: 'red' | 'yellow') => [b1, b2].filter((b) => b.light.reasons.some((r) => r.rule === rule && r.level === level)).length;
    const rules = new Set([...b1.light.reasons, ...b2.light.reasons].map((r) => r.rule));
    expect(c1.branchRules).toHaveLength(rules.size);
    for (const c of c1.branchRules!) expect(c).toEqual({ rule: c.rule, red: count(c.rule, 'red'), yellow: count(c.rule, 'yellow') });
    const order = c1.branchRules!.map((c) => [c.red, c.yellow]);
    expect(order).toEqual([...order].sort((a, b) => b[0] - a[0] || b[1] - a[1]));
    expect(c1.branchRules![0].red).toBeGreaterThan(0);
  });

  it('leader: real names and ids; each member’s streaks and vanguard points, reddest first', async () => {
    const d = await detail('B1', asLeader);
    expect(d.profile).toBe('leader');
    expect(d.members![0]).toMatchObject({ id: 'M3', name: '王小明', light: 'red' });
    expect(d.members!.slice(1).map((m) => [m.name, m.light]).sort()).toEqual([['张建华', 'green'], ['李梅', 'green']].sort());
    const m3 = d.members!.find((m) => m.id === 'M3')!;
    // never paid: every completed month back to the edge of the 12-month look-back
    expect(m3.unpaidStreak).toBe(12);
    expect(m3.absenceStreak).toBe(1); // expected at the March theme day, absent; no other expectations
    expect(m3.vanguard).toBe(0);
    // M1: theme day 1 + committee meeting 1 + 3 volunteer hours × 0.5; March paid late (no point)
    expect(d.members!.find((m) => m.id === 'M1')!.vanguard).toBe(3.5);
    // M2: group meeting 1 + demonstration post 2 + March paid on time 1
    expect(d.members!.find((m) => m.id === 'M2')!.vanguard).toBe(4);
    const members = (await app.inject({ url: '/api/orgs/B1/members', headers: asLeader })).json().members;
    for (const m of members) expect(d.members!.find((x) => x.id === m.id)).toMatchObject({ unpaidStreak: m.unpaidStreak, absenceStreak: m.absenceStreak, vanguard: m.vanguard });
  });

  it('public: masked names and no ids, the same figures', async () => {
    const pub = await detail('B1');
    const lead = await detail('B1', asLeader);
    expect(pub.profile).toBe('public');
    expect(pub.members!.map((m) => m.name).sort()).toEqual(['张*华', '李*', '王*明'].sort());
    expect(pub.members!.every((m) => m.id === null)).toBe(true);
    const body = JSON.stringify(pub);
    for (const real of ['张建华', '李梅', '王小明', 'M1', 'M2', 'M3', '13800000000']) expect(body).not.toContain(real);
    expect(pub.members!.map((m) => m.vanguard).sort()).toEqual(lead.members!.map((m) => m.vanguard).sort());
    // the small branch B1 (3 members < 5) is not named to the public next to its overdue task
    expect((await detail('C1')).tasks.items[0].orgName).toBe('东湖街道党工委下属支部');
    expect((await detail('C1', asLeader)).tasks.items[0].orgName).toBe('东湖社区第一支部');
  });

  it('a new event shows at once, though the frozen clock keeps the instant', async () => {
    const before = await detail('B1');
    const res = await app.inject({
      method: 'POST',
      url: '/api/events',
      headers: asOperator,
      payload: { id: 'E9', type: 'meeting.held', at: '2026-04-10T15:00:00+08:00', meetingId: 'MT9', org: 'B1', kind: 'party_lesson' },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const after = await detail('B1');
    expect(after.asOf).toBe(before.asOf);
    expect(after.meetings.party_lesson[at(after, '2026-04')]).toBe(1);
  });

  it('an unknown organisation is 404 and a bad token 401', async () => {
    expect((await app.inject('/api/orgs/NOPE/detail')).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/orgs/B1/detail', headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
  });
});
