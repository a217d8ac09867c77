// npm run export -- --db <file> --to <folder | file.xlsx> [--scope <code>]
// Writes the database's facts in the import format (CONTRACTS §1): a folder of CSV files, or one
// workbook when --to ends in .xlsx. The CSV folder has no row limit, so it is the way to export a
// whole district; `npm run import` into an empty database gives the same indicators back.

import { writeFileSync } from 'node:fs';
import { descendants } from '../aggregate/structure.ts';
import { parseFlags } from '../config.ts';
import { writeCsvFolder, writeDatasetXlsx } from '../sources/export/index.ts';
import { readDataset } from '../store/dataset-read.ts';
import { createStore } from '../store/store.ts';

async function main(): Promise<number> {
  const { flags } = parseFlags(process.argv.slice(2));
  const db = typeof flags.get('db') === 'string' ? (flags.get('db') as string) : 'data/vanguard.db';
  const to = flags.get('to');
  const scope = flags.get('scope');
  if (typeof to !== 'string') {
    console.error('usage: npm run export -- --db <file> --to <folder | file.xlsx> [--scope <org code>]');
    return 2;
  }
  const store = createStore(db);
  try {
    if (typeof scope === 'string' && !store.dir.orgs.has(scope)) {
      console.error(`unknown organisation "${scope}"`);
      return 2;
    }
    const ds = readDataset(store.db, typeof scope === 'string' ? new Set(descendants(store.dir, scope)) : undefined);
    if (to.endsWith('.xlsx')) writeFileSync(to, await writeDatasetXlsx(ds));
    else await writeCsvFolder(ds, to);
    const rows = Object.values(ds).reduce((n, r) => n + r.length, 0);
    console.log(`exported ${rows} rows from ${db} to ${to}`);
    return 0;
  } finally {
    store.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(err instanceof RangeError ? err.message : err);
  process.exit(1);
});
