// 3. startup: spawn the server on the district database (--no-simulator) and poll GET /api/orgs/tree
// until it answers 200; then the same on a copy whose fact history is made ~10× longer with
// INSERT … SELECT (ids and months shifted back a year per copy). Startup loads only the directory
// (orgs, groups, members, memberships), so the long history should not move it.
// Run alone: npx tsx tests/bench/startup.ts [copies=9] (9 copies = history ×10, as the issue asks; 4 = ×5, quicker to build)
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { copyDb, districtDb, median, nowMs, report, spawnServer, waitFor200 } from './lib.ts';

const COPIES = Number(process.argv[2] ?? 9);
const RUNS = 3;

async function startOnce(db: string): Promise<{ tree: number; snapshot: number }> {
  const s = await spawnServer(db, ['--no-simulator']);
  try {
    const tree = (await waitFor200(`${s.url}/api/orgs/tree`)) - s.spawnedAt;
    // The first snapshot needs the first full evaluation (main.ts starts it right after listen).
    const snapshot = (await waitFor200(`${s.url}/api/snapshot`)) - s.spawnedAt;
    return { tree, snapshot };
  } finally {
    await s.stop();
  }
}

async function measure(db: string) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await startOnce(db));
  return { tree: median(runs.map((r) => r.tree)), snapshot: median(runs.map((r) => r.snapshot)), runs };
}

function lengthen(file: string, copies: number): { seconds: number; counts: Record<string, number> } {
  const t = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const year = (k: number) => `printf('%04d', CAST(substr(month, 1, 4) AS INTEGER) - ${k}) || substr(month, 5)`;
  const YEAR_MS = 365 * 86_400_000;
  const tx = db.transaction(() => {
    for (let k = 1; k <= copies; k++) {
      db.exec(`INSERT INTO meetings (id, org_code, kind, held_at, month, group_code, topic)
        SELECT id || '~h${k}', org_code, kind, held_at - ${k * YEAR_MS}, ${year(k)}, group_code, topic FROM meetings WHERE id NOT LIKE '%~h%'`);
      db.exec(`INSERT INTO attendance (meeting_id, member_id, status, checked_in_at)
        SELECT meeting_id || '~h${k}', member_id, status, checked_in_at - ${k * YEAR_MS} FROM attendance WHERE meeting_id NOT LIKE '%~h%'`);
      db.exec(`INSERT INTO dues (id, member_id, month, amount, paid_at)
        SELECT id || '~h${k}', member_id, ${year(k)}, amount, paid_at - ${k * YEAR_MS} FROM dues WHERE id NOT LIKE '%~h%'`);
    }
  });
  tx();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const counts = Object.fromEntries(['meetings', 'attendance', 'dues'].map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
  db.close();
  return { seconds: (performance.now() - t) / 1000, counts };
}

const base = districtDb();
const t0 = nowMs();
const short = await measure(base);
const longDb = copyDb(base, 'district-long.db');
const grown = lengthen(longDb, COPIES);
const long = await measure(longDb);
const mib = (f: string) => statSync(f).size / 2 ** 20;

report('startup', [
  { figure: 'spawn → first 200 /api/orgs/tree', value: short.tree, unit: 'ms', target: '< 2000 ms', note: `median of ${RUNS}; db ${mib(base).toFixed(0)} MiB` },
  { figure: 'spawn → first 200 /api/snapshot', value: short.snapshot, unit: 'ms', note: 'includes the first full evaluation' },
  { figure: `same, history ×${COPIES + 1}: /api/orgs/tree`, value: long.tree, unit: 'ms', target: '≈ unchanged', note: `db ${mib(longDb).toFixed(0)} MiB; ${grown.counts.attendance.toLocaleString('en')} attendance rows` },
  { figure: `same, history ×${COPIES + 1}: /api/snapshot`, value: long.snapshot, unit: 'ms' },
], { short, long, lengthen: grown, wallSeconds: (nowMs() - t0) / 1000 });
