// 1. demo: generateDemo at district scale (seed 1), then buildDemo into a fresh database file.
// Run alone: npx tsx tests/bench/demo.ts
import { join } from 'node:path';
import { existsSync, rmSync } from 'node:fs';
import { buildDemo } from '../../server/cli/demo-build.ts';
import { generateDemo } from '../../server/sources/demo/index.ts';
import { benchDir, report, prepareDistrict } from './lib.ts';

const dir = benchDir();
const clock = Date.now();

let t = performance.now();
const { dataset } = generateDemo({ seed: 1, scale: 'district', clock });
const genSec = (performance.now() - t) / 1000;
const rows = Object.values(dataset).reduce((n, r) => n + r.length, 0);
const perTable = Object.fromEntries(Object.entries(dataset).map(([k, v]) => [k, v.length]));

// buildDemo generates again and writes: this is the `npm run demo` path end to end. It leaves
// district.db in the bench dir for the other benchmarks.
const db = join(dir, 'district.db');
for (const s of ['', '-wal', '-shm']) if (existsSync(db + s)) rmSync(db + s);
t = performance.now();
const built = buildDemo({ db, seed: 1, scale: 'district', clock, dataDir: join(dir, 'data') });
const buildSec = (performance.now() - t) / 1000;
prepareDistrict(db); // not timed: the other benchmarks start from a deployment's steady state

report('demo', [
  { figure: 'generateDemo (in memory)', value: genSec, unit: 's', note: `${rows.toLocaleString('en')} rows` },
  { figure: 'buildDemo (generate + write db)', value: buildSec, unit: 's', target: '< 60 s', note: `${built.rows.toLocaleString('en')} rows, ${built.orgs} orgs, ${built.members} members` },
  { figure: 'write only (build − generate)', value: buildSec - genSec, unit: 's' },
], { rows, perTable, clock });
