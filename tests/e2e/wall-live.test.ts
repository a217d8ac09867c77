// The built wall against a stand-in server speaking the real wire protocol (Socket.IO, the
// shared event types): snapshot on subscribe, numbered deltas, a gap, a version change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallSnapshot } from '../../shared/snapshot.ts';
import type { ClientToServerEvents, ServerToClientEvents, SubscribeMsg } from '../../shared/socket.ts';
import { hasChromium, launchChromium, until } from '../helpers/browser.ts';
import { buildScreen, serveStatic, type Served } from './static-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const snap = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/snapshot.district.json'), 'utf8')) as WallSnapshot;
const geo = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/map.demo.json'), 'utf8'));

let browser: Browser;
let served: Served;
let io: Server<ClientToServerEvents, ServerToClientEvents>;
const subscribes: SubscribeMsg[] = [];
let connections = 0;

const kpi = (page: Page, i: number) => page.locator('[data-testid="kpi-value"]').nth(i).textContent();

describe.skipIf(!hasChromium)('the wall on a live socket', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    served = await serveStatic(await buildScreen(ROOT, 'live'), (path) =>
      path === '/api/map' ? geo : path === '/api/config' ? { centreName: '测试区党建指挥中心', version: 'v1', scope: 'D01' } : undefined,
    );
    io = new Server(served.server);
    io.on('connection', (socket) => {
      connections++;
      socket.on('subscribe', (msg) => {
        subscribes.push(msg);
        if (msg.lastSeq === undefined) socket.emit('snapshot', { scope: msg.scope, seq: 1, asOf: snap.asOf, data: snap });
      });
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    io?.close();
    await served?.close().catch(() => {});
  });

  it('subscribes, draws the snapshot, applies deltas, resyncs a gap and reloads on a new version', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 640 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${served.url}/`);

    await until(() => subscribes.length > 0);
    expect(subscribes[0]).toEqual({ scope: 'D01' });
    await until(async () => (await kpi(page, 1)) === '47,126');
    expect(await page.locator('h1').textContent()).toBe('测试区党建指挥中心');
    expect(await page.locator('[data-testid="connection"]').textContent()).toContain('实时');
    await page.waitForSelector('[data-panel="map"] canvas');

    io.emit('delta', { scope: 'D01', seq: 2, asOf: snap.asOf + 1000, patches: [{ path: ['kpis', 'lights', 'red'], value: 40 }] });
    await until(async () => (await kpi(page, 5)) === '40');

    const before = subscribes.length;
    io.emit('delta', { scope: 'D01', seq: 4, asOf: snap.asOf + 3000, patches: [{ path: ['kpis', 'lights', 'red'], value: 99 }] });
    await until(() => subscribes.length > before);
    expect(subscribes.at(-1)).toEqual({ scope: 'D01', lastSeq: 2 });
    io.emit('delta', { scope: 'D01', seq: 3, asOf: snap.asOf + 2000, patches: [{ path: ['kpis', 'lights', 'red'], value: 41 }] });
    await until(async () => (await kpi(page, 5)) === '99'); // 3 filled the gap, held 4 applied

    io.emit('heartbeat', { asOf: snap.asOf, seq: { D01: 4 }, version: 'v1' });
    const reloaded = page.waitForEvent('load');
    const connectionsBefore = connections;
    io.emit('heartbeat', { asOf: snap.asOf, seq: { D01: 4 }, version: 'v2' });
    await reloaded;
    await until(() => connections > connectionsBefore);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a silent server turns the wall stale after 15 s: grey badge with the last update time, panels greyed', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 640 } });
    await page.goto(`${served.url}/`);
    await until(async () => (await kpi(page, 1)) === '47,126');
    expect(await page.getAttribute('[data-panel="warnings"]', 'data-status')).toBe('ok');
    await until(async () => ((await page.locator('[data-testid="connection"]').textContent()) ?? '').includes('数据过期'), 20_000);
    expect(await page.getAttribute('[data-panel="warnings"]', 'data-status')).toBe('stale');
    expect(await page.locator('[data-panel="warnings"]').textContent()).toContain('数据已过期');
    await page.close();
  });
});
