// npm run bench: runs each sub-benchmark as its own process, one after the other, sharing one temp
// dir (the district database is built once, by demo.ts), then prints all figures as one table.
// Figures, not a test: nothing asserts on speed. Results: tests/artifacts/bench.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACT, machine, printTable, ROOT, type Figure } from './lib.ts';

const ALL = ['demo', 'import', 'startup', 'evaluation', 'ingest', 'ingest-cpu', 'push-window', 'latency', 'drill', 'wall-latency', 'wall-frames', 'wall-memory'];
const only = process.argv.slice(2);
const benches = only.length ? ALL.filter((b) => only.includes(b)) : ALL;
const dir = mkdtempSync(join(tmpdir(), 'vanguard-bench-'));
const started = Date.now();
console.log(`machine: ${JSON.stringify(machine())}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; temp dir ${dir}`);
const status: Record<string, string> = {};
try {
  for (const b of benches) {
    console.log(`\n== ${b} ==`);
    const t = Date.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/bench', `${b}.ts`)], {
      cwd: ROOT, stdio: 'inherit', env: { ...process.env, VANGUARD_BENCH_DIR: dir },
    });
    status[b] = r.status === 0 ? `ok in ${((Date.now() - t) / 1000).toFixed(0)} s` : `FAILED (exit ${r.status ?? r.signal})`;
    console.log(`-- ${b}: ${status[b]}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const all = JSON.parse(readFileSync(ARTIFACT, 'utf8')) as { results: Record<string, { figures: Figure[] }> };
console.log(`\n== all figures (${((Date.now() - started) / 1000).toFixed(0)} s) ==`);
printTable(benches.flatMap((b) => all.results[b]?.figures ?? []));
for (const [b, s] of Object.entries(status)) console.log(`${b}: ${s}`);
if (Object.values(status).some((s) => s.startsWith('FAILED'))) process.exitCode = 1;
