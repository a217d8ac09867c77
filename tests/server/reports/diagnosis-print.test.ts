// The printable reports (branch diagnosis, member report) in real Chromium, served by the real
// server (so its CSP applies): no CSP violation, nothing wider than the printable width of A4
// (210 mm − 2 × 15 mm margins), and the PDF's pages are A4.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.ts';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';
import { asLeader, testTokensFile } from '../../helpers/tokens.ts';

const CHROMIUM = '/usr/bin/chromium';
const MM = 96 / 25.4; // CSS px per mm
let browser: Browser;
let app: FastifyInstance;
let url: string;

describe.skipIf(!existsSync(CHROMIUM))('the diagnosis printed by Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    app = await buildApp(testConfig({ tokensFile: testTokensFile() }), { clock: manualClock(parseInstant('2026-04-15T12:00:00+08:00')!) });
    const ds = tinyDataset();
    // A long name without spaces must wrap rather than widen the page.
    ds.orgs.find((o) => o.code === 'B1')!.name = '东湖社区第一支部'.repeat(12);
    ds.members.find((m) => m.id === 'M1')!.name = '张建华'.repeat(30);
    app.services.importDataset(ds);
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each([
    ['/api/reports/diagnosis/B1?month=2026-03', '支部党建诊疗报告'],
    ['/api/reports/members/M1', '党员锋领指数报告'],
  ])('%s fits the A4 printable width, violates no CSP, and prints on A4 pages', async (path, title) => {
    const page = await browser.newPage({ viewport: { width: Math.floor(180 * MM), height: Math.floor(267 * MM) }, extraHTTPHeaders: asLeader });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (m.location().url.endsWith('/favicon.ico')) return; // the browser's own favicon probe, not the page's doing
      problems.push(m.text()); // a CSP refusal would land here
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    const res = await page.goto(`${url}${path}`);
    expect(res!.headers()['content-type']).toMatch(/^text\/html/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('h1').textContent()).toBe(title);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(problems).toEqual([]);
    expect(requests.filter((p) => p !== '/favicon.ico')).toEqual([path.split('?')[0]]); // nothing else loaded

    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThanOrEqual(1);
    expect(boxes.length).toBeLessThanOrEqual(2);
    for (const [w, h] of boxes) {
      expect(w).toBeCloseTo(595.3, -1); // 210 mm in points
      expect(h).toBeCloseTo(841.9, -1); // 297 mm in points
    }
  });
});
