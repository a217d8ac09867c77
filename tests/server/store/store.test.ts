import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseInstant } from '../../../shared/periods.ts';
import { orgTree } from '../../../server/http/health-routes.ts';
import { LoadedOnFirstUse } from '../../../server/store/directory.ts';
import { putMember } from '../../../server/store/fact-ops.ts';
import { inWriteTransaction } from '../../../server/store/write-context.ts';
import type { MemberRow } from '../../../shared/domain.ts';
import { createStore, type Store } from '../../../server/store/store.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';

let store: Store;
afterEach(() => store?.close());

const mm = (s: Store, member: string, month: string) =>
  s.db.prepare('SELECT * FROM member_month WHERE member_id = ? AND month = ?').get(member, month) as Record<string, number | null> | undefined;
const om = (s: Store, org: string, month: string, kind: string) =>
  s.db.prepare('SELECT * FROM org_month WHERE org_code = ? AND month = ? AND kind = ?').get(org, month, kind) as Record<string, number> | undefined;

describe('store: migrations', () => {
  it('creates the schema and records its version', () => {
    store = createStore(':memory:');
    const newest = Math.max(...readdirSync('server/store/migrations').map((f) => Number(f.slice(0, 3))));
    expect(newest).toBeGreaterThanOrEqual(5);
    expect(store.db.pragma('user_version', { simple: true })).toBe(newest);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('memory');
  });
});

describe('store: import keeps rollups in step with facts', () => {
  it('imports the tree, members and their first branch stay', () => {
    store = createStore(':memory:');
    const res = store.importDataset(tinyDataset());
    expect(res.added.orgs).toBe(4);
    expect(res.added.members).toBe(4);
    expect(store.dir.root).toBe('D');
    expect(store.dir.orgs.get('C1')!.children).toEqual(['B1', 'B2']);
    expect(store.dir.orgs.get('B1')!.groups).toEqual(['G1']);
    expect(store.dir.members.get('M4')!.stays).toEqual([{ org: 'B2', since: parseInstant('2026-02-10T00:00:00+08:00'), until: null }]);
  });

  it('counts who was expected: branch for theme days, the group for group meetings, the committee for committee meetings', () => {
    store = createStore(':memory:');
    store.importDataset(tinyDataset());
    expect(mm(store, 'M1', '2026-03')).toMatchObject({ expected: 2, present: 1, excused: 0, present_points: 1 });
    expect(mm(store, 'M2', '2026-03')).toMatchObject({ expected: 2, present: 1, excused: 1, present_points: 1 });
    expect(mm(store, 'M3', '2026-03')).toMatchObject({ expected: 1, present: 0, excused: 0 });
    // 00:30 on 1 April in Shanghai is still 31 March in UTC: it belongs to April.
    expect(mm(store, 'M1', '2026-04')).toMatchObject({ expected: 1, present: 1 });
    expect(om(store, 'B1', '2026-03', 'theme_day')).toMatchObject({ meetings: 1, att_expected: 3, att_present: 1 });
    expect(om(store, 'B1', '2026-04', 'committee_meeting')).toMatchObject({ meetings: 1, att_expected: 0 });
  });

  it('marks a month paid when partial payments add up, at the instant they do', () => {
    store = createStore(':memory:');
    store.importDataset(tinyDataset());
    expect(mm(store, 'M1', '2026-03')).toMatchObject({ paid: 10, paid_full_at: parseInstant('2026-04-02T10:00:00+08:00') });
    expect(mm(store, 'M2', '2026-03')).toMatchObject({ paid: 10, paid_full_at: parseInstant('2026-03-20T10:00:00+08:00') });
  });

  it('rolls volunteer hours and demonstration posts into the member month', () => {
    store = createStore(':memory:');
    store.importDataset(tinyDataset());
    expect(mm(store, 'M1', '2026-03')).toMatchObject({ volunteer_hours: 3, demo_posts: 0 });
    expect(mm(store, 'M2', '2026-03')).toMatchObject({ demo_posts: 1 });
  });

  it('re-importing the same rows changes nothing', () => {
    store = createStore(':memory:');
    store.importDataset(tinyDataset());
    const before = store.db.prepare('SELECT * FROM member_month ORDER BY 1, 2').all();
    const again = store.importDataset(tinyDataset());
    expect(again.added).toMatchObject({ members: 0, meetings: 0, attendance: 0, dues: 0, activities: 0 });
    expect(store.db.prepare('SELECT * FROM member_month ORDER BY 1, 2').all()).toEqual(before);
  });

  it('a failing import writes nothing and leaves the directory as it was', () => {
    store = createStore(':memory:');
    store.importDataset(tinyDataset());
    const bad = tinyDataset();
    bad.members.push({ ...bad.members[0], id: 'M9', name: '新成员' });
    bad.attendance.push({ meeting_id: 'NOPE', member_id: 'M9', status: 'present', checked_in_at: null });
    expect(() => store.importDataset(bad)).toThrow(/unknown meeting/);
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM members WHERE id = 'M9'").get()).toEqual({ n: 0 });
    expect(store.dir.members.has('M9')).toBe(false);
    expect(store.dir.members.size).toBe(4);
  });
});

describe('store: members read on first use', () => {
  function reopened(): Store {
    const file = join(mkdtempSync(join(tmpdir(), 'vanguard-lazy-')), 'lazy.db');
    const first = createStore(file);
    first.importDataset(tinyDataset());
    first.close();
    return createStore(file);
  }
  // Map's own size getter, which the lazy map's override (the one that loads) does not run.
  const held = (m: Map<unknown, unknown>) => Reflect.get(Map.prototype, 'size', m) as number;

  it('answers the tree without reading members, then reads them once on first use', () => {
    store = reopened();
    expect(orgTree(store.dir)!.children.map((c) => c.code)).toEqual(['C1']);
    expect(store.dir.members).toBeInstanceOf(LoadedOnFirstUse);
    expect(held(store.dir.members)).toBe(0);
    expect(held(store.dir.staysByBranch)).toBe(0);
    expect(store.dir.members.get('M1')!.name).toBeTruthy();
    expect(held(store.dir.members)).toBe(4);
    expect(store.dir.staysByBranch.get('B2')).toEqual(new Set(['M4']));
    expect([...store.dir.members.keys()].sort()).toEqual(['M1', 'M2', 'M3', 'M4']);
  });

  it('reads members before a write transaction: they are what was committed, not the write\'s own rows', () => {
    store = reopened();
    const row: MemberRow = {
      id: 'M9', name: '王小明', org_code: 'B2', status: 'full', gender: null, birth_date: null, joined_on: null, org_since: '2026-04-01',
      group_code: null, probation_started_on: null, dues_monthly: null, monthly_income: null, income_kind: null, on_committee: false,
      education: null, is_mobile: false, phone: null,
    };
    // The first touch of the members comes inside the transaction, after rows were written: the
    // directory must still be what was committed before it (the ops then add their own change).
    inWriteTransaction(store.db, store.dir, (ctx) => {
      ctx.w.insertStay.run('M4', 'B1', parseInstant('2026-04-01T00:00:00+08:00'));
      expect(ctx.dir.members.get('M4')!.stays).toHaveLength(1);
      return putMember(ctx, row, 0);
    });
    expect(store.dir.members.size).toBe(5);
    expect(store.dir.members.get('M9')!.stays).toHaveLength(1);
    expect(store.dir.staysByBranch.get('B2')).toEqual(new Set(['M4', 'M9']));
  });
});
