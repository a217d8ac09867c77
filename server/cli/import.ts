// npm run import -- --db <file> <folder|file.xlsx>
// Reads and validates the whole source; writes it in one transaction or writes nothing.

import { parseFlags } from '../config.ts';
import { createStore } from '../store/store.ts';
import { formatErrors, importPath } from '../sources/import-source.ts';

async function main(): Promise<number> {
  const { flags, rest } = parseFlags(process.argv.slice(2));
  const db = typeof flags.get('db') === 'string' ? (flags.get('db') as string) : 'data/vanguard.db';
  if (rest.length !== 1) {
    console.error('usage: npm run import -- --db <file> <folder-of-csv | workbook.xlsx>');
    return 2;
  }
  const store = createStore(db);
  try {
    const started = performance.now();
    const res = await importPath(store, rest[0]);
    if (!res.ok) {
      console.error(`import refused: ${res.errorCount} bad row(s); nothing was written\n${formatErrors(res.errors, res.errorCount)}`);
      return 1;
    }
    const secs = (performance.now() - started) / 1000;
    const added = Object.entries(res.summary.added).filter(([, n]) => n > 0).map(([f, n]) => `${f} ${n}`).join(', ');
    console.log(`imported ${res.rows} rows from ${rest[0]} into ${db} in ${secs.toFixed(1)} s (${Math.round(res.rows / secs)} rows/s); new: ${added || 'nothing'}`);
    return 0;
  } finally {
    store.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(1);
});
