// Compares two imported databases table by table: same rows in every table (the facts, the
// directory and the rollups), whatever order they were written in. Used to hold a faster import
// to what the previous writer produced on the full district export:
//   npx tsx tests/bench/import-compare.ts <a.db> <b.db>
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

const TABLES = ['orgs', 'party_groups', 'members', 'memberships', 'meetings', 'attendance', 'dues', 'activities', 'tasks', 'applicants', 'org_month', 'org_day', 'member_month', 'events', 'audit'];

/** Row count and a digest of every row in primary-key order, with each value's SQLite type. */
function digest(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, string> = {};
    for (const t of TABLES) {
      const cols = (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
      const order = cols.map((_, i) => i + 1).join(', ');
      const typed = cols.map((c) => `typeof("${c}"), "${c}"`).join(', ');
      const h = createHash('sha256');
      let n = 0;
      for (const row of db.prepare(`SELECT ${typed} FROM ${t} ORDER BY ${order}`).raw().iterate()) {
        h.update(JSON.stringify(row));
        h.update('\n');
        n++;
      }
      out[t] = `${n} rows ${h.digest('hex').slice(0, 16)}`;
    }
    out.indexes = JSON.stringify(db.prepare("SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").raw().all());
    return out;
  } finally {
    db.close();
  }
}

const [a, b] = process.argv.slice(2);
const [da, db] = [digest(a), digest(b)];
let same = true;
for (const k of Object.keys(da)) {
  const ok = da[k] === db[k];
  same &&= ok;
  console.log(`${ok ? 'same' : 'DIFF'}  ${k.padEnd(13)} ${k === 'indexes' ? '' : da[k]}${ok ? '' : `  vs  ${db[k]}`}`);
}
process.exit(same ? 0 : 1);
