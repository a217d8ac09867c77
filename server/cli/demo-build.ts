// Generates the demo district into a database file (replacing it) and writes its demo map.
// Used by `npm run demo` and by `npm start` when the database is missing.

import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateDemo } from '../sources/demo/index.ts';
import { createStore } from '../store/store.ts';

export interface DemoOptions {
  db: string;
  seed: number;
  scale: 'small' | 'district';
  clock: number;
  dataDir: string;
}

export function buildDemo(o: DemoOptions): { rows: number; orgs: number; members: number; seconds: number } {
  const started = performance.now();
  mkdirSync(dirname(o.db), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(o.db + suffix)) rmSync(o.db + suffix);
  const { dataset, map } = generateDemo({ seed: o.seed, scale: o.scale, clock: o.clock });
  mkdirSync(o.dataDir, { recursive: true });
  writeFileSync(join(o.dataDir, 'demo-map.geojson'), JSON.stringify(map));
  // Build into a temporary file and rename, so a killed run never leaves half a district.
  const tmp = `${o.db}.building`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(tmp + suffix)) rmSync(tmp + suffix);
  const store = createStore(tmp);
  try {
    store.importDataset(dataset);
    store.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', ?)").run(JSON.stringify({ seed: o.seed, scale: o.scale, clock: o.clock }));
    store.checkpoint();
  } finally {
    store.close();
  }
  for (const suffix of ['-wal', '-shm']) if (existsSync(tmp + suffix)) rmSync(tmp + suffix);
  // rename is atomic on one file system
  renameSync(tmp, o.db);
  const rows = Object.values(dataset).reduce((n, rows) => n + rows.length, 0);
  return { rows, orgs: dataset.orgs.length, members: dataset.members.length, seconds: (performance.now() - started) / 1000 };
}
