// Where a drill's time goes (issue #6): the same click as drill.ts (map point → branch scene,
// then crumb → committee), with the page's own clock on each step — URL change, subscribe sent,
// detail fetch out and back, snapshot frame in, every animation frame — plus a Chromium trace of
// the main thread (script, style, layout, paint, raster) and a sampled CPU profile of the script,
// between the pointerdown and the drawn frame. The screen is built unminified so the profile
// names functions. Not a figure of record: drill.ts is; this says why.
// Run alone: npx tsx tests/bench/drill-breakdown.ts [branches=3]
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, mapPointPixel, until } from '../helpers/browser.ts';
import { copyDb, districtDb, ROOT, spawnServer, waitFor200 } from './lib.ts';

const BRANCHES = Number(process.argv[2] ?? 3);

// Marks on the page's clock, from the moment the page loads (addInitScript).
function probes() {
  const w = window as unknown as Record<string, unknown> & { WebSocket: typeof WebSocket };
  const marks: [number, string][] = [];
  w.__marks = marks;
  const mark = (what: string) => marks.push([performance.now(), what]);
  const push = history.pushState.bind(history);
  history.pushState = (data: unknown, unused: string, url?: string | URL | null) => {
    mark(`url ${url}`);
    return push(data, unused, url);
  };
  const f = window.fetch.bind(window);
  window.fetch = async (...a: Parameters<typeof fetch>) => {
    const url = String(a[0]);
    mark(`fetch out ${url}`);
    const r = await f(...a);
    mark(`fetch headers ${url}`);
    const json = r.json.bind(r);
    r.json = async () => {
      const j = await json();
      mark(`fetch json ${url}`);
      return j;
    };
    return r;
  };
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, d: string | ArrayBufferLike | Blob | ArrayBufferView) {
    if (typeof d === 'string' && d.includes('subscribe')) mark(`ws out ${d.slice(0, 80)}`);
    return send.call(this, d);
  };
  const Orig = window.WebSocket;
  const Probed = function (this: unknown, url: string | URL, protocols?: string | string[]) {
    const ws = new Orig(url, protocols);
    ws.addEventListener('message', (e) => {
      const d = typeof e.data === 'string' ? e.data : '';
      const m = /^\d+\["(\w+)"/.exec(d);
      if (m && m[1] !== 'heartbeat' && m[1] !== 'feed') mark(`ws in ${m[1]} ${d.length} B`);
    });
    return ws;
  } as unknown as typeof WebSocket;
  Object.assign(Probed, { prototype: Orig.prototype, CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  w.WebSocket = Probed;
  w.__resources = () =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.name.includes('/detail'))
      .map((r) => [r.name.replace(/.*\/orgs\//, ''), r.startTime, r.requestStart, r.responseStart, r.responseEnd]);
  addEventListener('pointerdown', () => mark('pointerdown'), { capture: true });
  addEventListener('click', () => mark('click'), { capture: true });
}

/** Resolves with the drawn time after the next pointerdown, marking every frame meanwhile. */
function arm(page: Page): Promise<void> {
  return page.evaluate(() => {
    type Chart = { isDisposed(): boolean; getOption(): { series?: unknown[] } | undefined };
    const chartOf = (globalThis as { __vanguardChartOf?: (el: HTMLElement) => Chart | undefined }).__vanguardChartOf!;
    const w = window as unknown as { __drill?: Promise<number>; __marks: [number, string][] };
    w.__drill = new Promise((resolve) => {
      addEventListener(
        'pointerdown',
        () => {
          let sawLoading = false;
          let last = '';
          const frame = (ts: number) => {
            const panels = Array.from(document.querySelectorAll<HTMLElement>('[data-panel]')).filter((e) => e.dataset.panel !== 'header');
            const state = panels.map((e) => `${e.dataset.panel}=${e.dataset.status}`).join(' ');
            const ok = document.querySelector('[data-panel="calendar"]') !== null && panels.every((e) => e.dataset.status === 'ok');
            if (!ok) sawLoading = true;
            const charts = Array.from(document.querySelectorAll('[data-panel] .wall-chart')).map((c) => {
              const el = c.querySelector('[_echarts_instance_]') as HTMLElement | null;
              const chart = el ? chartOf(el) : undefined;
              return chart && !chart.isDisposed() ? chart : undefined;
            });
            const withOption = charts.filter((c) => c && (c.getOption()?.series?.length ?? 0) > 0).length;
            const summary = `${state} charts ${withOption}/${charts.length}`;
            w.__marks.push([performance.now(), `frame (rAF ts ${ts.toFixed(0)})${summary === last ? '' : ' ' + summary}`]);
            last = summary;
            if (ok && sawLoading && withOption === charts.length) return resolve(performance.now());
            requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        },
        { once: true, capture: true },
      );
    });
  });
}

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; cat: string; args?: { data?: { url?: string; functionName?: string } } }

/** Main-thread time by top-level trace event name between t0 and t1 (µs, trace clock). */
function mainThread(events: TraceEvent[], t0: number, t1: number): [string, number][] {
  const main = events.find((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain');
  const byName = new Map<string, number>();
  const complete = events.filter((e) => e.ph === 'X' && e.dur && (!main || (e.tid === main.tid && e.pid === main.pid)) && e.ts >= t0 && e.ts <= t1);
  complete.sort((a, b) => a.ts - b.ts);
  // Top-level only: an event inside a longer one is already counted by it.
  let end = -Infinity;
  let total = 0;
  for (const e of complete) {
    if (e.ts < end) continue;
    end = e.ts + e.dur!;
    total += e.dur!;
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur!);
  }
  byName.set('(busy total)', total);
  return [...byName].sort((a, b) => b[1] - a[1]);
}
/** The main thread's long tasks (≥ 5 ms) in order, with their biggest children, and raster
 * work on other threads per 50 ms, both from t0. */
function timeline(events: TraceEvent[], t0: number, t1: number): string[] {
  const main = events.find((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain');
  const onMain = (e: TraceEvent) => !main || (e.tid === main.tid && e.pid === main.pid);
  const xs = events.filter((e) => e.ph === 'X' && e.dur && e.ts >= t0 && e.ts <= t1).sort((a, b) => a.ts - b.ts);
  const out: string[] = [];
  let end = -Infinity;
  for (const e of xs) {
    if (!onMain(e) || e.ts < end) continue;
    end = e.ts + e.dur!;
    if (e.dur! < 5000) continue;
    const kids = new Map<string, number>();
    for (const k of xs) if (onMain(k) && k !== e && k.ts >= e.ts && k.ts + (k.dur ?? 0) <= end && ['FunctionCall', 'Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'Commit', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'v8.run', 'MajorGC', 'MinorGC', 'ParseHTML', 'XHRReadyStateChange', 'RunMicrotasks', 'V8.GC_SCAVENGER', 'Layerize', 'UpdateLayer', 'HitTest', 'BeginMainThreadFrame', 'Document::UpdateStyleAndLayout'].includes(k.name)) kids.set(k.name, (kids.get(k.name) ?? 0) + k.dur!);
    out.push(`${((e.ts - t0) / 1000).toFixed(0).padStart(6)} ms ${(e.dur! / 1000).toFixed(0).padStart(4)} ms  ${e.name}: ${[...kids].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`).join(', ')}`);
  }
  const raster = new Map<number, number>();
  for (const e of xs) if (!onMain(e) && e.name === 'RasterTask') {
    const b = Math.floor((e.ts - t0) / 50_000);
    raster.set(b, (raster.get(b) ?? 0) + e.dur!);
  }
  out.push('raster per 50 ms (other threads): ' + [...raster].sort((a, b) => a[0] - b[0]).map(([b, d]) => `${b * 50}:${(d / 1000).toFixed(0)}`).join(' '));
  return out;
}
/** Self time per rendering step, wherever it nests (Layout inside a script's forced reflow too). */
function renderSteps(events: TraceEvent[], t0: number, t1: number): [string, number][] {
  const names = ['Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'RasterTask', 'Commit', 'ParseHTML', 'v8.compile', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'ParseAuthorStyleSheet', 'HitTest', 'Decode Image', 'ImageDecodeTask', 'GPUTask'];
  const out = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.dur && names.includes(e.name) && e.ts >= t0 && e.ts <= t1) out.set(e.name, (out.get(e.name) ?? 0) + e.dur);
  return [...out].sort((a, b) => b[1] - a[1]);
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
/** Self time (ms) by function, and total (inclusive) time by chosen entry points. */
function profileSummary(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): { self: [string, number][]; inclusive: [string, number][] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const n = byId.get(id)!;
    self.set(label(n), (self.get(label(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      incl.set(l, (incl.get(l) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  return { self: top(self, 30), inclusive: top(incl, 60) };
}

async function drill(page: Page, cdp: CDPSession, browser: Awaited<ReturnType<typeof launchChromium>>, label: string, act: () => Promise<void>) {
  await page.evaluate(() => ((window as unknown as { __marks: unknown[] }).__marks.length = 0));
  await arm(page);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'] });
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await act();
  const drawnAt = await page.evaluate(() => (window as unknown as { __drill: Promise<number> }).__drill);
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const marks = await page.evaluate(() => (window as unknown as { __marks: [number, string][] }).__marks);
  const t0 = marks.find((m) => m[1] === 'pointerdown')?.[0] ?? marks[0][0];
  const res = (await page.evaluate('window.__resources()')) as [string, number, number, number, number][];
  for (const [name, ...ts] of res) if (ts[0] >= t0) marks.push([ts[3], `resource timing ${name}: start ${(ts[0] - t0).toFixed(0)}, request ${(ts[1] - t0).toFixed(0)}, response ${(ts[2] - t0).toFixed(0)}…${(ts[3] - t0).toFixed(0)}`]);
  marks.sort((a, b) => a[0] - b[0]);
  console.log(`\n=== ${label}: drawn ${(drawnAt - t0).toFixed(0)} ms`);
  let prev = t0;
  for (const [t, what] of marks) {
    if (t < t0) continue;
    console.log(`${(t - t0).toFixed(0).padStart(6)} ms (+${(t - prev).toFixed(0).padStart(4)})  ${what}`);
    prev = t;
  }
  // The trace clock: the pointerdown's EventDispatch is the start.
  const ev = trace.traceEvents;
  const down = ev.find((e) => e.name === 'EventDispatch' && (e.args as { data?: { type?: string } } | undefined)?.data?.type === 'pointerdown');
  const start = down?.ts ?? 0;
  const stop = start + (drawnAt - t0) * 1000;
  const rasterTotal = ev.filter((e) => e.ph === 'X' && e.name === 'RasterTask' && e.ts >= start && e.ts <= stop).reduce((a, e) => a + (e.tdur ?? e.dur!), 0);
  const mainCpu = ev.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.ts >= start && e.ts <= stop).reduce((a, e) => a + (e.tdur ?? e.dur!), 0);
  summary.push(`${label}: drawn ${(drawnAt - t0).toFixed(0)} ms, raster cpu ${(rasterTotal / 1000).toFixed(0)} ms, RunTask cpu ${(mainCpu / 1000).toFixed(0)} ms`);
  console.log('main thread, top-level (ms):', mainThread(ev, start, stop).slice(0, 14).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`).join(', '));
  for (const line of timeline(ev, start, stop)) console.log(line);
  console.log('rendering steps (ms, any depth):', renderSteps(ev, start, stop).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`).join(', '));
  const p = profileSummary(profile as unknown as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] });
  console.log('script self time (ms):');
  for (const [n, d] of p.self) console.log(`  ${d.toFixed(1).padStart(7)}  ${n}`);
  console.log('script inclusive time (ms):');
  for (const [n, d] of p.inclusive) console.log(`  ${d.toFixed(1).padStart(7)}  ${n}`);
}

const summary: string[] = [];
const { build } = await import('vite');
const screenDir = join(ROOT, 'dist', 'e2e-bench-drill-breakdown');
// DRILL_REUSE=1: the screen built by the previous run (for trying style sheets one after another).
if (!process.env.DRILL_REUSE) await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: screenDir, emptyOutDir: true, minify: false } });
const db = copyDb(districtDb(), 'drill-breakdown.db');
const server = await spawnServer(db, ['--no-simulator', '--screen', screenDir]);
const browser = await launchChromium();
try {
  await waitFor200(`${server.url}/api/snapshot`, 120_000);
  const snap = (await (await fetch(`${server.url}/api/snapshot`)).json()) as { map: { points: { code: string }[] } };
  const points = snap.map.points;
  const page = await browser.newPage({ viewport: { width: 5760, height: 1920 } });
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(probes);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  // DRILL_CSS: a style sheet added to the page, to try what a rendering change would save.
  if (process.env.DRILL_CSS) await page.addInitScript((css) => addEventListener('DOMContentLoaded', () => document.head.append(Object.assign(document.createElement('style'), { textContent: css }))), process.env.DRILL_CSS);
  await page.goto(`${server.url}/?gl=0`);
  let done = 0;
  for (let i = 0; done < BRANCHES && i < points.length; i += 97) {
    const code = points[(i + 7) % points.length].code;
    await until(async () => (await mapPointPixel(page, code)) !== null, 60_000);
    await page.waitForTimeout(1500);
    const at = (await mapPointPixel(page, code))!;
    const onCanvas = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-panel="map"] [_echarts_instance_]') != null, at);
    if (!onCanvas) continue;
    await drill(page, cdp, browser, `branch ${code}`, () => page.mouse.click(at.x, at.y));
    await page.waitForTimeout(1500);
    const crumbs = page.locator('[data-testid="crumb"]');
    const n = await crumbs.count();
    await drill(page, cdp, browser, `committee of ${code}`, () => crumbs.nth(n - 2).click());
    await page.waitForTimeout(1000);
    await page.keyboard.press('Home');
    await until(() => new URL(page.url()).pathname === '/');
    done++;
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`\n${summary.join('\n')}`);
