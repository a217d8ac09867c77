// Databases made for a test file (removed after it) and a dump of every fact and rollup table, to
// compare two databases that should hold the same rows: each table in key order, each value with
// its SQLite type, and the schema's indexes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createStore, type Store } from '../../server/store/store.ts';

export const TABLES = ['orgs', 'party_groups', 'members', 'memberships', 'meetings', 'attendance', 'dues', 'activities', 'tasks', 'applicants', 'org_month', 'org_day', 'member_month'];

/** A temp dir for the file's databases and folders, and a maker of stores in it; all closed and removed after the file. */
export function tempStores(prefix: string): { root: string; store: () => Store; name: () => string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const stores: Store[] = [];
  afterAll(() => {
    for (const s of stores) s.close();
    rmSync(root, { recursive: true, force: true });
  });
  let n = 0;
  return {
    root,
    store() {
      const s = createStore(join(root, `s${n++}.db`));
      stores.push(s);
      return s;
    },
    /** A fresh path under root (for a folder or a file). */
    name: () => join(root, `f${n++}`),
  };
}

export function dumpTables(s: Store): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    const cols = (s.db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    const typed = cols.map((c) => `typeof("${c}"), "${c}"`).join(', ');
    out[t] = s.db.prepare(`SELECT ${typed} FROM ${t} ORDER BY ${cols.map((_, i) => i + 1).join(', ')}`).raw().all();
  }
  out.indexes = s.db.prepare("SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").raw().all();
  return out;
}
