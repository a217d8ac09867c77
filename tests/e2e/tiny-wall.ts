// Test-only: the REAL server (buildApp + the tiny district + Socket.IO) serving a fresh build of the
// screen, as the browser tests of the organisation scene and the drill-down use it, plus what
// those tests read off the page.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { buildApp } from '../../server/app.ts';
import { manualClock } from '../../server/clock.ts';
import { testConfig } from '../../server/config.ts';
import { parseInstant } from '../../shared/periods.ts';
import { tinyDataset } from '../helpers/tiny-dataset.ts';
import { buildScreen } from './static-server.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

/** B1 has three members and a red light: the public wall names it by its parent (privacy.smallBranchSize). */
export const B1_PUBLIC_PATH = '示范区委›东湖街道党工委›东湖街道党工委下属支部';

/** Builds the screen into its own folder (`name`) and starts the server on it, on a free port. */
export async function tinyWallServer(name: string, tokensFile: string | null = null): Promise<{ app: FastifyInstance; url: string }> {
  const screenDir = await buildScreen(ROOT, name);
  const app = await buildApp(testConfig({ db: ':memory:', screenDir, tokensFile }), {
    clock: manualClock(parseInstant('2026-04-15T12:00:00+08:00')!),
  });
  app.services.importDataset(tinyDataset());
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** The breadcrumbs as one string, separators included, whitespace removed. */
export const crumbs = async (page: Page) => ((await page.locator('[data-testid="crumbs"] ol').innerText()) ?? '').replace(/\s+/g, '');
