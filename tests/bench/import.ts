// 2. import: the district exported to a CSV folder (writeCsvFolder), then readSource + importDataset
// into a fresh database, the path `npm run import` takes. Run alone: npx tsx tests/bench/import.ts
import { join } from 'node:path';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { generateDemo } from '../../server/sources/demo/index.ts';
import { writeCsvFolder } from '../../server/sources/export/index.ts';
import { readSource } from '../../server/sources/import/index.ts';
import { createStore } from '../../server/store/store.ts';
import { benchDir, report } from './lib.ts';

const dir = benchDir();
const folder = join(dir, 'district-csv');
let t = performance.now();
const { dataset } = generateDemo({ seed: 1, scale: 'district', clock: Date.now() });
await writeCsvFolder(dataset, folder);
const exportSec = (performance.now() - t) / 1000;
const csvBytes = readdirSync(folder).reduce((n, f) => n + statSync(join(folder, f)).size, 0);

const db = join(dir, 'imported.db');
for (const s of ['', '-wal', '-shm']) if (existsSync(db + s)) rmSync(db + s);
const store = createStore(db);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
// The same call importInto makes (existing = the empty store's lookups).
const read = await readSource(folder, { existing: store.importLookup });
const t1 = performance.now();
if (!read.ok) throw new Error(`import refused: ${JSON.stringify(read.errors.slice(0, 3))}`);
const summary = store.importDataset(read.dataset);
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
store.close();
const readSec = (t1 - t0) / 1000;
const writeSec = (t2 - t1) / 1000;
const total = readSec + writeSec;
const rows = read.rows;

report('import', [
  { figure: 'rows imported', value: rows, unit: 'rows', note: `CSV ${(csvBytes / 2 ** 20).toFixed(0)} MiB; export took ${exportSec.toFixed(1)} s` },
  { figure: 'end to end (read + write)', value: rows / total, unit: 'rows/s', target: '≥ 100,000 rows/s', note: `${total.toFixed(1)} s` },
  { figure: 'read (parse + validate + refs)', value: rows / readSec, unit: 'rows/s', note: `${readSec.toFixed(1)} s (${((readSec / total) * 100).toFixed(0)} %)` },
  { figure: 'write (importDataset, 1 tx)', value: rows / writeSec, unit: 'rows/s', note: `${writeSec.toFixed(1)} s (${((writeSec / total) * 100).toFixed(0)} %)` },
  { figure: 'CPU of this process', value: (cpu.user + cpu.system) / 1e6, unit: 's' },
], { rows, csvBytes, readSec, writeSec, added: summary });
