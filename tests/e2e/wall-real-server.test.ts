// The built wall against the REAL server (buildApp on the tiny district): an event posted to the
// API changes the visible KPI within a second, and a server restart shows on the badge and heals
// without a page reload.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { manualClock } from '../../server/clock.ts';
import { testConfig } from '../../server/config.ts';
import { parseInstant } from '../../shared/periods.ts';
import { tinyDataset } from '../helpers/tiny-dataset.ts';
import { asOperator, testTokensFile } from '../helpers/tokens.ts';
import { hasChromium, launchChromium, until } from '../helpers/browser.ts';
import { buildScreen } from './static-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NOW = parseInstant('2026-04-15T12:00:00+08:00')!;
let browser: Browser;
let screenDir: string;
let app: FastifyInstance;
const db = join(mkdtempSync(join(tmpdir(), 'vanguard-e2e-')), 'wall.db');
const tokensFile = testTokensFile();

async function startServer(port = 0): Promise<string> {
  app = await buildApp(testConfig({ db, screenDir, tokensFile }), { clock: manualClock(NOW) });
  if (!app.services.store.dir.root) app.services.importDataset(tinyDataset());
  return app.listen({ port, host: '127.0.0.1' });
}
const checkins = (page: Page) => page.locator('[data-testid="kpi-value"]').nth(7).textContent();
const badge = (page: Page) => page.locator('[data-testid="connection"]').getAttribute('class');

describe.skipIf(!hasChromium)('the wall on the real server', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    screenDir = await buildScreen(ROOT, 'real');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows a posted check-in within a second, and heals after a restart without reloading', async () => {
    const url = await startServer();
    const page = await browser.newPage({ viewport: { width: 1920, height: 640 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${url}/?gl=0`);
    await until(async () => (await checkins(page))?.trim() === '0');
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));

    const posted = Date.now();
    const res = await fetch(`${url}/api/events`, {
      method: 'POST',
      headers: { ...asOperator, 'content-type': 'application/json' },
      body: JSON.stringify([
        { id: 'e1', type: 'meeting.held', at: '2026-04-15T11:00:00+08:00', meetingId: 'L1', org: 'B1', kind: 'party_lesson' },
        { id: 'e2', type: 'attendance.checked_in', at: '2026-04-15T11:01:00+08:00', meetingId: 'L1', member: 'M1' },
        { id: 'e3', type: 'attendance.checked_in', at: '2026-04-15T11:02:00+08:00', meetingId: 'L1', member: 'M2' },
      ]),
    });
    expect(await res.json()).toEqual({ accepted: 3, duplicates: 0 });
    await until(async () => (await checkins(page))?.trim() !== '0', 5000);
    const firstChange = Date.now() - posted;
    await until(async () => (await checkins(page))?.trim() === '2', 5000);
    expect(firstChange).toBeLessThan(1000);

    const port = Number(new URL(url).port);
    await app.close();
    await until(async () => (await badge(page))?.includes('reconnecting') || (await badge(page))?.includes('stale'), 10_000);
    await startServer(port);
    await fetch(`${url}/api/events`, {
      method: 'POST',
      headers: { ...asOperator, 'content-type': 'application/json' },
      body: JSON.stringify([{ id: 'e4', type: 'attendance.checked_in', at: '2026-04-15T11:03:00+08:00', meetingId: 'L1', member: 'M3' }]),
    });
    await until(async () => (await badge(page))?.includes('live') && (await checkins(page))?.trim() === '3', 20_000);
    // Healed in place: the marker set before the restart is still there, so no reload happened.
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ROOT, 'tests/artifacts/wall-real-server-1920x640.png') });
  });
});
