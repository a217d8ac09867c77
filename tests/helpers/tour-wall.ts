// A real server on the small demo district with a tour file and test tokens, and a Chromium to
// watch the built wall with — shared by the tour's browser tests (cycle, privacy, soak).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { buildApp } from '../../server/app.ts';
import { manualClock } from '../../server/clock.ts';
import { testConfig } from '../../server/config.ts';
import { generateDemo } from '../../server/sources/demo/index.ts';
import { parseInstant } from '../../shared/periods.ts';
import type { TourScene } from '../../shared/tour.ts';
import { testTokensFile } from './tokens.ts';

export { CHROMIUM, launchChromium, until } from './browser.ts';
export const DEMO_CLOCK = parseInstant('2026-06-18T10:00:00+08:00')!;

/** One scene of every kind, each `seconds` long, captions numbered so a test can tell them apart. */
export function testTour(seconds: number, idleResumeSeconds = 5): { idleResumeSeconds: number; scenes: TourScene[] } {
  const kinds = ['overview', 'meetings', 'dues', 'warnings', 'rankings', 'spotlight', 'pipeline'] as const;
  return {
    idleResumeSeconds,
    scenes: kinds.map((kind, i) => ({
      kind,
      durationSeconds: seconds,
      caption: { zh: `测试场景${i + 1}：${kind === 'spotlight' ? '{name}' : kind === 'warnings' ? '本月消除红灯 {cleared} 个' : '三会一课 {compliance}'}`, en: `Test scene ${i + 1}: ${kind}` },
      ...(kind === 'spotlight' ? { rotateAmong: 3 } : {}),
    })),
  };
}

export interface TourServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** The small demo district (one plant, eight branches, ~325 members) with `tour` as its tour file. */
export async function startTourServer(screenDir: string, tour: unknown): Promise<TourServer> {
  const dir = mkdtempSync(join(tmpdir(), 'vanguard-tour-'));
  const tourFile = join(dir, 'tour.json');
  writeFileSync(tourFile, JSON.stringify(tour));
  const app = await buildApp(testConfig({ db: join(dir, 'wall.db'), dataDir: dir, screenDir, tourFile, tokensFile: testTokensFile() }), { clock: manualClock(DEMO_CLOCK) });
  const demo = generateDemo({ seed: 7, scale: 'small', clock: DEMO_CLOCK });
  writeFileSync(join(dir, 'demo-map.geojson'), JSON.stringify(demo.map));
  app.services.importDataset(demo.dataset);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, close: () => app.close() };
}

export interface TourLogEntry {
  visit: string;
  scene: string;
  mode: string;
  kind: string | null;
  text: string;
  path: string;
}

/** Records in the page every change of the tour layer (and the path with it) into
 * window.__tourLog: 1 s scenes are too quick to sample from outside on a busy machine. */
export async function recordTour(page: Page): Promise<() => Promise<TourLogEntry[]>> {
  await page.waitForSelector('[data-testid="tour-layer"]', { state: 'attached' });
  await page.evaluate(() => {
    const layer = document.querySelector<HTMLElement>('[data-testid="tour-layer"]')!;
    const log: unknown[] = [];
    (window as unknown as { __tourLog: unknown[] }).__tourLog = log;
    let last = '';
    const note = () => {
      const cap = layer.querySelector<HTMLElement>('[data-testid="tour-caption"]:not(.tour-swap-leave-active)');
      const entry = { visit: layer.dataset.visit, scene: layer.dataset.scene, mode: layer.dataset.mode, kind: cap?.dataset.kind ?? null, text: cap?.innerText ?? '', path: location.pathname };
      const json = JSON.stringify(entry);
      if (json !== last) log.push(entry);
      last = json;
    };
    new MutationObserver(note).observe(layer, { attributes: true, childList: true, subtree: true, characterData: true });
    note();
  });
  return () => page.evaluate(() => (window as unknown as { __tourLog: TourLogEntry[] }).__tourLog);
}
