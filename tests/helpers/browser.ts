// Chromium for browser tests and benchmarks: one launch recipe (the flags keep a shared CI box
// quiet: no sandbox, GPU, /dev/shm, background networking or updates), one polling wait (tests
// wait on what the page shows, never on fixed sleeps alone), and probes of the drawn wall: where
// a map point is, text under 24 px, overlapping panels, charts settled.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** `extraArgs` are appended to the shared flags (a bench may add e.g. `--js-flags`). */
export function launchChromium(extraArgs: string[] = [], options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ ...options, executablePath: CHROMIUM, args: [...ARGS, ...extraArgs] });
}

/** Polls `check` until it returns something truthy and returns that; throws after `ms`. */
export async function until<T>(check: () => T | Promise<T>, ms = 15_000, what = 'condition'): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`${what} not met in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Viewport pixel of the 2D map's point for a branch, from the chart's own convertToPixel (via the
 * hook in screen/charts/setup.ts), scaled like the canvas; null until the point is drawn. */
export function mapPointPixel(page: Page, code: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((code) => {
    const el = document.querySelector('[data-panel="map"] [_echarts_instance_]') as HTMLElement | null;
    const chartOf = (globalThis as { __vanguardChartOf?: (el: HTMLElement) => any }).__vanguardChartOf;
    const chart = el && chartOf?.(el);
    if (!chart) return null;
    const series = chart.getOption().series as { data?: { code?: string; value: number[] }[] }[];
    for (let i = 0; i < series.length; i++) {
      const item = series[i].data?.find((d) => d.code === code);
      if (!item) continue;
      const [x, y] = chart.convertToPixel({ seriesIndex: i }, item.value.slice(0, 2)) as number[];
      const box = el.getBoundingClientRect();
      const scale = box.width / el.offsetWidth;
      return { x: box.left + x * scale, y: box.top + y * scale };
    }
    return null;
  }, code);
}

/** Visible text under 24 design px (computed sizes are design px: the canvas is scaled by CSS). */
export function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim()) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden' || el.getClientRects().length === 0) continue;
      if (parseFloat(cs.fontSize) < 24) out.push(`${cs.fontSize} "${n.textContent.trim().slice(0, 20)}"`);
    }
    return out;
  });
}

/** Panels whose boxes overlap (the header excepted: it holds the whole top band). */
export function overlappingPanels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = Array.from(document.querySelectorAll('[data-panel]'))
      .filter((e) => e.getAttribute('data-panel') !== 'header')
      .map((e) => ({ id: e.getAttribute('data-panel')!, r: e.getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`${boxes[i].id} × ${boxes[j].id}`);
      }
    return out;
  });
}

/** Every chart on the page has its option and no animation running (screenshots show the data). */
export function chartsSettled(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const chartOf = (globalThis as { __vanguardChartOf?: (el: HTMLElement) => any }).__vanguardChartOf;
    return Array.from(document.querySelectorAll('.wall-chart')).every((c) => {
      const el = c.querySelector('[_echarts_instance_]') as HTMLElement | null;
      const chart = el && chartOf?.(el);
      return !!chart && (chart.getOption().series?.length ?? 0) > 0 && chart.getZr().animation.isFinished();
    });
  });
}
