// 8. wall-frames: the wall at its design size, 5760×1920, in headless Chromium (software
// rendering, no GPU) on a real server whose simulator posts ~20 events/s (steady live updates:
// a delta every 100 ms window). After 15 s of warm-up the page records requestAnimationFrame
// deltas and 'longtask' entries (> 50 ms) for 60 s.
// Run alone: npx tsx tests/bench/wall-frames.ts [seconds=60] [rate=20]
import { loadavg } from 'node:os';
import { quantile, report } from './lib.ts';
import { openWall, screenshotPath } from './wall-lib.ts';

const SECONDS = Number(process.argv[2] ?? 60);
const RATE = Number(process.argv[3] ?? 20);

const rig = await openWall('wall-frames', { width: 5760, height: 1920 }, ['--rate', String(RATE)]);
try {
  await new Promise((r) => setTimeout(r, 15_000));
  process.stderr.write(`wall-frames: measuring ${SECONDS} s at 5760×1920\n`);
  // CPU seconds of Chromium's processes: unlike frame times, barely inflated by other load.
  const cdp = await rig.browser.newBrowserCDPSession();
  const cpu = async () => ((await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] }).processInfo;
  const cpu0 = await cpu();
  const out = await rig.page.evaluate(async (seconds) => {
    const frames: number[] = [];
    const longTasks: number[] = [];
    const po = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    po.observe({ type: 'longtask' });
    const end = performance.now() + seconds * 1000;
    await new Promise<void>((done) => {
      let last = performance.now();
      const frame = (t: number) => {
        frames.push(t - last);
        last = t;
        if (t < end) requestAnimationFrame(frame);
        else done();
      };
      requestAnimationFrame(frame);
    });
    po.disconnect();
    return { frames, longTasks };
  }, SECONDS);
  const cpu1 = await cpu();
  const used = (type: string) => (cpu1.filter((p) => p.type === type).reduce((n, p) => n + p.cpuTime, 0) - cpu0.filter((p) => p.type === type).reduce((n, p) => n + p.cpuTime, 0)) / SECONDS;
  await rig.page.screenshot({ path: screenshotPath('bench-wall-frames-5760x1920.png') });
  const perMin = (out.longTasks.length / SECONDS) * 60;
  const load = loadavg()[0].toFixed(2);
  report('wall-frames', [
    { figure: 'frame time p50 (5760×1920, live)', value: quantile(out.frames, 0.5), unit: 'ms', target: '16.7 ms', note: `${out.frames.length} frames in ${SECONDS} s; load ${load}` },
    { figure: 'frame time p95', value: quantile(out.frames, 0.95), unit: 'ms', note: `max ${Math.round(Math.max(...out.frames))} ms` },
    { figure: 'Chromium CPU, renderer', value: used('renderer') * 100, unit: '% of a core', note: `GPU process (software compositing) ${(used('gpu') * 100).toFixed(0)} %, browser ${(used('browser') * 100).toFixed(0)} %` },
    { figure: 'long tasks > 50 ms', value: perMin, unit: '/min', note: `${out.longTasks.length} in ${SECONDS} s, p50 ${Math.round(quantile(out.longTasks, 0.5) || 0)} ms, max ${Math.round(Math.max(0, ...out.longTasks))} ms` },
  ], { rate: RATE, seconds: SECONDS });
} finally {
  await rig.stop();
}
