// Builds the screen, opens /?fixture=1 in real Chromium at three viewport sizes, screenshots it
// into tests/artifacts/, and checks what a visitor would notice: empty panels, overlapping
// panels, console errors, text smaller than 24 design px, and clicks landing where they look.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, smallText, until } from '../helpers/browser.ts';
import { buildScreen, serveStatic } from './static-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
const PANELS = ['header', 'kpi', 'ticker', 'map', 'org', 'members', 'pipeline', 'meetings', 'dues', 'ranking', 'warnings', 'measures'];
const CHART_PANELS = ['map', 'org', 'members', 'pipeline', 'meetings', 'dues'];

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

describe.skipIf(!hasChromium)('the wall on the fixture, in Chromium', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    server = await serveStatic(await buildScreen(ROOT, 'fixture'));
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(width: number, height: number, query = ''): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/?fixture=1${query}`);
    for (const id of CHART_PANELS) await page.waitForSelector(`[data-panel="${id}"] canvas`, { timeout: 20_000 });
    await page.waitForTimeout(1500); // chart entry animations
    return { page, errors };
  }

  // Chromium here may expose WebGL through SwiftShader even with --disable-gpu, so the 2D
  // fallback is also checked explicitly with ?gl=0.
  for (const [width, height, layout, query] of [
    [5760, 1920, 'wall', ''],
    [1920, 1080, 'wide16x9', ''],
    [1920, 640, 'wall', ''],
    [5760, 1920, 'wall', '&gl=0'],
    [1920, 1080, 'wide16x9', '&gl=0'],
  ] as const) {
    it(`${width}×${height}${query}: every panel filled, none overlapping, text ≥ 24 px, no console errors`, async () => {
      const { page, errors } = await open(width, height, query);
      await page.screenshot({ path: join(ARTIFACTS, `wall-${width}x${height}${query ? '-2d' : ''}.png`) });

      const layoutClass = await page.getAttribute('[data-testid="canvas"]', 'class');
      expect(layoutClass).toContain(`layout-${layout}`);

      const panels = await page.$$eval('[data-panel]', (els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return {
            id: el.getAttribute('data-panel')!,
            box: { x: r.x, y: r.y, w: r.width, h: r.height },
            text: (el as HTMLElement).innerText.trim().length,
            canvases: el.querySelectorAll('canvas').length,
            empty: el.querySelector('.panel-empty') !== null,
            status: el.getAttribute('data-status'),
          };
        }),
      );
      expect(panels.map((p) => p.id).sort()).toEqual([...PANELS].sort());
      for (const p of panels) {
        expect(p.empty, `${p.id} shows an empty state`).toBe(false);
        expect(p.box.w * p.box.h, `${p.id} is not visible`).toBeGreaterThan(0);
        expect(p.text + p.canvases, `${p.id} has no content`).toBeGreaterThan(0);
        if (CHART_PANELS.includes(p.id)) expect(p.canvases, `${p.id} has no chart`).toBeGreaterThan(0);
      }
      for (let i = 0; i < panels.length; i++)
        for (let j = i + 1; j < panels.length; j++) {
          const a = panels[i].box;
          const b = panels[j].box;
          const overlap = a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
          expect(overlap, `${panels[i].id} overlaps ${panels[j].id}`).toBe(false);
        }

      // Computed font sizes are in design px (the canvas transform does not change them).
      const small = await smallText(page);
      expect(small).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('hit-testing follows the scaled canvas: a click at a row on screen lands on that row', async () => {
    const { page } = await open(1920, 640);
    const row = page.locator('[data-testid="measure-row"]').first();
    const box = (await row.boundingBox())!;
    await page.evaluate(() => {
      (window as unknown as { hit: string | null }).hit = null;
      document.addEventListener('click', (e) => {
        const row = (e.target as Element).closest('[data-testid="measure-row"]');
        (window as unknown as { hit: string | null }).hit = row?.textContent ?? null;
      });
    });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const hit = await page.evaluate(() => (window as unknown as { hit: string | null }).hit);
    expect(hit).toBe(await row.textContent());
    // and the canvas really is scaled down here (1920/5760)
    const scale = await page.$eval('[data-testid="canvas"]', (el) => el.getBoundingClientRect().width / 5760);
    expect(scale).toBeCloseTo(1 / 3, 2);
    await page.close();
  });
});
