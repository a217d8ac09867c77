// Traffic capture of a public wall for one full tour cycle on the small demo district: every
// HTTP response body and every WebSocket frame the page receives, while check-ins of real
// members, volunteer hours that make one of them the district's first vanguard leader, and a new
// member (with a phone number) arrive live. None of the district's real names (members and
// applicants, read from the database) nor any phone number may appear in it; the vanguard leaders
// it carries (snapshots and deltas) are masked names only.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName } from '../../shared/mask.ts';
import { formatInstant } from '../../shared/periods.ts';
import type { Patch, VanguardLeader, WallSnapshot } from '../../shared/snapshot.ts';
import { buildScreen } from './static-server.ts';
import { asOperator } from '../helpers/tokens.ts';
import { CHROMIUM, DEMO_CLOCK, launchChromium, startTourServer, testTour, until, type TourServer } from '../helpers/tour-wall.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TOUR = testTour(1, 5);
const NEWCOMER = { name: '欧阳明远', phone: '13912345678' };
let browser: Browser;
let server: TourServer;

describe.skipIf(!existsSync(CHROMIUM))('a public wall on tour', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    server = await startTourServer(await buildScreen(ROOT, 'tour-privacy'), TOUR);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('receives no real name and no phone number in a whole cycle', async () => {
    const db = server.app.services.store.db;
    const branch = db.prepare("SELECT code FROM orgs WHERE type = 'branch' ORDER BY code LIMIT 1").pluck().get() as string;
    const members = db.prepare('SELECT id FROM members WHERE org_code = ? LIMIT 5').pluck().all(branch) as string[];

    const page = await browser.newPage({ viewport: { width: 1920, height: 640 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const frames: string[] = [];
    cdp.on('Network.webSocketFrameReceived', (e) => frames.push(e.response.payloadData));
    const bodies: Promise<string>[] = [];
    page.on('response', (r) => bodies.push(r.text().catch(() => '')));
    await page.goto(`${server.url}/?gl=0&tour=1`);

    const at = (minutes: number) => formatInstant(DEMO_CLOCK - minutes * 60_000);
    const events = [
      { id: 'priv-m', type: 'meeting.held', at: at(30), meetingId: 'priv-meeting', org: branch, kind: 'party_lesson' },
      ...members.map((m, i) => ({ id: `priv-c${i}`, type: 'attendance.checked_in', at: at(20 - i), meetingId: 'priv-meeting', member: m })),
      // 60 points: far above the demo's best (about 30), so the leaders change while the wall watches.
      ...[0, 1, 2, 3, 4].map((i) => ({ id: `priv-v${i}`, type: 'activity.logged', at: at(15 - i), member: members[0], kind: 'volunteer', hours: 24 })),
      { id: 'priv-j', type: 'member.joined', at: at(5), member: 'priv-newcomer', name: NEWCOMER.name, org: branch, status: 'probationary', phone: NEWCOMER.phone },
    ];
    const scenes: number[] = [];
    let posted = false;
    await until(
      async () => {
        const s = Number(await page.locator('[data-testid="tour-layer"]').getAttribute('data-scene'));
        if (s !== scenes.at(-1)) scenes.push(s);
        if (!posted && s === 1) {
          posted = true;
          const res = await fetch(`${server.url}/api/events`, { method: 'POST', headers: { ...asOperator, 'content-type': 'application/json' }, body: JSON.stringify(events) });
          expect(res.status).toBe(200);
        }
        return scenes.length > TOUR.scenes.length; // 0, 1, …, 6 and back to 0
      },
      30_000,
      'a full cycle',
    );
    await page.waitForTimeout(500);
    const traffic = [...(await Promise.all(bodies)), ...frames].join('\n');
    await page.close();

    // The capture is the real thing: snapshots, deltas and the live feed with masked names in it.
    expect(frames.some((f) => f.includes('"snapshot"'))).toBe(true);
    expect(frames.some((f) => f.includes('"delta"') || f.includes('"feed"'))).toBe(true);
    expect(traffic).toMatch(/[\u4e00-\u9fa5]\*/);

    const names = [...(db.prepare('SELECT name FROM members UNION SELECT name FROM applicants').pluck().all() as string[]), NEWCOMER.name];
    const phones = [...(db.prepare('SELECT phone FROM members WHERE phone IS NOT NULL').pluck().all() as string[]), NEWCOMER.phone];
    expect(names.length).toBeGreaterThan(300);
    expect(phones.length).toBeGreaterThan(1);
    expect(names.filter((n) => traffic.includes(n))).toEqual([]);
    expect(phones.filter((p) => traffic.includes(p))).toEqual([]);

    // The vanguard leaders reached the wall in snapshots and in a delta when the new first leader
    // rose, every name masked: the first is the volunteer, known to leaders by the real name.
    const star = db.prepare('SELECT name FROM members WHERE id = ?').pluck().get(members[0]) as string;
    expect(server.app.services.snapshot(server.app.services.store.dir.root!, 'leader').vanguardLeaders[0].name).toBe(star);
    const sent: VanguardLeader[][] = [];
    for (const f of frames.filter((x) => x.startsWith('42['))) {
      const [type, msg] = JSON.parse(f.slice(2)) as [string, { data?: WallSnapshot; patches?: Patch[] }];
      if (type === 'snapshot') sent.push(msg.data!.vanguardLeaders);
      if (type === 'delta') for (const p of msg.patches!) if (p.path[0] === 'vanguardLeaders') sent.push(p.value as VanguardLeader[]);
    }
    expect(frames.some((f) => f.startsWith('42["delta"') && f.includes('"vanguardLeaders"'))).toBe(true);
    expect(sent.flat().length).toBeGreaterThan(10);
    expect(sent.flat().filter((l) => !/^[\u4e00-\u9fa5]\*+[\u4e00-\u9fa5]?$/.test(l.name))).toEqual([]);
    expect(sent.some((list) => list[0]?.rank === 1 && list[0].name === maskName(star))).toBe(true);
  });
});
