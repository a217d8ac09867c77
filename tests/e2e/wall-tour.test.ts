// The tour in Chromium against the real server on the small demo district, with 2 s scenes from
// a tour file (1 s leaves a busy 2-core machine no time to draw a caption between two scenes): every scene of the file plays in order (a spotlight drills to a top branch and the
// next scene comes home), a click holds the tour while the visitor drills down and it resumes
// after the idle time, an operator's PUT reaches the wall live, and screenshots of focus scenes
// (the rankings scene with its vanguard leaders, masked).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScreen } from './static-server.ts';
import { asOperator } from '../helpers/tokens.ts';
import { smallText } from '../helpers/browser.ts';
import { CHROMIUM, launchChromium, recordTour, startTourServer, testTour, until, type TourServer } from '../helpers/tour-wall.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
const TOUR = testTour(2, 5);
let browser: Browser;
let server: TourServer;
let page: Page;
const errors: string[] = [];

const layer = (p: Page) => p.locator('[data-testid="tour-layer"]');
const mode = (p: Page) => layer(p).getAttribute('data-mode');
const sceneIndex = async (p: Page) => Number(await layer(p).getAttribute('data-scene'));
const caption = async (p: Page) => {
  const c = p.locator('[data-testid="tour-caption"]:visible');
  return (await c.count()) === 1 ? { kind: await c.getAttribute('data-kind'), text: await c.innerText() } : null;
};

describe.skipIf(!existsSync(CHROMIUM))('the tour on the real server', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const screenDir = await buildScreen(ROOT, 'tour');
    server = await startTourServer(screenDir, TOUR);
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('plays every scene of the file in order, and a spotlight visits a top branch and comes home', async () => {
    page = await browser.newPage({ viewport: { width: 1920, height: 640 } });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/?gl=0&tour=1`);
    const log = await recordTour(page);
    // Visits from the first scene 0 seen from its start, through scene 6, to scene 0 again.
    const cycle = await until(
      async () => {
        const entries = await log();
        const visits = [...new Set(entries.map((e) => e.visit))].map((v) => entries.filter((e) => e.visit === v));
        const from = visits.findIndex((v, i) => i > 0 && v[0].scene === '0');
        // One visit more than the cycle, so the last one has had its caption drawn.
        return from >= 0 && visits.length >= from + 9 ? visits.slice(from, from + 8) : null;
      },
      50_000,
      'a full cycle',
    );
    expect(cycle.map((v) => Number(v[0].scene))).toEqual([0, 1, 2, 3, 4, 5, 6, 0]);
    const shown = cycle.map((v) => v.filter((e) => e.kind).at(-1));
    expect(shown.map((e) => e?.kind)).toEqual([...TOUR.scenes.map((s) => s.kind), 'overview']);
    shown.slice(0, -1).forEach((e, i) => expect(e?.text).toContain(`测试场景${i + 1}`));
    shown.forEach((e) => expect(e?.text).not.toContain('—'));
    const spot = shown[5]!;
    const top = server.app.services.snapshot(server.app.services.store.dir.root!, 'public').rankings.top.slice(0, 3);
    expect(top.map((r) => `/org/${r.code}`)).toContain(spot.path);
    expect(spot.text).toContain(top.find((r) => spot.path === `/org/${r.code}`)!.name);
    expect(cycle[6].at(-1)!.path).toBe('/');
  });

  it('holds on a click (the click drills down), and resumes the same scene after the idle time', async () => {
    await until(async () => (await sceneIndex(page)) === 4, 15_000, 'the rankings scene');
    await page.mouse.click(960, 20); // the header: nothing to open there
    await until(async () => (await mode(page)) === 'idle', 2000, 'the hold');
    const held = await sceneIndex(page);
    await page.waitForTimeout(1200); // the emphasis fades while the visitor explores
    // The board scrolls, so click a point where a row is in view rather than wait for it to hold still.
    const [x, y] = await page.evaluate(() => {
      for (const row of Array.from(document.querySelectorAll('[data-panel="ranking"] [data-testid="rank-row"]'))) {
        const r = row.getBoundingClientRect();
        const at = [r.x + r.width / 2, r.y + r.height / 2] as const;
        if (row.contains(document.elementFromPoint(...at))) return at;
      }
      throw new Error('no ranking row in view');
    });
    const lastTouch = Date.now();
    await page.mouse.click(x, y);
    const drilled = await until(async () => {
      const path = await page.evaluate(() => location.pathname);
      return path.startsWith('/org/') && path;
    }, 5000, 'the drill-down');
    expect(await page.locator('[data-testid="tour-idle"]').innerText()).toContain('5 秒无操作后继续');
    await page.waitForTimeout(3000);
    expect([await mode(page), await sceneIndex(page)]).toEqual(['idle', held]);
    await until(async () => (await mode(page)) === 'playing', 6000, 'the resume');
    expect(Date.now() - lastTouch).toBeGreaterThanOrEqual(4900);
    expect(await sceneIndex(page)).toBe(held);
    await until(async () => (await page.evaluate(() => location.pathname)) !== drilled, 3000, 'the way back');
    await until(async () => (await sceneIndex(page)) === held + 1, 3000, 'the next scene');
    expect(errors).toEqual([]);
  });

  it('plays an operator\u2019s new tour as soon as it is PUT, without a reload', async () => {
    const next = JSON.parse(readFileSync(join(ROOT, 'data', 'tour.default.json'), 'utf8'));
    for (const s of next.scenes) s.durationSeconds = 600;
    const res = await fetch(`${server.url}/api/tour`, { method: 'PUT', headers: { ...asOperator, 'content-type': 'application/json' }, body: JSON.stringify(next) });
    expect(res.status).toBe(200);
    await until(async () => (await caption(page))?.text.includes(next.scenes[(await sceneIndex(page))].caption.zh.slice(0, 4)), 5000, 'the new captions');
    await page.close();
  });

  /** A page of the wall at one scene of the operator's tour (600 s scenes), emphasis and charts drawn. */
  async function showScene(width: number, height: number, scene: number): Promise<Page> {
    const shot = await browser.newPage({ viewport: { width, height } });
    shot.on('pageerror', (e) => errors.push(String(e)));
    await shot.goto(`${server.url}/?gl=0&scene=${scene}`);
    await until(async () => (await caption(shot)) !== null, 15_000, 'the caption');
    await until(async () => (await shot.locator('[data-status="loading"]').count()) === 0, 15_000, 'the panels');
    // The emphasis transition, and charts drawn one per frame (slow at 5760 × 1920 in software).
    await shot.waitForTimeout(width > 4000 ? 12_000 : 5000);
    return shot;
  }
  const focusOf = (p: Page) => p.evaluate(() => document.querySelector('[data-testid="canvas"]')?.getAttribute('data-tour-focus'));

  for (const [width, height, scene] of [
    [5760, 1920, 1],
    [1920, 1080, 3],
  ] as const) {
    it(`shows a focus scene with its caption at ${width}×${height}, no text under 24 px`, async () => {
      const shot = await showScene(width, height, scene);
      expect(await focusOf(shot)).toBe(scene === 1 ? 'meetings' : 'warnings measures');
      const small = await smallText(shot);
      expect(small).toEqual([]);
      await shot.screenshot({ path: join(ARTIFACTS, `tour-scene${scene}-${width}x${height}.png`) });
      expect(errors).toEqual([]);
      await shot.close();
    });
  }

  for (const [width, height] of [
    [5760, 1920],
    [1920, 1080],
  ] as const) {
    it(`shows the rankings scene at ${width}×${height}: the branch ranking and the vanguard leaders, masked, clear of each other`, async () => {
      const shot = await showScene(width, height, 4);
      expect(await focusOf(shot)).toBe('ranking vanguard');
      const board = shot.locator('[data-panel="vanguard"]');
      expect(await board.isVisible()).toBe(true);
      expect(await board.getAttribute('data-status')).toBe('ok');
      // The server's public list, in its order: ten masked names (张*华, 李*), no real one.
      const services = server.app.services;
      const root = services.store.dir.root!;
      const expected = services.snapshot(root, 'public').vanguardLeaders;
      expect(expected).toHaveLength(10);
      const names = await shot.locator('[data-testid="vanguard-name"]').allInnerTexts();
      expect(names).toEqual(expected.map((l) => l.name));
      for (const n of names) expect(n).toMatch(/^[\u4e00-\u9fa5]\*+[\u4e00-\u9fa5]?$/);
      const text = await shot.locator('body').innerText();
      expect(services.snapshot(root, 'leader').vanguardLeaders.filter((l) => text.includes(l.name))).toEqual([]);
      // The board, the enlarged ranking and the caption do not cover one another.
      const boxes = await shot.evaluate(() =>
        ['[data-panel="vanguard"]', '[data-panel="ranking"]', '[data-testid="tour-caption"]'].map((q) => {
          const r = document.querySelector(q)!.getBoundingClientRect();
          return { q, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }),
      );
      for (const a of boxes)
        for (const b of boxes) {
          if (a.q >= b.q) continue;
          const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          expect(overlap, `${a.q} × ${b.q}`).toBe(false);
        }
      // A long branch name in the caption is set smaller or cut, never spilt over the panels.
      expect(await shot.locator('[data-testid="tour-caption"]').evaluate((c) => c.scrollWidth <= c.clientWidth + 1)).toBe(true);
      expect(await smallText(shot)).toEqual([]);
      await shot.screenshot({ path: join(ARTIFACTS, `tour-rankings-${width}x${height}.png`) });
      expect(errors).toEqual([]);
      await shot.close();
    });
  }
});
