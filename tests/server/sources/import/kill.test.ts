// A kill -9 in the middle of `npm run import` leaves the database as it was: the test watches the
// database from another connection and kills the import the moment it holds the write lock,
// i.e. inside its one transaction, with rows already written and the reader thread still going.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../server/sources/demo/index.ts';
import { writeCsvFolder } from '../../../../server/sources/export/index.ts';
import { createStore } from '../../../../server/store/store.ts';
import { parseInstant } from '../../../../shared/periods.ts';
import { tinyDataset } from '../../../helpers/tiny-dataset.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const TABLES = ['orgs', 'members', 'memberships', 'meetings', 'attendance', 'dues', 'activities', 'org_month', 'org_day', 'member_month'];

function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).raw().all()]));
  } finally {
    db.close();
  }
}

/** True while another connection holds the write lock (BEGIN IMMEDIATE is refused at once). */
function writeLocked(watch: Database.Database): boolean {
  try {
    watch.exec('BEGIN IMMEDIATE');
    watch.exec('ROLLBACK');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  }
}

describe('npm run import killed mid-way', () => {
  it('leaves the database as before, and the same import then lands whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanguard-import-kill-'));
    const db = join(dir, 'kill.db');
    const seed = createStore(db);
    seed.importDataset(tinyDataset());
    seed.close();
    const before = dump(db);
    const folder = join(dir, 'csv');
    await writeCsvFolder(generateDemo({ seed: 5, scale: 'small', clock: parseInstant('2026-06-15T12:00:00+08:00')! }).dataset, folder);

    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', '--db', db, folder], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let exited = false;
    child.on('exit', () => (exited = true));
    const watch = new Database(db, { timeout: 0 });
    let caught = false;
    const deadline = Date.now() + 60_000;
    while (!exited && Date.now() < deadline) {
      if (writeLocked(watch)) {
        child.kill('SIGKILL');
        caught = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    watch.close();
    if (!exited) await new Promise((r) => child.once('exit', r));
    expect(caught).toBe(true);
    expect(dump(db)).toEqual(before);

    const again = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', '--db', db, folder], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    again.stdout.on('data', (d) => (out += d));
    again.stderr.on('data', (d) => (out += d));
    const code = await new Promise((r) => again.once('exit', r));
    expect(code, out).toBe(0);
    const after = dump(db);
    expect(after.attendance.length).toBeGreaterThan(before.attendance.length + 5_000);
  }, 120_000);
});
