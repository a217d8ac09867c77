// Access and the tablet remote on the REAL server, in Chromium. One page plays the wall, another
// the tablet. (1) A wall with no token opens /pair; the tablet signs in at /login, types the
// wall's code, and the wall comes up as a leader wall named hall-1; the tablet's remote then
// drives it to a branch whose name is HTML — shown as text, no element made, no dialog.
// (2) Unpaired, the remote picks hall-1 by name, reads the code the wall shows, and drives it
// to B1, up a level and home. Screenshots: tests/artifacts/access-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { manualClock } from '../../server/clock.ts';
import { testConfig } from '../../server/config.ts';
import { parseInstant } from '../../shared/periods.ts';
import { hasChromium, launchChromium, until } from '../helpers/browser.ts';
import { member, tinyDataset } from '../helpers/tiny-dataset.ts';
import { asOperator, LEADER_TOKEN, testTokensFile } from '../helpers/tokens.ts';
import { buildScreen } from './static-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
const ORG_XSS = '<img src=x onerror=alert(1)>';
const MEMBER_XSS = '<script>alert(2)</script>';

let browser: Browser;
let app: FastifyInstance;
let url: string;

async function open(path: string, viewport: { width: number; height: number }) {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${url}${path}`);
  return { page, problems };
}
const wallPath = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;
const crumbs = async (page: Page) => ((await page.locator('[data-testid="crumbs"] ol').innerText().catch(() => '')) ?? '').replace(/\s+/g, '');

describe.skipIf(!hasChromium)('login, pairing and the remote in Chromium', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    const screenDir = await buildScreen(ROOT, 'remote');
    app = await buildApp(testConfig({ screenDir, tokensFile: testTokensFile() }), { clock: manualClock(parseInstant('2026-04-15T12:00:00+08:00')!) });
    const ds = tinyDataset();
    const b2 = ds.orgs.find((o) => o.code === 'B2')!;
    ds.orgs.push({ ...b2, code: 'BX', name: ORG_XSS });
    ds.members.push(member('MX', MEMBER_XSS, 'BX', { org_since: '2026-02-10' }));
    app.services.importDataset(ds);
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a wall paired from /login is driven by the remote to a branch named in HTML, shown as text', async () => {
    const wall = await open('/pair?wall=hall-1&gl=0', { width: 1920, height: 640 });
    const code = await until(async () => (await wall.page.locator('[data-testid="pair-code"]').textContent())?.trim(), 15_000, 'pairing code');
    expect(code).toMatch(/^\d{6}$/);
    await wall.page.screenshot({ path: join(ARTIFACTS, 'access-pair.png') });

    const tablet = await open('/login', { width: 820, height: 1180 });
    await tablet.page.locator('[data-testid="login-token"]').fill('not-a-token');
    await tablet.page.locator('[data-testid="login-submit"]').click();
    await tablet.page.locator('[data-testid="login-error"]').waitFor();
    await tablet.page.screenshot({ path: join(ARTIFACTS, 'access-login-refused.png') });
    await tablet.page.locator('[data-testid="login-token"]').fill(LEADER_TOKEN);
    await tablet.page.locator('[data-testid="login-submit"]').click();
    expect(await tablet.page.locator('[data-testid="login-ok"]').innerText()).toContain('test-leader（领导）');
    await tablet.page.locator('[data-testid="login-pair-code"]').fill(code);
    await tablet.page.getByRole('button', { name: '配对' }).click();
    expect(await tablet.page.locator('[data-testid="pair-result"]').innerText()).toBe('配对成功 · hall-1');
    await tablet.page.screenshot({ path: join(ARTIFACTS, 'access-login.png') });

    // The wall got a session over its socket and opened itself as hall-1 — a leader wall now.
    await until(() => wallPath(wall.page) === '/?wall=hall-1', 15_000, 'wall opened');
    expect(await wall.page.evaluate(() => sessionStorage.getItem('vanguard.token'))).toMatch(/^s\./);
    await until(async () => (await crumbs(wall.page)) === '示范区委', 20_000, 'wall at the district');

    await tablet.page.goto(`${url}/remote`);
    await tablet.page.locator('[data-testid="remote-search"]').fill('BX');
    await tablet.page.locator('[data-testid="remote-result"]').first().click();
    await until(() => wallPath(wall.page) === '/org/BX?wall=hall-1', 10_000, 'wall at BX');
    await until(async () => (await crumbs(wall.page)).endsWith(ORG_XSS.replace(/\s+/g, '')), 10_000, 'BX in the crumbs');
    // A check-in by the member named <script>… reaches the leader wall's ticker as text.
    await app.inject({
      method: 'POST', url: '/api/events', headers: asOperator,
      payload: [{ id: 'x1', type: 'meeting.held', at: '2026-04-15T11:00:00+08:00', meetingId: 'LX', org: 'BX', kind: 'party_lesson' }, { id: 'x2', type: 'attendance.checked_in', at: '2026-04-15T11:01:00+08:00', meetingId: 'LX', member: 'MX' }],
    });
    await until(async () => (await wall.page.locator('body').innerText()).includes(MEMBER_XSS), 10_000, 'member name in the ticker');
    const dom = await wall.page.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('#app script').length,
      text: document.body.innerText.includes('<img src=x onerror=alert(1)>'),
    }));
    expect(dom).toEqual({ imgs: 0, scripts: 0, text: true });
    expect(await tablet.page.locator('[data-testid="remote-current"]').innerText()).toContain(ORG_XSS);
    await wall.page.screenshot({ path: join(ARTIFACTS, 'access-wall-xss.png') });
    await tablet.page.screenshot({ path: join(ARTIFACTS, 'access-remote-xss.png') });
    expect([...wall.problems, ...tablet.problems]).toEqual([]);
    await wall.page.close();
    await tablet.page.close();
  });

  it('the remote picks a wall by name, pairs with the code the wall shows, and drives it', async () => {
    const wall = await open('/?wall=hall-2&gl=0', { width: 1920, height: 640 });
    await until(async () => (await crumbs(wall.page)) === '示范区委', 20_000, 'wall at the district');

    const tablet = await open('/remote', { width: 1180, height: 820 });
    await tablet.page.getByRole('link', { name: '登录' }).click();
    await tablet.page.locator('[data-testid="login-token"]').fill(LEADER_TOKEN);
    await tablet.page.locator('[data-testid="login-submit"]').click();
    await until(() => new URL(tablet.page.url()).pathname === '/remote', 10_000, 'back on /remote');
    await tablet.page.locator('[data-testid="remote-wall"]', { hasText: 'hall-2' }).click();
    const overlay = wall.page.locator('[data-testid="wall-pair-code"]');
    await overlay.waitFor();
    const code = (await overlay.locator('.code').innerText()).trim();
    await wall.page.screenshot({ path: join(ARTIFACTS, 'access-wall-code.png') });
    await tablet.page.screenshot({ path: join(ARTIFACTS, 'access-remote-choose.png') });
    await tablet.page.locator('[data-testid="remote-code"]').fill(code);
    await tablet.page.locator('[data-testid="remote-code-submit"]').click();
    await overlay.waitFor({ state: 'detached' });

    await tablet.page.locator('[data-testid="remote-search"]').fill('dhsqdyzb'); // 东湖社区第一支部 by its initials
    await tablet.page.locator('[data-testid="remote-result"]').first().click();
    await until(() => wallPath(wall.page) === '/org/B1?wall=hall-2&gl=0', 10_000, 'wall at B1');
    // hall-2 is a public wall and B1 a small branch with a red light: it is named by its parent.
    await until(async () => (await crumbs(wall.page)) === '示范区委›东湖街道党工委›东湖街道党工委下属支部', 10_000, 'B1 crumbs');
    await tablet.page.screenshot({ path: join(ARTIFACTS, 'access-remote.png') });
    await wall.page.screenshot({ path: join(ARTIFACTS, 'access-wall-driven.png') });

    await tablet.page.locator('[data-testid="remote-back"]').click();
    await until(() => wallPath(wall.page) === '/org/C1?wall=hall-2&gl=0', 10_000, 'wall at C1');
    await tablet.page.locator('[data-testid="remote-home"]').click();
    await until(() => wallPath(wall.page) === '/?wall=hall-2&gl=0', 10_000, 'wall home');
    expect([...wall.problems, ...tablet.problems]).toEqual([]);
  });
});
