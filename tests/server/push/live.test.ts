// The socket protocol end to end: real server on port 0, real socket.io-clients.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';
import { connectWall, type TestWall } from '../../helpers/live-client.ts';
import { asOperator, testTokensFile } from '../../helpers/tokens.ts';

const NOW = parseInstant('2026-04-15T12:00:00+08:00')!;
const apps: FastifyInstance[] = [];
const walls: TestWall[] = [];
afterEach(async () => {
  walls.splice(0).forEach((w) => w.close());
  for (const a of apps.splice(0)) await a.close();
});

async function start(db = ':memory:', port = 0) {
  const app = await buildApp(testConfig({ db, port, tokensFile: testTokensFile() }), { clock: manualClock(NOW) });
  apps.push(app);
  if (app.services.store.dir.root === null) app.services.importDataset(tinyDataset());
  const address = await app.listen({ port, host: '127.0.0.1' });
  return { app, url: address };
}
const wall = (url: string, scope: string, token?: string) => {
  const w = connectWall(url, { scope, token });
  walls.push(w);
  return w;
};
const post = (app: FastifyInstance, events: unknown[]) => app.inject({ method: 'POST', url: '/api/events', headers: asOperator, payload: events });
const lesson = (n: number) => ({ id: `m${n}`, type: 'meeting.held', at: '2026-04-15T10:00:00+08:00', meetingId: `L${n}`, org: 'B1', kind: 'party_lesson' });
const checkIn = (n: number, member: string) => ({ id: `c${n}-${member}`, type: 'attendance.checked_in', at: '2026-04-15T10:05:00+08:00', meetingId: `L${n}`, member });

describe('socket: snapshot and numbered deltas', () => {
  it('subscribe answers with a snapshot of the scope', async () => {
    const { url } = await start();
    const w = wall(url, 'D');
    const snap = await w.waitFor(() => w.snapshots[0]);
    expect(snap).toMatchObject({ scope: 'D', seq: expect.any(Number), data: { scope: { code: 'D' }, kpis: { members: 4, branches: 2 } } });
  });

  it('a posted event reaches the branch and every ancestor as one delta each, with the right numbers', async () => {
    const { app, url } = await start();
    const district = wall(url, 'D');
    const branch = wall(url, 'B1');
    await district.waitFor(() => district.snapshots[0]);
    await branch.waitFor(() => branch.snapshots[0]);
    expect(district.state()!.kpis.checkinsToday).toBe(0);
    expect((await post(app, [lesson(1), checkIn(1, 'M1'), checkIn(1, 'M2')])).json()).toEqual({ accepted: 3, duplicates: 0 });
    await district.waitFor(() => district.state()!.kpis.checkinsToday === 2);
    await branch.waitFor(() => branch.state()!.kpis.checkinsToday === 2);
    // coalesced: three events in one window make one delta per scope
    expect(district.deltas.map((d) => d.seq)).toEqual([district.snapshots[0].seq + 1]);
    expect(branch.state()!.kpis.attendanceRate).not.toBe(null);
  });

  it('a change that a push itself brings up reaches every scope it names, not only the rest of that push', async () => {
    const { app, url } = await start();
    const branch2 = wall(url, 'B2'); // its channel comes first in the push's loop
    const district = wall(url, 'D');
    await branch2.waitFor(() => branch2.snapshots[0]);
    await district.waitFor(() => district.snapshots[0]);
    await post(app, [lesson(1), checkIn(1, 'M1')]);
    await district.waitFor(() => district.deltas.length === 1);
    // A read re-evaluates now (its notice schedules the next push); a B2 write is then pending
    // when that push runs, and the district's snapshot in it re-evaluates B2 mid-push.
    await post(app, [checkIn(1, 'M2')]);
    await app.inject('/api/snapshot?scope=D');
    await post(app, [{ ...lesson(9), org: 'B2' }, checkIn(9, 'M4')]);
    await district.waitFor(() => district.state()!.kpis.checkinsToday === 3);
    await branch2.waitFor(() => branch2.state()!.kpis.checkinsToday === 1);
  });

  it('a client that missed deltas gets exactly those on resubscribe', async () => {
    const { app, url } = await start();
    const w = wall(url, 'D');
    const base = (await w.waitFor(() => w.snapshots[0])).seq;
    await post(app, [lesson(1)]);
    await w.waitFor(() => w.seq() === base + 1);
    w.socket.disconnect();
    await post(app, [checkIn(1, 'M1')]);
    await new Promise((r) => setTimeout(r, 250));
    await post(app, [checkIn(1, 'M2')]);
    await new Promise((r) => setTimeout(r, 250));
    w.socket.connect();
    await w.waitFor(() => w.seq() === base + 3);
    expect(w.snapshots).toHaveLength(1);
    expect(w.state()!.kpis.checkinsToday).toBe(2);
  });

  it('after a server restart on the same database the client resynchronises with the right state', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'vanguard-')), 'live.db');
    const first = await start(db);
    const port = Number(new URL(first.url).port);
    const w = wall(first.url, 'D');
    await w.waitFor(() => w.snapshots[0]);
    await post(first.app, [lesson(1), checkIn(1, 'M1')]);
    await w.waitFor(() => w.state()!.kpis.checkinsToday === 1);
    await first.app.close();
    apps.splice(apps.indexOf(first.app), 1);
    const second = await start(db, port);
    await post(second.app, [checkIn(1, 'M2')]);
    // the new server's seq restarts, so the client's lastSeq is unknown there: it gets a snapshot
    await w.waitFor(() => w.snapshots.length === 2 && w.state()!.kpis.checkinsToday === 2, 8000);
  });

  it('a public client never receives a real name; a leader client does', async () => {
    const { app, url } = await start();
    const pub = wall(url, 'D');
    await pub.waitFor(() => pub.snapshots[0]);
    await post(app, [lesson(1), checkIn(1, 'M1')]);
    await pub.waitFor(() => pub.state()!.feed.some((f) => f.kind === 'checkin'));
    const traffic = pub.raw.join('\n');
    for (const name of ['张建华', '李梅', '王小明', '赵强', '13800000000']) expect(traffic).not.toContain(name);
    expect(traffic).toContain('张*华');
  });

  it('a flood reaches the wall in paced steps: numbered without a gap, every event in the end', async () => {
    const { app, url } = await start();
    const w = wall(url, 'D');
    await w.waitFor(() => w.snapshots[0]);
    const top = () => Math.max(0, ...(w.state()?.vanguardLeaders ?? []).map((l) => l.points));
    // Five requests of 2,500 volunteer hours each, back to back: the walls' push shows the
    // evaluation as it stands while the paced re-evaluation waits, and that step sends the rest.
    const FLOOD = 2500;
    let n = 0;
    for (let r = 0; r < 5; r++) {
      const flood = Array.from({ length: FLOOD }, () => ({ id: `v${n++}`, type: 'activity.logged', at: '2026-04-15T10:00:00+08:00', member: 'M1', kind: 'volunteer', hours: 1 }));
      expect((await post(app, flood)).json()).toEqual({ accepted: FLOOD, duplicates: 0 });
    }
    // Half a point an hour (rule book): M1 now leads with at least every hour posted, and the
    // wall shows what a fresh snapshot does.
    await w.waitFor(() => top() >= n / 2, 10_000);
    expect(top()).toBe(app.services.snapshot('D', 'public').vanguardLeaders[0].points);
    const seqs = w.deltas.map((d) => d.seq);
    expect(seqs).toEqual(seqs.map((_, i) => w.snapshots[0].seq + 1 + i));
    expect(w.snapshots).toHaveLength(1);
  });

  it('an unknown scope is answered with an error, not silence', async () => {
    const { url } = await start();
    const w = wall(url, 'NOPE');
    const res = await new Promise((resolve) => w.socket.emit('subscribe', { scope: 'NOPE' }, resolve));
    expect(res).toMatchObject({ error: 'not_found' });
  });
});

describe('feed', () => {
  it('keeps the newest item first and survives a restart', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'vanguard-')), 'feed.db');
    const first = await start(db);
    await post(first.app, [lesson(1), checkIn(1, 'M1'), checkIn(1, 'M2')]);
    const names = (app: FastifyInstance) => app.services.feed.list('leader').map((f) => f.text);
    expect(names(first.app)[0]).toMatch(/^李梅/);
    expect(names(first.app)[2]).toMatch(/召开党课/);
    await first.app.close();
    apps.splice(apps.indexOf(first.app), 1);
    const second = await start(db);
    expect(names(second.app)).toEqual([expect.stringMatching(/^李梅/), expect.stringMatching(/^张建华/), expect.stringMatching(/召开党课/)]);
  });
});
