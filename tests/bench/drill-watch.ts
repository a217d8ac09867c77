// The drill benchmarks' in-page watcher (drill.ts, drill-ab.ts): from the next pointerdown it
// checks every animation frame until the organisation scene is drawn (after it was seen loading),
// then until its charts' animations have ended. Not a test: it only measures.
import type { Page } from 'playwright-core';

export interface Timing {
  drawn: number;
  settled: number;
}

/** Arms an in-page watcher: from the next pointerdown, checks every frame until the organisation
 * scene is drawn (after it was seen loading), then until its charts' animations have ended. */
export function arm(page: Page): Promise<void> {
  return page.evaluate(() => {
    type Chart = { isDisposed(): boolean; getOption(): { series?: unknown[] } | undefined; getZr(): { animation: { isFinished(): boolean } } };
    const chartOf = (globalThis as { __vanguardChartOf?: (el: HTMLElement) => Chart | undefined }).__vanguardChartOf!;
    const w = window as unknown as { __drill?: Promise<{ drawn: number; settled: number } | null> };
    w.__drill = new Promise((resolve) => {
      let drawn = 0;
      let done = false;
      // A click that opened nothing answers null, one whose charts never settle NaN, not a hang
      // (60 s: on a machine shared by many, a 5760-wide frame can take a second).
      const giveUp = setTimeout(() => {
        done = true;
        resolve(drawn ? { drawn, settled: NaN } : null);
      }, 60_000);
      addEventListener(
        'pointerdown',
        () => {
          const t0 = performance.now();
          const seen = window as unknown as { __drillFrames: number };
          seen.__drillFrames = 0;
          let sawLoading = false;
          // A chart of the scene being left may be disposed between the query and the call.
          const charts = () =>
            Array.from(document.querySelectorAll('[data-panel] .wall-chart')).map((c) => {
              const el = c.querySelector('[_echarts_instance_]') as HTMLElement | null;
              const chart = el ? chartOf(el) : undefined;
              return chart && !chart.isDisposed() ? chart : undefined;
            });
          const frame = () => {
            if (done) return;
            seen.__drillFrames++;
            // A scene switch is a moment of disposals and re-creations: a frame that catches one
            // mid-way looks again at the next.
            try {
              check();
            } catch (e) {
              (window as unknown as { __drillError?: string }).__drillError = String(e);
            }
            if (!done) requestAnimationFrame(frame);
          };
          const check = () => {
            const panels = Array.from(document.querySelectorAll<HTMLElement>('[data-panel]')).filter((e) => e.dataset.panel !== 'header');
            const inScene = document.querySelector('[data-panel="calendar"]') !== null;
            // Stricter since the overview is kept, hidden and without data-panel names, until the
            // new scene has drawn (screen/App.vue): the scene on show must be the one the URL
            // names, by its own breadcrumb, not merely some scene with every panel filled.
            const want = decodeURIComponent(location.pathname.replace(/^\/org\//, ''));
            const here = document.querySelector('[data-panel="header"] [data-testid="crumb"][aria-current="page"]')?.getAttribute('data-code');
            const ok = inScene && here === want && panels.every((e) => e.dataset.status === 'ok');
            if (!ok) sawLoading = true;
            if (!drawn && ok && sawLoading && charts().every((c) => c && (c.getOption()?.series?.length ?? 0) > 0)) drawn = performance.now() - t0;
            if (drawn && charts().every((c) => c && c.getZr().animation.isFinished())) {
              clearTimeout(giveUp);
              done = true;
              resolve({ drawn, settled: performance.now() - t0 });
            }
          };
          requestAnimationFrame(frame);
        },
        { once: true, capture: true },
      );
    });
  });
}
export const statuses = (page: Page) =>
  page.$$eval('[data-panel]', (els) => els.map((e) => `${e.getAttribute('data-panel')}=${e.getAttribute('data-status')}/${e.querySelectorAll('[_echarts_instance_]').length}`).join(' '));
export const result = (page: Page) => page.evaluate(() => (window as unknown as { __drill: Promise<Timing | null> }).__drill);

