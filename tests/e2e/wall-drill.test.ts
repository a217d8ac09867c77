// Drill-down on the REAL server (buildApp + the tiny district + real Socket.IO) in Chromium:
// a ranking row opens branch B1 (URL, breadcrumbs, the socket's rooms), its light explains
// itself (reasons and history), a reload lands on B1, the back button, Home and the browser's
// back move the wall. Screenshots at 5760×1920 go to tests/artifacts/drill-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, until, smallText } from '../helpers/browser.ts';
import { ARTIFACTS, B1_PUBLIC_PATH as B1_PATH, crumbs, tinyWallServer } from './tiny-wall.ts';

let browser: Browser;
let app: FastifyInstance;
let url: string;

const kpi = (page: Page, i: number) => page.locator('[data-testid="kpi-value"]').nth(i).textContent();

describe.skipIf(!hasChromium)('drill-down on the real server, in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    ({ app, url } = await tinyWallServer('drill'));
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(path: string, viewport = { width: 5760, height: 1920 }) {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // What the wall says on the wire: socket.io packets like 42["subscribe",{"scope":"B1"}],
    // over HTTP long-polling first (packets joined by \x1e) and the WebSocket after the upgrade.
    const sent: string[] = [];
    const record = (payload: string) => {
      for (const p of payload.split('\x1e')) if (/^42\["(un)?subscribe"/.test(p)) sent.push(p.slice(2));
    };
    page.on('request', (r) => r.method() === 'POST' && r.url().includes('/socket.io/') && record(r.postData() ?? ''));
    page.on('websocket', (ws) => ws.on('framesent', (f) => typeof f.payload === 'string' && record(f.payload)));
    await page.goto(`${url}${path}`);
    return { page, errors, sent };
  }

  it('ranking row → B1 (URL, breadcrumbs, unsubscribe + subscribe on the wire); why red; reload stays; back, Home and browser back', async () => {
    const { page, errors, sent } = await open('/?gl=0');
    const row = page.locator('[data-testid="rank-row"][data-code="B1"]').first();
    await row.waitFor({ timeout: 20_000 });
    expect(await crumbs(page)).toBe('示范区委');
    expect(await page.locator('[data-testid="nav-back"]').count()).toBe(0);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: join(ARTIFACTS, 'drill-1-district.png') });

    await row.click();
    await until(() => new URL(page.url()).pathname === '/org/B1');
    expect(new URL(page.url()).search).toBe('?gl=0');
    await until(async () => (await crumbs(page)) === B1_PATH);
    await until(async () => (await kpi(page, 1)) === '3'); // B1's three members, not the district's four
    // unsubscribed the district, then subscribed B1
    await until(() => sent.length >= 3);
    expect(sent).toEqual(['["subscribe",{"scope":"D"}]', '["unsubscribe",{"scope":"D"}]', '["subscribe",{"scope":"B1"}]']);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: join(ARTIFACTS, 'drill-2-branch.png') });
    expect(await smallText(page)).toEqual([]);

    await page.locator('[data-testid="scope-light"]').click();
    const dialog = page.locator('[data-testid="explain"]');
    await dialog.waitFor();
    const rules = await page.locator('[data-testid="explain-reason"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules).toEqual(expect.arrayContaining(['3m1l', 'dues', 'redMembers']));
    expect(await dialog.innerText()).toContain('今年三会一课完成率22.2%，低于60%');
    await until(async () => (await page.locator('[data-testid="explain-since"]').count()) === 1);
    expect(await page.locator('[data-testid="explain-since"]').innerText()).toBe('红灯 始于 2026-04-15 12:00');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, 'drill-3-why-red.png') });
    expect(await smallText(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await until(async () => (await dialog.count()) === 0);
    expect(new URL(page.url()).pathname).toBe('/org/B1'); // Escape closed the overlay, stayed on B1

    await page.reload();
    await until(async () => (await crumbs(page)) === B1_PATH);
    await until(async () => (await kpi(page, 1)) === '3');
    expect(new URL(page.url()).pathname).toBe('/org/B1');

    const back = page.locator('[data-testid="nav-back"]');
    const box = (await back.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(96); // 5760-wide viewport: 1 px = 1 design px
    await back.click();
    await until(() => new URL(page.url()).pathname === '/org/C1');
    await until(async () => (await crumbs(page)) === '示范区委›东湖街道党工委');
    await page.keyboard.press('Home');
    await until(() => new URL(page.url()).pathname === '/');
    await until(async () => (await crumbs(page)) === '示范区委');
    expect(sent.slice(-2)).toEqual(['["unsubscribe",{"scope":"C1"}]', '["subscribe",{"scope":"D"}]']);
    await page.goBack();
    await until(async () => (await crumbs(page)) === '示范区委›东湖街道党工委');
    expect(new URL(page.url()).pathname).toBe('/org/C1');
    await page.keyboard.press('Backspace');
    await until(() => new URL(page.url()).pathname === '/');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('16:9 tablet: a warning opens its organisation and why it is red at once', async () => {
    const { page, errors } = await open('/?gl=0', { width: 1920, height: 1080 });
    const warning = page.locator('[data-testid="warning-row"][data-code="B1"]').first();
    await warning.waitFor({ timeout: 20_000 });
    await warning.click();
    await until(() => new URL(page.url()).pathname === '/org/B1');
    await until(async () => (await crumbs(page)) === B1_PATH);
    const rules = await page.locator('[data-testid="explain-reason"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules).toEqual(expect.arrayContaining(['3m1l', 'dues', 'redMembers']));
    await page.waitForTimeout(1200);
    await page.screenshot({ path: join(ARTIFACTS, 'drill-4-16x9-why-red.png') });
    expect(await smallText(page)).toEqual([]);
    await page.locator('[data-testid="explain-close"]').click();
    await until(async () => (await page.locator('[data-testid="explain"]').count()) === 0);
    await page.screenshot({ path: join(ARTIFACTS, 'drill-5-16x9-branch.png') });
    // the header's three parts never overlap: breadcrumbs, title, clock and badge
    const boxes = await page.$$eval('[data-panel="header"] > *', (els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ l: r.left, r: r.right })));
    const inner = await page.$$eval('[data-panel="header"] .left > nav > *', (els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ l: r.left, r: r.right })));
    expect(inner).toHaveLength(3); // back, breadcrumbs, the light
    for (let i = 1; i < inner.length; i++) expect(inner[i - 1].r).toBeLessThanOrEqual(inner[i].l);
    expect(inner[2].r).toBeLessThanOrEqual(boxes[1].l);
    expect(boxes[0].r).toBeLessThanOrEqual(boxes[1].l);
    expect(boxes[1].r).toBeLessThanOrEqual(boxes[2].l);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a mistyped /org/<code> falls back to the district instead of loading forever', async () => {
    const { page, errors } = await open('/org/NOPE?gl=0', { width: 1920, height: 640 });
    await until(async () => (await page.locator('[data-testid="crumbs"] ol').count()) === 1 && (await crumbs(page)) === '示范区委');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(errors).toEqual([]);
    await page.close();
  });
});
