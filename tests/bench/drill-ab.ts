// drill A/B: drill.ts's clicks on two builds of the screen at once, interleaved, so a machine
// shared with other benchmarks loads both alike (the figure of record is still drill.ts on a quiet
// machine). Two servers on copies of the district database, two Chromiums; each round drills the
// same branch in A and in B (the order alternates; the other page idles on its overview — frozen
// pages had catch-up work on waking that favoured whichever went first), and counts every
// Chromium process's CPU time over the 1.5 s after the click (CDP SystemInfo.getProcessInfo):
// the drill's whole cost, deferred work included.
// Run alone: npx tsx tests/bench/drill-ab.ts <screenDirA> <screenDirB> [branches=10] [committees=5]
// (a screen dir is a `vite build --outDir` of the wall).
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium, mapPointPixel, until } from '../helpers/browser.ts';
import { arm, result, type Timing } from './drill-watch.ts';
import { copyDb, districtDb, quantile, spawnServer, waitFor200, type ServerProc } from './lib.ts';

const [dirA, dirB] = [process.argv[2], process.argv[3]];
if (!dirA || !dirB) throw new Error('usage: drill-ab.ts <screenDirA> <screenDirB> [branches] [committees]');
const BRANCHES = Number(process.argv[4] ?? 10);
const COMMITTEES = Number(process.argv[5] ?? 5);
const CPU_WINDOW_MS = 1500;

interface Variant {
  name: string;
  server: ServerProc;
  browser: Browser;
  page: Page;
  sys: CDPSession;
  branches: (Timing & { cpu: number })[];
  committees: (Timing & { cpu: number })[];
}

const cpuSeconds = async (sys: CDPSession) => {
  const { processInfo } = (await sys.send('SystemInfo.getProcessInfo')) as { processInfo: { cpuTime: number }[] };
  return processInfo.reduce((a, p) => a + p.cpuTime, 0);
};

async function open(name: string, dir: string, db: string): Promise<Variant> {
  const server = await spawnServer(copyDb(db, `drill-ab-${name}.db`), ['--no-simulator', '--screen', dir]);
  await waitFor200(`${server.url}/api/snapshot`, 120_000);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 5760, height: 1920 } });
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.goto(`${server.url}/?gl=0`);
  const sys = await browser.newBrowserCDPSession();
  return { name, server, browser, page, sys, branches: [], committees: [] };
}

/** One timed action: arm, act, wait for the drawn scene, and the CPU over the window after it. */
async function timed(v: Variant, act: () => Promise<void>): Promise<(Timing & { cpu: number }) | null> {
  await arm(v.page);
  const cpu0 = await cpuSeconds(v.sys);
  const t0 = Date.now();
  await act();
  const t = await result(v.page);
  const rest = CPU_WINDOW_MS - (Date.now() - t0);
  if (rest > 0) await v.page.waitForTimeout(rest);
  const cpu = (await cpuSeconds(v.sys)) - cpu0;
  return t ? { ...t, cpu: cpu * 1000 } : null;
}

const db = districtDb();
const variants = [await open('A', dirA, db), await open('B', dirB, db)];
try {
  const snap = (await (await fetch(`${variants[0].server.url}/api/snapshot`)).json()) as { map: { points: { code: string }[] } };
  const points = snap.map.points;
  const step = Math.max(1, Math.floor(points.length / BRANCHES));
  const targets = Array.from({ length: BRANCHES }, (_, i) => points[(i * step + 7) % points.length].code);
  for (const [i, code] of targets.entries()) {
    for (const v of i % 2 ? [...variants].reverse() : variants) {
      const { page } = v;
      await until(async () => (await mapPointPixel(page, code)) !== null, 60_000);
      await page.waitForTimeout(1500);
      const at = (await mapPointPixel(page, code))!;
      const onCanvas = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-panel="map"] [_echarts_instance_]') != null, at);
      if (onCanvas) {
        const b = await timed(v, () => page.mouse.click(at.x, at.y));
        if (b && new URL(page.url()).pathname.startsWith('/org/')) {
          v.branches.push(b);
          process.stderr.write(`${v.name} branch ${code}: drawn ${b.drawn.toFixed(0)} ms, settled ${b.settled.toFixed(0)} ms, cpu ${b.cpu.toFixed(0)} ms\n`);
          if (v.committees.length < COMMITTEES) {
            await page.waitForTimeout(500);
            const crumbs = page.locator('[data-testid="crumb"]');
            const n = await crumbs.count();
            const c = await timed(v, () => crumbs.nth(n - 2).click());
            if (c) {
              v.committees.push(c);
              process.stderr.write(`${v.name}   → committee: drawn ${c.drawn.toFixed(0)} ms, settled ${c.settled.toFixed(0)} ms, cpu ${c.cpu.toFixed(0)} ms\n`);
            }
          }
        }
        await page.keyboard.press('Home');
        await until(() => new URL(page.url()).pathname === '/');
      }
    }
  }
} finally {
  for (const v of variants) {
    await v.browser.close();
    await v.server.stop();
  }
}

const q = (xs: number[], p: number) => Math.round(quantile(xs.filter((x) => !Number.isNaN(x)), p));
const line = (label: string, xs: (Timing & { cpu: number })[]) =>
  `${label.padEnd(22)} n=${String(xs.length).padStart(2)}  drawn p50 ${q(xs.map((x) => x.drawn), 0.5)} p95 ${q(xs.map((x) => x.drawn), 0.95)}  settled p50 ${q(xs.map((x) => x.settled), 0.5)}  cpu/drill p50 ${q(xs.map((x) => x.cpu), 0.5)} ms`;
for (const v of variants) {
  console.log(line(`${v.name} branch`, v.branches));
  console.log(line(`${v.name} committee`, v.committees));
}
