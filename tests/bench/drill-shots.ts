// drill shots: screenshots of what drill.ts times, to look at after a change to the drill path —
// the overview, a branch reached by a map click, and its committee reached by the breadcrumb,
// at 5760×1920 on the district database; prints visible text under 24 px and overlapping panels.
// Run alone: npx tsx tests/bench/drill-shots.ts [screenDir] [outDir=tests/artifacts]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildScreen } from '../e2e/static-server.ts';
import { launchChromium, mapPointPixel, smallText, until } from '../helpers/browser.ts';
import { districtDb, ROOT, spawnServer, waitFor200 } from './lib.ts';

const screenDir = process.argv[2] ?? (await buildScreen(ROOT, 'bench-drill'));
const out = process.argv[3] ?? join(ROOT, 'tests/artifacts');
mkdirSync(out, { recursive: true });
const server = await spawnServer(districtDb(), ['--no-simulator', '--screen', screenDir]);
const browser = await launchChromium();
const overlaps = (page: import('playwright-core').Page) =>
  page.$$eval('[data-panel]', (els) => {
    const boxes = els.filter((e) => getComputedStyle(e).visibility !== 'hidden').map((e) => [e.getAttribute('data-panel'), e.getBoundingClientRect()] as const);
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, r] = boxes[i];
        const [b, s] = boxes[j];
        if (r.left < s.right - 1 && s.left < r.right - 1 && r.top < s.bottom - 1 && s.top < r.bottom - 1) out.push(`${a}×${b}`);
      }
    return out;
  });
try {
  await waitFor200(`${server.url}/api/snapshot`, 120_000);
  const page = await browser.newPage({ viewport: { width: 5760, height: 1920 } });
  await page.goto(`${server.url}/?gl=0`);
  const snap = (await (await fetch(`${server.url}/api/snapshot`)).json()) as { map: { points: { code: string }[] } };
  const code = snap.map.points[7].code;
  await until(async () => (await mapPointPixel(page, code)) !== null, 60_000);
  await page.waitForTimeout(2000);
  const shot = async (name: string) => {
    await page.screenshot({ path: join(out, `drill-shot-${name}.png`) });
    console.log(name, page.url(), 'small text:', await smallText(page), 'overlaps:', await overlaps(page), 'empty/loading:', await page.$$eval('[data-panel][data-status]:not([data-status="ok"])', (e) => e.map((x) => x.getAttribute('data-panel'))));
  };
  await shot('overview');
  const at = (await mapPointPixel(page, code))!;
  await page.mouse.click(at.x, at.y);
  await until(() => new URL(page.url()).pathname.startsWith('/org/'));
  await until(async () => (await page.locator('[data-panel="calendar"][data-status="ok"], [data-panel="calendar"] [data-status="ok"]').count()) > 0, 20_000);
  await page.waitForTimeout(2000);
  await shot('branch');
  const crumbs = page.locator('[data-testid="crumb"]');
  await crumbs.nth((await crumbs.count()) - 2).click();
  await page.waitForTimeout(3000);
  await shot('committee');
} finally {
  await browser.close();
  await server.stop();
}
