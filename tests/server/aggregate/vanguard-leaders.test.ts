// The wall's 先锋指数榜: a scope's members with the most vanguard points this year, equal points
// sharing a rank, at most ten, only the scope's own members, and on the public wall masked names
// beside the branch as the snapshot names it elsewhere. Leaders see names; nobody sees an id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import type { Evaluation } from '../../../server/aggregate/engine.ts';
import { scopeLeaders } from '../../../server/aggregate/vanguard-leaders.ts';
import { createServices, type Services } from '../../../server/services.ts';
import type { MemberResult } from '../../../shared/model.ts';
import { topByPoints } from '../../../shared/rules/index.ts';
import type { Dataset } from '../../../shared/domain.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { VANGUARD_LEADERS } from '../../../shared/snapshot.ts';
import { member, tinyDataset } from '../../helpers/tiny-dataset.ts';

const NOW = parseInstant('2026-04-15T12:00:00+08:00')!;
// Volunteer hours (0.5 points each) of eleven members of a second committee's branch W1; in
// C1, 李梅 (M2) has 4 points and 张建华 (M1) 3.5 (tiny-dataset.ts), the others none.
const WEST: [string, string, number][] = [
  ['W01', '欧阳娜娜', 16],
  ['W02', '孙丽', 16],
  ['W03', '周国庆', 14],
  ['W04', '吴芳', 12],
  ['W05', '郑海涛', 12],
  ['W06', '冯雪', 12],
  ['W07', '陈志刚', 10],
  ['W08', '褚红', 8],
  ['W09', '卫东', 6],
  ['W10', '蒋文', 4],
  ['W11', '沈阳光', 2],
];

function dataset(): Dataset {
  const ds = tinyDataset();
  ds.orgs.push(
    { code: 'C2', name: '西湖街道党工委', type: 'committee', parent_code: 'D', category: 'community', established_on: '2000-01-01', term_started_on: '2023-01-01', term_years: 5, has_committee: true, region: '西湖街道', lng: 121.6, lat: 29.9 },
    { code: 'W1', name: '西湖社区第一支部', type: 'branch', parent_code: 'C2', category: 'community', established_on: '2010-01-01', term_started_on: '2024-03-01', term_years: 3, has_committee: true, region: '西湖街道', lng: 121.61, lat: 29.91 },
  );
  for (const [id, name, hours] of WEST) {
    ds.members.push(member(id, name, 'W1'));
    ds.activities.push({ id: `V-${id}`, member_id: id, kind: 'volunteer', hours, at: '2026-03-20T09:00:00+08:00' });
  }
  return ds;
}

let s: Services;
beforeAll(() => {
  s = createServices(testConfig(), { clock: manualClock(NOW) });
  s.importDataset(dataset());
});
afterAll(() => s.close());

describe('vanguard leaders in the snapshot', () => {
  it('are the scope\u2019s best ten by points, equal points sharing a rank, ties in member-id order', () => {
    const leaders = s.snapshot('D', 'leader').vanguardLeaders;
    expect(leaders).toHaveLength(VANGUARD_LEADERS);
    expect(leaders.map((l) => [l.rank, l.name, l.points])).toEqual([
      [1, '欧阳娜娜', 8],
      [1, '孙丽', 8],
      [3, '周国庆', 7],
      [4, '吴芳', 6],
      [4, '郑海涛', 6],
      [4, '冯雪', 6],
      [7, '陈志刚', 5],
      [8, '李梅', 4], // M2 before W08 at equal points
      [8, '褚红', 4],
      [10, '张建华', 3.5],
    ]);
    expect(leaders.find((l) => l.name === '李梅')?.orgName).toBe('东湖社区第一支部');
  });

  it('list only the scope\u2019s own members, and leave out members without points', () => {
    expect(s.snapshot('C1', 'leader').vanguardLeaders.map((l) => [l.rank, l.name, l.points])).toEqual([
      [1, '李梅', 4],
      [2, '张建华', 3.5],
    ]);
    expect(s.snapshot('C2', 'leader').vanguardLeaders.map((l) => l.name)).toEqual(WEST.slice(0, 10).map(([, name]) => name));
    expect(s.snapshot('B2', 'leader').vanguardLeaders).toEqual([]); // 赵强 has no points yet
  });

  it('are masked on the public wall (张*华, 李*), beside the branch named as its light allows', () => {
    const pub = s.snapshot('D', 'public').vanguardLeaders;
    expect(pub.map((l) => l.name)).toEqual(['欧**娜', '孙*', '周*庆', '吴*', '郑*涛', '冯*', '陈*刚', '李*', '褚*', '张*华']);
    // B1 has three members and a red light: the public wall names it by its parent everywhere.
    expect(pub.find((l) => l.name === '张*华')?.orgName).toBe('东湖街道党工委下属支部');
    expect(pub.find((l) => l.name === '孙*')?.orgName).toBe('西湖社区第一支部');
    const json = JSON.stringify(s.snapshot('D', 'public'));
    for (const name of [...WEST.map(([, n]) => n), '张建华', '李梅', '王小明', '赵强']) expect(json).not.toContain(name);
    for (const l of pub) expect(Object.keys(l).sort()).toEqual(['name', 'orgName', 'points', 'rank']);
  });

  it('follow new points at once, in the touched scopes and not in others', () => {
    const west = s.snapshot('C2', 'public').vanguardLeaders;
    const res = s.ingest([{ id: 'vl-1', type: 'activity.logged', at: '2026-04-15T09:00:00+08:00', member: 'M3', kind: 'demo_post' }]);
    expect(res).toMatchObject({ ok: true, accepted: 1 });
    expect(s.snapshot('C1', 'leader').vanguardLeaders.map((l) => [l.rank, l.name, l.points])).toEqual([
      [1, '李梅', 4],
      [2, '张建华', 3.5],
      [3, '王小明', 2],
    ]);
    expect(s.snapshot('D', 'public').vanguardLeaders.at(-1)).toEqual({ rank: 10, name: '张*华', orgName: '东湖街道党工委下属支部', points: 3.5 });
    expect(s.snapshot('C2', 'public').vanguardLeaders).toEqual(west);
    // An evaluation as of another instant has its own leaders (in February nobody had points yet).
    expect(s.snapshot('D', 'leader', s.live.at(parseInstant('2026-02-01T12:00:00+08:00')!)).vanguardLeaders).toEqual([]);
    expect(s.snapshot('D', 'leader').vanguardLeaders).toHaveLength(VANGUARD_LEADERS);
  });
});

describe('scopeLeaders over many branches', () => {
  // A district of 40 branches with points from a fixed sequence (many ties): reading each
  // branch's kept best down to the floor gives exactly what ranking every member would.
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const result = (id: string, vanguard: number) => ({ id, name: id, vanguard }) as MemberResult;
  const members = new Map<string, MemberResult[]>();
  for (let b = 0; b < 40; b++) members.set(`B${b}`, Array.from({ length: 3 + Math.floor(next() * 25) }, (_, i) => result(`M${b}-${i}`, Math.floor(next() * 30) / 2)));
  const ev = { asOf: NOW, orgs: new Map(), members } as Evaluation;
  const everyone = (branches: string[]) => branches.flatMap((org) => members.get(org)!.map((m) => ({ id: m.id, name: m.name, org, points: m.vanguard })));

  it('equal the ranking of every member, for the whole district and for a part of it', () => {
    const all = [...members.keys()];
    expect(scopeLeaders(ev, all)).toEqual(topByPoints(everyone(all), VANGUARD_LEADERS));
    expect(scopeLeaders(ev, all.slice(5, 9))).toEqual(topByPoints(everyone(all.slice(5, 9)), VANGUARD_LEADERS));
    expect(scopeLeaders(ev, [])).toEqual([]);
  });

  it('see a branch\'s new results (the evaluation replaces its array)', () => {
    const all = [...members.keys()];
    members.set('B3', [...members.get('B3')!, result('NEW', 99)]);
    expect(scopeLeaders(ev, all)[0]).toMatchObject({ id: 'NEW', org: 'B3', rank: 1, points: 99 });
  });
});
