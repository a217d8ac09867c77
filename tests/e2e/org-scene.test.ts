// The organisation scene on the REAL server (buildApp + the tiny district + Socket.IO) in
// Chromium: a click on the overview map's canvas at B1's point opens the branch scene, the
// breadcrumbs lead to its committee (children ranked), a ranking row back to the branch, its red
// light explains itself, the URL holds the place through a reload, and Home returns to the
// overview. Public names are masked; a leader token shows them. Screenshots of the scene at
// 5760×1920 and 1920×1080 go to tests/artifacts/org-*.png.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartsSettled, CHROMIUM, launchChromium, mapPointPixel, overlappingPanels, smallText, until } from '../helpers/browser.ts';
import { LEADER_TOKEN, testTokensFile } from '../helpers/tokens.ts';
import { ARTIFACTS, B1_PUBLIC_PATH, crumbs, tinyWallServer } from './tiny-wall.ts';


let browser: Browser;
let app: FastifyInstance;
let url: string;

const path = (page: Page) => new URL(page.url()).pathname;
/** Every panel of the scene has its data (none loading or empty). */
const allOk = (page: Page) =>
  page.$$eval('[data-panel]:not([data-panel="header"])', (els) => els.length > 0 && els.every((e) => e.getAttribute('data-status') === 'ok'));

describe.skipIf(!existsSync(CHROMIUM))('organisation scene on the real server, in Chromium', { timeout: 150_000 }, () => {
  beforeAll(async () => {
    ({ app, url } = await tinyWallServer('org-scene', testTokensFile()));
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(at: string, viewport = { width: 5760, height: 1920 }, token?: string) {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    if (token) await page.addInitScript((t) => sessionStorage.setItem('vanguard.token', t), token);
    await page.goto(`${url}${at}`);
    return { page, errors };
  }

  it('map point → branch; crumb → committee; ranking row → branch; why red; reload stays; Home → overview', async () => {
    const { page, errors } = await open('/?gl=0');
    let point: { x: number; y: number } | null = null;
    await until(async () => (point = await mapPointPixel(page, 'B1')) !== null, 20_000);
    await page.waitForTimeout(1200); // the map's entry animation: click where the point rests
    point = (await mapPointPixel(page, 'B1'))!;
    await page.mouse.click(point.x, point.y);
    await until(() => path(page) === '/org/B1');
    expect(new URL(page.url()).search).toBe('?gl=0');
    await until(async () => (await page.locator('[data-testid="member-cell"]').count()) === 3);
    expect(await page.locator('[data-panel="map"]').count()).toBe(0);
    // public wall: names masked, reddest first (王小明 never paid)
    const names = await page.locator('[data-testid="member-cell"] .name').allInnerTexts();
    expect(names[0]).toBe('王*明');
    expect([...names].sort()).toEqual(['张*华', '李*', '王*明'].sort());
    expect(await page.locator('[data-testid="member-cell"]').first().innerText()).toMatch(/欠缴\s*12\s*月/);

    await page.locator('[data-testid="crumb"][data-code="C1"]').click();
    await until(() => path(page) === '/org/C1');
    await until(async () => (await page.locator('[data-testid="rank-row"]').count()) === 2); // B1 and B2 ranked
    expect(await page.locator('[data-panel="roster"] h2').innerText()).toBe('下级组织排行');
    await until(() => allOk(page));
    await until(() => chartsSettled(page), 30_000);
    await page.screenshot({ path: join(ARTIFACTS, 'org-1-committee-5760.png') });
    expect(await smallText(page)).toEqual([]);
    expect(await overlappingPanels(page)).toEqual([]);

    await page.locator('[data-testid="rank-row"][data-code="B1"]').first().click();
    await until(() => path(page) === '/org/B1');
    await until(async () => (await crumbs(page)) === B1_PUBLIC_PATH);
    await until(() => allOk(page));
    // the light panel: one row per triggered rule, with value, threshold and the rule book's sentence
    const rules = await page.locator('[data-testid="org-reason"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules.sort()).toEqual(['3m1l', 'dues', 'redMembers', 'tasks']);
    expect(await page.locator('[data-testid="org-reason"][data-rule="3m1l"]').innerText()).toContain('今年三会一课完成率22.2%，低于60%');
    expect(await page.locator('[data-testid="org-task"]').first().innerText()).toContain('逾期15天');
    await until(() => chartsSettled(page), 30_000);
    await page.screenshot({ path: join(ARTIFACTS, 'org-2-branch-5760.png') });
    expect(await smallText(page)).toEqual([]);
    expect(await overlappingPanels(page)).toEqual([]);

    await page.locator('[data-testid="org-light-why"]').click();
    const dialog = page.locator('[data-testid="explain"]');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('今年三会一课完成率22.2%，低于60%');
    await until(async () => (await page.locator('[data-testid="explain-since"]').count()) === 1);
    expect(await page.locator('[data-testid="explain-since"]').innerText()).toBe('红灯 始于 2026-04-15 12:00');
    await page.screenshot({ path: join(ARTIFACTS, 'org-3-why-red-5760.png') });
    await page.keyboard.press('Escape');
    await until(async () => (await dialog.count()) === 0);
    expect(path(page)).toBe('/org/B1');

    await page.reload();
    await until(() => allOk(page));
    expect(path(page)).toBe('/org/B1');
    expect(await crumbs(page)).toBe(B1_PUBLIC_PATH);
    expect(await page.locator('[data-testid="member-cell"]').count()).toBe(3);

    await page.keyboard.press('Home');
    await until(() => path(page) === '/');
    await until(async () => (await page.locator('[data-panel="map"]').count()) === 1);
    await until(async () => (await crumbs(page)) === '示范区委');
    expect(await page.locator('[data-panel="calendar"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('16:9 tablet with a leader token: real names, nothing small, nothing overlapping', async () => {
    const { page, errors } = await open('/org/B1?gl=0', { width: 1920, height: 1080 }, LEADER_TOKEN);
    await until(() => allOk(page), 20_000);
    const names = await page.locator('[data-testid="member-cell"] .name').allInnerTexts();
    expect([...names].sort()).toEqual(['张建华', '李梅', '王小明'].sort());
    await until(() => chartsSettled(page), 30_000);
    await page.screenshot({ path: join(ARTIFACTS, 'org-4-branch-1920x1080.png') });
    expect(await smallText(page)).toEqual([]);
    expect(await overlappingPanels(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
