// 7. drill: click → fully drawn organisation scene, in Chromium at 5760×1920 on the district
// database (no simulator). From the overview, a click on the 2D map's canvas at a branch's point
// (convertToPixel), timed in the page from the pointerdown to the first frame in which every
// panel has its data and every chart holds its option ("drawn"), and to the frame in which every
// chart's animation has ended ("settled"); Home, then the next branch. Then from a branch to its
// committee by the breadcrumb, timed the same way.
// Run alone: npx tsx tests/bench/drill.ts [branches=20] [committees=10]
import type { Page } from 'playwright-core';
import { buildScreen } from '../e2e/static-server.ts';
import { launchChromium, mapPointPixel, until } from '../helpers/browser.ts';
import { districtDb, quantile, report, ROOT, spawnServer, waitFor200 } from './lib.ts';

const BRANCHES = Number(process.argv[2] ?? 20);
const COMMITTEES = Number(process.argv[3] ?? 10);

interface Timing {
  drawn: number;
  settled: number;
}

/** Arms an in-page watcher: from the next pointerdown, checks every frame until the organisation
 * scene is drawn (after it was seen loading), then until its charts' animations have ended. */
function arm(page: Page): Promise<void> {
  return page.evaluate(() => {
    type Chart = { getOption(): { series?: unknown[] }; getZr(): { animation: { isFinished(): boolean } } };
    const chartOf = (globalThis as { __vanguardChartOf?: (el: HTMLElement) => Chart | undefined }).__vanguardChartOf!;
    const w = window as unknown as { __drill?: Promise<{ drawn: number; settled: number }> };
    w.__drill = new Promise((resolve) => {
      addEventListener(
        'pointerdown',
        () => {
          const t0 = performance.now();
          let sawLoading = false;
          let drawn = 0;
          const charts = () =>
            Array.from(document.querySelectorAll('[data-panel] .wall-chart')).map((c) => {
              const el = c.querySelector('[_echarts_instance_]') as HTMLElement | null;
              return el ? chartOf(el) : undefined;
            });
          const frame = () => {
            const panels = Array.from(document.querySelectorAll<HTMLElement>('[data-panel]')).filter((e) => e.dataset.panel !== 'header');
            const inScene = document.querySelector('[data-panel="calendar"]') !== null;
            const ok = inScene && panels.every((e) => e.dataset.status === 'ok');
            if (!ok) sawLoading = true;
            if (!drawn && ok && sawLoading && charts().every((c) => c && (c.getOption().series?.length ?? 0) > 0)) drawn = performance.now() - t0;
            if (drawn && charts().every((c) => c && c.getZr().animation.isFinished())) return resolve({ drawn, settled: performance.now() - t0 });
            requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        },
        { once: true, capture: true },
      );
    });
  });
}
const result = (page: Page) => page.evaluate(() => (window as unknown as { __drill: Promise<Timing> }).__drill);

const db = districtDb();
const screenDir = await buildScreen(ROOT, 'bench-drill');
const server = await spawnServer(db, ['--no-simulator', '--screen', screenDir]);
const browser = await launchChromium();
const branches: Timing[] = [];
const committees: Timing[] = [];
try {
  await waitFor200(`${server.url}/api/snapshot`, 120_000); // the first full evaluation is done
  const snap = (await (await fetch(`${server.url}/api/snapshot`)).json()) as { map: { points: { code: string; parentCode: string }[] } };
  const points = snap.map.points;
  const step = Math.max(1, Math.floor(points.length / BRANCHES));
  const targets = Array.from({ length: BRANCHES }, (_, i) => points[(i * step + 7) % points.length].code);

  const page = await browser.newPage({ viewport: { width: 5760, height: 1920 } });
  await page.goto(`${server.url}/?gl=0`);
  for (const [i, code] of targets.entries()) {
    await until(async () => (await mapPointPixel(page, code)) !== null, 60_000);
    await page.waitForTimeout(1500); // the overview settles: its map's entry animation has ended
    const at = (await mapPointPixel(page, code))!;
    await arm(page);
    await page.mouse.click(at.x, at.y);
    const t = await result(page);
    // 2,600 points share one map: a neighbour drawn on top may take the click, which is a drill too.
    if (!new URL(page.url()).pathname.startsWith('/org/')) throw new Error(`clicked ${code}'s point, stayed on ${page.url()}`);
    branches.push(t);
    process.stderr.write(`branch ${i + 1}/${BRANCHES} ${code}: drawn ${t.drawn.toFixed(0)} ms, settled ${t.settled.toFixed(0)} ms\n`);
    if (i < COMMITTEES) {
      await page.waitForTimeout(500);
      await arm(page);
      const crumbs = page.locator('[data-testid="crumb"]');
      await crumbs.nth((await crumbs.count()) - 2).click(); // the branch's parent
      const c = await result(page);
      committees.push(c);
      process.stderr.write(`  → committee: drawn ${c.drawn.toFixed(0)} ms, settled ${c.settled.toFixed(0)} ms\n`);
    }
    await page.keyboard.press('Home');
    await until(() => new URL(page.url()).pathname === '/');
  }
} finally {
  await browser.close();
  await server.stop();
}

const fig = (xs: number[], q: number) => Math.round(quantile(xs, q));
const note = (n: number) => `Chromium 5760×1920, software rendering, n=${n}`;
report('drill', [
  { figure: 'map click → branch scene drawn, p50', value: fig(branches.map((t) => t.drawn), 0.5), unit: 'ms', target: '< 300 ms', note: note(branches.length) },
  { figure: 'map click → branch scene drawn, p95', value: fig(branches.map((t) => t.drawn), 0.95), unit: 'ms', target: '< 300 ms' },
  { figure: 'map click → branch charts settled, p50', value: fig(branches.map((t) => t.settled), 0.5), unit: 'ms', note: 'entry animations ended' },
  { figure: 'map click → branch charts settled, p95', value: fig(branches.map((t) => t.settled), 0.95), unit: 'ms' },
  { figure: 'crumb → committee scene drawn, p50', value: fig(committees.map((t) => t.drawn), 0.5), unit: 'ms', target: '< 300 ms', note: note(committees.length) },
  { figure: 'crumb → committee scene drawn, p95', value: fig(committees.map((t) => t.drawn), 0.95), unit: 'ms', target: '< 300 ms' },
], { branches, committees });
