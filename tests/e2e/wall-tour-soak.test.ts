// Soak, accelerated: a paired remote drives a public wall through 1,001 scene changes (143 cycles, each
// with a spotlight drill-down and the way back) on the small demo district. After a warm-up of 20
// cycles, the page's JS objects (heap snapshot after a forced GC, helpers/heap.ts) and the number
// of live ECharts instances stay within 10 %, and the whole heap (compiled code included) within
// 25 % and growing more slowly in the second half than in the first; DOM nodes and listeners are
// recorded too.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/socket.ts';
import { buildScreen } from './static-server.ts';
import { jsObjectBytes } from '../helpers/heap.ts';
import { pairedRemote } from '../helpers/remote.ts';
import { CHROMIUM, launchChromium, startTourServer, testTour, until, type TourServer } from '../helpers/tour-wall.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const WARM_UP = 140;
const CHANGES = 1001;
const BURST = 25;
let browser: Browser;
let server: TourServer;
let remote: Socket<ServerToClientEvents, ClientToServerEvents>;

interface Sample {
  jsObjectsMb: number;
  heapMb: number;
  echarts: number;
  nodes: number;
  listeners: number;
}

async function sample(page: Page, cdp: CDPSession): Promise<Sample> {
  // Scene 0 is the district overview: every panel filled and every chart drawn again (charts are
  // drawn one per frame, seconds on a busy machine), then the last transitions.
  await until(async () => (await page.locator('[data-status="loading"]').count()) === 0, 30_000, 'the panels');
  await until(() => page.evaluate(() => document.querySelectorAll('.wall-chart:not(:has([_echarts_instance_]))').length === 0), 30_000, 'the charts');
  await page.waitForTimeout(2000);
  const jsObjects = await jsObjectBytes(cdp);
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const echarts = await page.evaluate(() => document.querySelectorAll('[_echarts_instance_]').length);
  return { jsObjectsMb: jsObjects / 1_048_576, heapMb: heap.usedSize / 1_048_576, echarts, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

describe.skipIf(!existsSync(CHROMIUM))('a wall touring for weeks (accelerated)', { timeout: 420_000 }, () => {
  beforeAll(async () => {
    server = await startTourServer(await buildScreen(ROOT, 'tour-soak'), testTour(600));
    browser = await launchChromium();
    remote = await pairedRemote(server.url, 'soak'); // only a paired remote may drive a wall
  });
  afterAll(async () => {
    remote?.close();
    await browser?.close();
    await server?.close();
  });

  it('keeps heap and chart instances flat over 1,001 scene changes', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 640 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${server.url}/?gl=0&tour=1&wall=soak`);
    const layer = page.locator('[data-testid="tour-layer"]');
    await until(async () => (await layer.getAttribute('data-mode')) === 'playing', 15_000, 'the tour');
    await until(async () => (await page.locator('[data-status="loading"]').count()) === 0, 15_000, 'the panels');
    const visits = async () => Number(await layer.getAttribute('data-visit'));

    // Bursts of commands, each confirmed by the wall's visit counter; a command lost in a
    // reconnect on a busy machine is sent again in the next burst. Each round ends on scene 0
    // (a 'start' at scene 0), so both samples see the same composition.
    const drive = async (n: number) => {
      const goal = (await visits()) + n;
      for (let v = await visits(); v < goal; v = await visits()) {
        const burst = Math.min(BURST, goal - v);
        for (let i = 0; i < burst; i++) remote.emit('wall:tour', { wall: 'soak', action: 'next' });
        await until(async () => (await visits()) >= v + burst, 5000, 'a burst').catch(() => undefined);
      }
      remote.emit('wall:tour', { wall: 'soak', action: 'start', scene: 0 });
      await until(async () => (await layer.getAttribute('data-scene')) === '0', 10_000, 'scene 0');
      return (await visits()) - goal + n;
    };

    const started = Date.now();
    await drive(WARM_UP);
    const before = await sample(page, cdp);
    const half = Math.floor(CHANGES / 2);
    const changes = await drive(half);
    const middle = await sample(page, cdp);
    const total = changes + (await drive(CHANGES - half));
    const after = await sample(page, cdp);
    const figures = { before, middle, after, changes: total, seconds: Math.round((Date.now() - started) / 1000) };
    mkdirSync(join(ROOT, 'tests', 'artifacts'), { recursive: true });
    writeFileSync(join(ROOT, 'tests', 'artifacts', 'tour-soak.json'), JSON.stringify(figures, null, 2));
    console.info('tour soak', JSON.stringify(figures));

    expect(total).toBeGreaterThanOrEqual(CHANGES);
    expect(before.echarts).toBeGreaterThan(0);
    expect(after.echarts).toBeLessThanOrEqual(Math.ceil(before.echarts * 1.1));
    expect(after.jsObjectsMb).toBeLessThanOrEqual(before.jsObjectsMb * 1.1);
    // The whole heap also holds V8's compiled code and Chromium's timeline buffers, which grow as
    // the organisation scene and the overview are compiled again on each spotlight round trip
    // (+17 % here, slowing: +1.3 MB in the first half, +0.5 MB in the second, with the page's own
    // objects +3 %); it is bounded loosely to catch a real leak, which would not slow down.
    expect(after.heapMb).toBeLessThanOrEqual(before.heapMb * 1.25);
    expect(after.heapMb - middle.heapMb).toBeLessThan(middle.heapMb - before.heapMb);
    expect(errors).toEqual([]);
    await page.close();
  });
});
