// npm run backup -- --db <file> --to <file>
// Safe while the server runs (WAL + SQLite's online backup API). Restore: stop the server and
// copy the backup file over the database file (remove any -wal and -shm beside it first).

import { parseFlags } from '../config.ts';
import { backupTo, verifyBackup } from '../store/backup.ts';
import { openDb } from '../store/open-db.ts';

const { flags } = parseFlags(process.argv.slice(2));
const db = flags.get('db');
const to = flags.get('to');
if (typeof db !== 'string' || typeof to !== 'string') {
  console.error('usage: npm run backup -- --db <file> --to <file>');
  process.exit(2);
}
const handle = openDb(db);
const started = performance.now();
const { pages } = await backupTo(handle, to);
handle.close();
const check = verifyBackup(to);
if (!check.ok) {
  console.error(`backup ${to} failed its integrity check: ${check.detail}`);
  process.exit(1);
}
console.log(`backed up ${db} → ${to}: ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s, integrity ok`);
