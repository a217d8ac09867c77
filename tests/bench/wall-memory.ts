// 9. wall-memory: does the wall hold its memory over many deltas? The real server cannot send
// 50,000 deltas in a bench's time (one per 100 ms window at most, fewer when it is busy), so:
// the district's real snapshot, map and config are read from a real server child process, which
// then stops; this process serves the built screen with a stand-in Socket.IO server that answers
// subscribe with that snapshot and then streams numbered deltas shaped like the server's (KPIs,
// feed, three map points every time; rankings and warnings every 10th; meetings and dues every
// 50th) at ~500/s. The page (Chromium, 5760×1920) applies them all. Measured after two forced
// collections (CDP HeapProfiler.collectGarbage): JS heap, live ECharts instances, DOM nodes and
// listeners, after 2,000 deltas of warm-up, half-way and at the end.
// Run alone: npx tsx tests/bench/wall-memory.ts [deltas=50000] [perSecond=500]
import { loadavg } from 'node:os';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { Server } from 'socket.io';
import { applyPatches } from '../../shared/patches.ts';
import type { Patch, WallSnapshot } from '../../shared/snapshot.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/socket.ts';
import { buildScreen, serveStatic } from '../e2e/static-server.ts';
import { launchChromium, until } from '../helpers/browser.ts';
import { copyDb, districtDb, report, ROOT, spawnServer, waitFor200 } from './lib.ts';
import { CHECKINS_KPI, heapAndCounts } from './wall-lib.ts';

const DELTAS = Number(process.argv[2] ?? 50_000);
const PER_SECOND = Number(process.argv[3] ?? 500);
const WARM_UP = 2_000;
const LIGHTS = ['green', 'yellow', 'red', 'grey'] as const;

async function realDistrict() {
  const server = await spawnServer(copyDb(districtDb(), 'wall-memory.db'), ['--no-simulator']);
  try {
    await waitFor200(`${server.url}/api/snapshot`, 120_000);
    const get = async (path: string) => (await fetch(`${server.url}${path}`)).json();
    return { snap: (await get('/api/snapshot')) as WallSnapshot, map: await get('/api/map'), config: (await get('/api/config')) as { scope: string } };
  } finally {
    await server.stop();
  }
}

/** The k-th delta on top of `s`: what a busy district's window changes. */
function nextPatches(s: WallSnapshot, k: number): Patch[] {
  const kpis = { ...s.kpis, checkinsToday: s.kpis.checkinsToday + 1 };
  const item = { id: `wm-${k}`, at: s.asOf + k * 100, kind: 'checkin' as const, org: s.map.points[k % s.map.points.length].code, orgName: null, text: `张*华 扫码签到 · 第${k}次` };
  const patches: Patch[] = [{ path: ['kpis'], value: kpis }, { path: ['feed'], value: [item, ...s.feed].slice(0, 50) }];
  for (let j = 0; j < 3; j++) {
    const i = (k * 37 + j * 911) % s.map.points.length;
    const p = s.map.points[i];
    patches.push({ path: ['map', 'points', i], value: { ...p, light: LIGHTS[(k + j) % 4], score: ((p.score ?? 80) + 1) % 100 } });
  }
  if (k % 10 === 0) {
    const top = s.rankings.top;
    patches.push({ path: ['rankings'], value: { ...s.rankings, top: [...top.slice(1), top[0]].map((r, i) => ({ ...r, rank: i + 1 })) } });
    patches.push({ path: ['warnings'], value: s.warnings.map((w) => ({ ...w })) });
  }
  if (k % 50 === 0) {
    patches.push({ path: ['meetings'], value: { ...s.meetings, compliance3m1l: s.meetings.compliance3m1l.map((c) => (c === null ? c : Math.min(1, c + 0.0001))) } });
    patches.push({ path: ['dues'], value: { ...s.dues } });
  }
  return patches;
}

const { snap, map, config } = await realDistrict();
const served = await serveStatic(await buildScreen(ROOT, 'bench'), (path) => (path === '/api/map' ? map : path === '/api/config' ? config : undefined));
const io = new Server<ClientToServerEvents, ServerToClientEvents>(served.server);
let state = snap;
let seq = 1;
io.on('connection', (socket) => socket.on('subscribe', (msg) => socket.emit('snapshot', { scope: msg.scope, seq, asOf: state.asOf, data: state })));

let browser: Browser | null = null;
try {
  browser = await launchChromium();
  const page: Page = await browser.newPage({ viewport: { width: 5760, height: 1920 } });
  await page.goto(`${served.url}/?gl=0`);
  await until(async () => /\d/.test((await page.locator('[data-testid="kpi-value"]').nth(CHECKINS_KPI).textContent()) ?? ''), 60_000);
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const rig = { page, cdp };

  const applied: { deltas: number; seconds: number }[] = [];
  /** Streams deltas up to number `to` at PER_SECOND and waits until the page has applied them. */
  async function stream(to: number) {
    const t0 = Date.now();
    const first = seq;
    while (seq - 1 < to) {
      const due = first + ((Date.now() - t0) * PER_SECOND) / 1000;
      for (; seq < due && seq - 1 < to; ) {
        const patches = nextPatches(state, seq);
        seq++;
        state = applyPatches(state, patches);
        io.emit('delta', { scope: config.scope, seq, asOf: state.asOf, patches });
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    // The page may apply deltas more slowly than they come: wait until it shows the last one.
    const expected = String(snap.kpis.checkinsToday + seq - 1);
    await until(async () => (await page.locator('[data-testid="kpi-value"]').nth(CHECKINS_KPI).textContent())?.replace(/\D/g, '') === expected, 300_000);
    applied.push({ deltas: seq - first, seconds: (Date.now() - t0) / 1000 });
  }
  await stream(WARM_UP);
  const before = await heapAndCounts(rig);
  process.stderr.write(`wall-memory: after ${WARM_UP} deltas ${JSON.stringify(before)}\n`);
  await stream(WARM_UP + DELTAS / 2);
  const half = await heapAndCounts(rig);
  process.stderr.write(`wall-memory: half-way ${JSON.stringify(half)}\n`);
  await stream(WARM_UP + DELTAS);
  const after = await heapAndCounts(rig);
  const last = applied.at(-1)!;
  const load = loadavg()[0].toFixed(2);
  const counts = (c: typeof before) => `${c.charts} ECharts instances, ${c.nodes} DOM nodes, ${c.listeners} listeners`;
  report('wall-memory', [
    { figure: `JS heap after ${WARM_UP.toLocaleString('en')} deltas (warm-up, after GC)`, value: before.heapMiB, unit: 'MiB', note: counts(before) },
    { figure: `JS heap after +${(DELTAS / 2).toLocaleString('en')} deltas`, value: half.heapMiB, unit: 'MiB', note: counts(half) },
    { figure: `JS heap after +${DELTAS.toLocaleString('en')} deltas`, value: after.heapMiB, unit: 'MiB', note: counts(after) },
    { figure: 'heap growth, warm-up → end', value: (after.heapMiB / before.heapMiB - 1) * 100, unit: '%', target: '< 10 %', note: `sent at ${PER_SECOND}/s; the page applied the last ${last.deltas.toLocaleString('en')} in ${last.seconds.toFixed(0)} s; load ${load}` },
  ], { before, half, after, perSecond: PER_SECOND, applied });
} finally {
  await browser?.close();
  io.close();
  await served.close();
}
