// 7. wall-latency, event to pixels: the wall (district root, 1920×640 viewport) in Chromium on a
// real server; the PAGE posts single check-ins at 20 events/s for 60 s (its own fetch, so post
// times and DOM times share one clock, performance.now) and a MutationObserver on the "今日签到"
// KPI notes when the number on screen first reaches base + k. Latency of the k-th check-in =
// that moment − its post. The number rolls (1.2 s ease-out tween) as on the wall; a second pass
// with reduced motion (numbers jump) shows how much of it is the roll.
// Run alone: npx tsx tests/bench/wall-latency.ts [seconds=60] [rate=20]
import { formatInstant } from '../../shared/periods.ts';
import { bearer, CHECKINS_KPI, openWall, postEvents } from './wall-lib.ts';
import { districtDb, quantile, report } from './lib.ts';

const SECONDS = Number(process.argv[2] ?? 60);
const RATE = Number(process.argv[3] ?? 20);
const N = SECONDS * RATE;

/** Meetings held now in the biggest branches, and one check-in per member present, N in all. */
async function checkIns(pass: string) {
  const { default: Database } = await import('better-sqlite3');
  const d = new Database(districtDb(), { readonly: true });
  const rows = d.prepare('SELECT id, org_code AS org FROM members WHERE left_on IS NULL AND org_code IN (SELECT org_code FROM members WHERE left_on IS NULL GROUP BY org_code ORDER BY count(*) DESC LIMIT 60) ORDER BY org_code, id').all() as { id: string; org: string }[];
  d.close();
  const at = formatInstant(Date.now());
  const orgs = [...new Set(rows.map((r) => r.org))];
  const meetings = orgs.map((org) => ({ id: `wl-${pass}-m-${org}`, type: 'meeting.held', at, meetingId: `wl-${pass}-${org}`, org, kind: 'theme_day' }));
  const checks = rows.slice(0, N).map((r, i) => ({ id: `wl-${pass}-c-${i}`, type: 'attendance.checked_in', at, meetingId: `wl-${pass}-${r.org}`, member: r.id }));
  if (checks.length < N) throw new Error(`only ${checks.length} members in the 60 biggest branches`);
  return { meetings, checks };
}

async function pass(reducedMotion: boolean) {
  const name = reducedMotion ? 'jump' : 'roll';
  const rig = await openWall(`wall-latency-${name}`, { width: 1920, height: 640 }, ['--no-simulator']);
  try {
    await rig.page.emulateMedia({ reducedMotion: reducedMotion ? 'reduce' : 'no-preference' });
    const { meetings, checks } = await checkIns(name);
    await postEvents(rig.server.url, meetings);
    await new Promise((r) => setTimeout(r, 3000)); // the meetings' own deltas have landed
    process.stderr.write(`wall-latency (${name}): posting ${N} check-ins at ${RATE}/s from the page\n`);
    const out = await rig.page.evaluate(
      async ({ checks, rate, kpi, bearer }) => {
        const el = document.querySelectorAll('[data-testid="kpi-value"]')[kpi];
        const value = () => Number((el.textContent ?? '').replace(/[^\d]/g, ''));
        const base = value();
        const n = checks.length;
        const posted = new Float64Array(n).fill(NaN);
        const shown = new Float64Array(n).fill(NaN);
        const answered = new Float64Array(n).fill(NaN);
        let seen = 0;
        let failed = 0;
        const mo = new MutationObserver(() => {
          const t = performance.now();
          for (const v = value() - base; seen < Math.min(v, n); seen++) shown[seen] = t;
        });
        mo.observe(el, { characterData: true, childList: true, subtree: true });
        const t0 = performance.now() + 100;
        for (let i = 0; i < n; i++) {
          const wait = t0 + (i * 1000) / rate - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          posted[i] = performance.now();
          fetch('/api/events', { method: 'POST', headers: { authorization: bearer, 'content-type': 'application/json' }, body: JSON.stringify([checks[i]]) })
            .then((r) => (r.ok ? (answered[i] = performance.now()) : failed++), () => failed++);
        }
        const end = performance.now() + 20_000;
        while (seen < n && performance.now() < end) await new Promise((r) => setTimeout(r, 100));
        mo.disconnect();
        const lat: number[] = [];
        const post: number[] = [];
        const wall: number[] = [];
        for (let i = 0; i < n; i++) {
          if (!Number.isNaN(shown[i])) lat.push(shown[i] - posted[i]);
          if (!Number.isNaN(answered[i])) post.push(answered[i] - posted[i]);
          if (!Number.isNaN(shown[i]) && !Number.isNaN(answered[i])) wall.push(shown[i] - answered[i]);
        }
        return { lat, post, wall, failed, seen, postSpan: posted[n - 1] - posted[0] };
      },
      { checks, rate: RATE, kpi: CHECKINS_KPI, bearer },
    );
    return { name, ...out };
  } finally {
    await rig.stop();
  }
}

const roll = await pass(false);
const jump = await pass(true);
const load = (await import('node:os')).loadavg()[0].toFixed(2);
const fig = (p: typeof roll, label: string) => [
  { figure: `event→pixels p50 (${label})`, value: quantile(p.lat, 0.5), unit: 'ms', target: 'p99 ≤ 1,000 ms', note: `${p.seen}/${N} shown, ${p.failed} failed POSTs, posted over ${(p.postSpan / 1000).toFixed(1)} s` },
  { figure: `event→pixels p99 (${label})`, value: quantile(p.lat, 0.99), unit: 'ms', target: 'p99 ≤ 1,000 ms', note: `max ${Math.round(Math.max(...p.lat))} ms; load ${load}` },
  { figure: `POST answered p50 (${label})`, value: quantile(p.post, 0.5), unit: 'ms', note: `p99 ${Math.round(quantile(p.post, 0.99))} ms: the write's share` },
  { figure: `answered→pixels p50 (${label})`, value: quantile(p.wall, 0.5), unit: 'ms', note: `p99 ${Math.round(quantile(p.wall, 0.99))} ms: delta window, push and the page` },
];
report('wall-latency', [...fig(roll, 'rolling numbers'), ...fig(jump, 'reduced motion')], { rate: RATE, seconds: SECONDS });
