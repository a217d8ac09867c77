// The rig of the wall benchmarks: the built screen served by a real server child process (its own
// copy of the district, an operator token for POSTs) and the wall open in headless Chromium (a
// third process). 2D map (`?gl=0`): without a GPU there is no WebGL, as on a wall PC without one.
import type { Browser, CDPSession, Page } from 'playwright-core';
import { join } from 'node:path';
import { buildScreen } from '../e2e/static-server.ts';
import { launchChromium, until } from '../helpers/browser.ts';
import { asOperator, testTokensFile } from '../helpers/tokens.ts';
import { copyDb, districtDb, ROOT, spawnServer, waitFor200, type ServerProc } from './lib.ts';

export interface WallRig {
  server: ServerProc;
  browser: Browser;
  page: Page;
  cdp: CDPSession;
  stop(): Promise<void>;
}

/** Index of "今日签到" (check-ins today) among the ribbon's KPI values. */
export const CHECKINS_KPI = 7;

export async function openWall(name: string, viewport: { width: number; height: number }, serverArgs: string[]): Promise<WallRig> {
  const screenDir = await buildScreen(ROOT, 'bench');
  const db = copyDb(districtDb(), `${name}.db`);
  const server = await spawnServer(db, ['--tokens', testTokensFile(), '--screen', screenDir, ...serverArgs]);
  await waitFor200(`${server.url}/api/snapshot`, 120_000); // the first evaluation is done
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => console.error(`page error: ${e}`));
  // tsx compiles the functions handed to page.evaluate with esbuild's keepNames, whose __name
  // helper exists only in Node.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(`${server.url}/?gl=0`);
  await until(async () => /\d/.test((await page.locator('[data-testid="kpi-value"]').nth(CHECKINS_KPI).textContent()) ?? ''), 60_000);
  const cdp = await page.context().newCDPSession(page);
  return {
    server, browser, page, cdp,
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}

/** POSTs a batch of events as the operator; throws unless every event was accepted. */
export async function postEvents(url: string, events: unknown[]): Promise<void> {
  const res = await fetch(`${url}/api/events`, { method: 'POST', headers: { ...asOperator, 'content-type': 'application/json' }, body: JSON.stringify(events) });
  const body = (await res.json()) as { accepted?: number };
  if (res.status !== 200 || body.accepted !== events.length) throw new Error(`POST /api/events: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
}

export const bearer = asOperator.authorization;

/** The page's JS heap after a full collection, and what it holds that could leak. */
export async function heapAndCounts(rig: { page: Page; cdp: CDPSession }) {
  await rig.cdp.send('HeapProfiler.collectGarbage');
  await rig.cdp.send('HeapProfiler.collectGarbage');
  const heap = await rig.cdp.send('Runtime.getHeapUsage');
  const dom = await rig.cdp.send('Memory.getDOMCounters');
  // ECharts marks each live instance's container; dispose() empties the mark.
  const charts = await rig.page.evaluate(() => Array.from(document.querySelectorAll('[_echarts_instance_]')).filter((e) => e.getAttribute('_echarts_instance_')).length);
  return { heapMiB: heap.usedSize / 2 ** 20, charts, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

export const screenshotPath = (file: string) => join(ROOT, 'tests/artifacts', file);
