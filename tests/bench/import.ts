// 2. import: the district exported to a CSV folder (writeCsvFolder), then imported into a fresh
// database twice: the way `npm run import` does it (importPath: a worker thread parses while the
// main thread writes), and the in-thread way (readSource, then importDataset) for comparison.
// Run alone: npx tsx tests/bench/import.ts. An existing <bench dir>/district-csv is reused
// (the export takes ~30 s and does not change what is measured).
import { join } from 'node:path';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { DATASET_FILES } from '../../shared/domain.ts';
import { generateDemo } from '../../server/sources/demo/index.ts';
import { writeCsvFolder } from '../../server/sources/export/index.ts';
import { importPath } from '../../server/sources/import-source.ts';
import { readSource } from '../../server/sources/import/index.ts';
import { createStore, type Store } from '../../server/store/store.ts';
import { benchDir, report } from './lib.ts';

const dir = benchDir();
const folder = join(dir, 'district-csv');
let exportNote = 'export reused';
if (!DATASET_FILES.every((f) => existsSync(join(folder, `${f}.csv`)))) {
  const t = performance.now();
  const { dataset } = generateDemo({ seed: 1, scale: 'district', clock: Date.now() });
  await writeCsvFolder(dataset, folder);
  exportNote = `export took ${((performance.now() - t) / 1000).toFixed(1)} s`;
}
const csvBytes = readdirSync(folder).reduce((n, f) => n + statSync(join(folder, f)).size, 0);

/** CPU seconds of this process's main thread alone (Linux: /proc/self/task/<pid>/stat). */
function mainThreadCpu(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function freshStore(name: string): Store {
  const db = join(dir, name);
  for (const s of ['', '-wal', '-shm']) if (existsSync(db + s)) rmSync(db + s);
  return createStore(db);
}

async function timed<T>(run: () => Promise<T>) {
  const load = loadavg()[0];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpu();
  const value = await run();
  const cpu = process.cpuUsage(cpu0);
  return { value, sec: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6, mainCpu: mainThreadCpu() - main0, load };
}

// The in-thread way: read and validate everything, then write.
const inThreadStore = freshStore('imported-in-thread.db');
let readSec = 0;
const inThread = await timed(async () => {
  const t = performance.now();
  const read = await readSource(folder, { existing: inThreadStore.importLookup });
  readSec = (performance.now() - t) / 1000;
  if (!read.ok) throw new Error(`import refused: ${JSON.stringify(read.errors.slice(0, 3))}`);
  inThreadStore.importDataset(read.dataset);
  return read.rows;
});
inThreadStore.close();

// The way `npm run import` goes.
const streamedStore = freshStore('imported.db');
const streamed = await timed(async () => {
  const res = await importPath(streamedStore, folder);
  if (!res.ok) throw new Error(`import refused: ${JSON.stringify(res.errors.slice(0, 3))}`);
  return res;
});
streamedStore.close();
if (!streamed.value.ok) throw new Error('unreachable');
const rows = streamed.value.rows;
if (rows !== inThread.value) throw new Error(`row counts differ: ${rows} streamed, ${inThread.value} in-thread`);

const load = (l: number) => `load ${l.toFixed(1)} at start`;
report('import', [
  { figure: 'rows imported', value: rows, unit: 'rows', note: `CSV ${(csvBytes / 2 ** 20).toFixed(0)} MiB; ${exportNote}` },
  {
    figure: 'end to end, npm run import (reader thread + writer)',
    value: rows / streamed.sec,
    unit: 'rows/s',
    target: '≥ 100,000 rows/s',
    note: `${streamed.sec.toFixed(1)} s; ${load(streamed.load)}`,
  },
  { figure: '  CPU: writing (main) thread', value: streamed.mainCpu, unit: 's', note: `${fmtRate(rows / streamed.mainCpu)} rows per CPU-second` },
  { figure: '  CPU: other threads (reader thread, V8 and libuv helpers)', value: streamed.cpu - streamed.mainCpu, unit: 's' },
  { figure: '  CPU: whole process', value: streamed.cpu, unit: 's' },
  { figure: 'in-thread: read, then write', value: rows / inThread.sec, unit: 'rows/s', note: `${inThread.sec.toFixed(1)} s; ${load(inThread.load)}` },
  { figure: '  of which read (parse + validate + refs)', value: rows / readSec, unit: 'rows/s', note: `${readSec.toFixed(1)} s` },
  { figure: '  of which write (importDataset, 1 tx)', value: rows / (inThread.sec - readSec), unit: 'rows/s', note: `${(inThread.sec - readSec).toFixed(1)} s` },
], { rows, csvBytes, streamed: { ...streamed, value: undefined }, inThread: { ...inThread, readSec }, added: streamed.value.summary.added });

function fmtRate(v: number): string {
  return Math.round(v).toLocaleString('en');
}
