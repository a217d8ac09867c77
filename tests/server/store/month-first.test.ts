// member_month and the dues index are keyed by month first (migration 008), so a month of live
// events writes to a few pages instead of one per member, and the ticker's newest events have a
// table of their own instead of an index over every event (009). A database from before keeps
// every row, and the reads still walk the keys instead of scanning and sorting the table.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RECENT_EVENTS } from '../../../server/store/apply-events.ts';
import { createRollupReader } from '../../../server/store/rollup-read.ts';
import { createStore, type Store } from '../../../server/store/store.ts';
import { writesFor } from '../../../server/store/write-context.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

const AT = parseInstant('2026-04-15T12:00:00+08:00')!;
const dump = (db: Database.Database, table: string, order: string) => db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
const primaryKey = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT name, pk FROM pragma_table_info('${table}') WHERE pk > 0 ORDER BY pk`).all() as { name: string }[]).map((c) => c.name);
const indexColumns = (db: Database.Database, index: string) => (db.prepare(`SELECT name FROM pragma_index_info('${index}') ORDER BY seqno`).all() as { name: string }[]).map((c) => c.name);
/** EXPLAIN QUERY PLAN of a statement, as one line per step. */
const plan = (db: Database.Database, sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);

function storeWithFacts(file: string): Store {
  const s = createStore(file);
  s.importDataset(tinyDataset());
  const events = [
    { id: 'e1', type: 'dues.paid', at: '2026-04-10T09:00:00+08:00', member: 'M1', month: '2026-04', amount: 12 },
    { id: 'e2', type: 'dues.paid', at: '2026-04-11T09:00:00+08:00', member: 'M2', month: '2026-04', amount: 5 },
    { id: 'e3', type: 'activity.logged', at: '2026-04-12T09:00:00+08:00', member: 'M3', kind: 'volunteer', hours: 3 },
  ];
  s.applyEvents(events as never, AT);
  return s;
}

describe('migrations 008 and 009: rollups keyed by month first, the newest events kept apart', () => {
  it('a new database keys member_month and the dues index by month, then member', () => {
    store = createStore(':memory:');
    expect(primaryKey(store.db, 'member_month')).toEqual(['month', 'member_id']);
    expect(indexColumns(store.db, 'dues_member_month')).toEqual(['month', 'member_id', 'paid_at', 'amount']);
    // The old month index is gone with the old table: the key starts with the month.
    expect(store.db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'member_month' AND type = 'index' AND sql IS NOT NULL").all()).toEqual([]);
  });

  it('moves a database from before it over with every row as it was', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vanguard-008-')), 'old.db');
    store = storeWithFacts(file);
    const rows = dump(store.db, 'member_month', 'member_id, month');
    const dues = dump(store.db, 'dues', 'id');
    const recent = dump(store.db, 'recent_events', 'seq');
    expect(rows.length).toBeGreaterThan(4);
    expect(recent.map((r) => JSON.parse((r as { body: string }).body).id)).toEqual(['e1', 'e2', 'e3']);
    store.close();
    store = undefined;
    // Put the schema back as migration 007 left it, the ticker's events only in the events table.
    const old = new Database(file);
    old.exec(`
      CREATE TABLE mm_old (member_id TEXT NOT NULL, month TEXT NOT NULL, paid REAL NOT NULL DEFAULT 0, paid_full_at INTEGER,
        expected INTEGER NOT NULL DEFAULT 0, present INTEGER NOT NULL DEFAULT 0, excused INTEGER NOT NULL DEFAULT 0,
        present_points INTEGER NOT NULL DEFAULT 0, volunteer_hours REAL NOT NULL DEFAULT 0, demo_posts INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (member_id, month)) WITHOUT ROWID;
      INSERT INTO mm_old SELECT member_id, month, paid, paid_full_at, expected, present, excused, present_points, volunteer_hours, demo_posts FROM member_month;
      DROP TABLE member_month;
      ALTER TABLE mm_old RENAME TO member_month;
      CREATE INDEX member_month_month ON member_month(month);
      DROP INDEX dues_member_month;
      CREATE INDEX dues_member_month ON dues (member_id, month, paid_at, amount);
      DROP TABLE recent_events;
      CREATE INDEX events_received ON events(received_at, at, id);
      PRAGMA user_version = 7;
    `);
    expect(primaryKey(old, 'member_month')).toEqual(['member_id', 'month']);
    old.close();

    store = createStore(file);
    expect(store.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(8);
    expect(primaryKey(store.db, 'member_month')).toEqual(['month', 'member_id']);
    expect(dump(store.db, 'member_month', 'member_id, month')).toEqual(rows);
    expect(dump(store.db, 'dues', 'id')).toEqual(dues);
    expect(dump(store.db, 'recent_events', 'seq')).toEqual(recent);
    expect(store.db.prepare("SELECT name FROM sqlite_schema WHERE name = 'events_received'").all()).toEqual([]);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('reads a window, a page of it and a member\'s month of dues along the keys, without sorting', () => {
    store = storeWithFacts(':memory:');
    const { db } = store;
    const w = writesFor(db);
    // rollup-read.ts's window and page reads (their SQL), and the dues statements themselves.
    const window = plan(db, 'SELECT member_id, month FROM member_month WHERE month BETWEEN ? AND ?', '2025-04', '2026-04');
    const page = plan(db, 'SELECT member_id, month FROM member_month WHERE (month, member_id) > (?, ?) AND month <= ? ORDER BY month, member_id LIMIT ?', '2026-03', 'M1', '2026-04', 100);
    const duesFor = plan(db, w.duesFor.source, 'M1', '2026-04');
    const duesState = plan(db, w.duesState.source, 'M1', '2026-04');
    // A page seeks to the row after the previous page's last one.
    expect(page.join(' / ')).toContain('(month,member_id)>(?,?)');
    for (const steps of [window, page, duesFor, duesState]) {
      expect(steps.join(' / ')).toMatch(/^SEARCH (member_month|dues) USING (PRIMARY KEY|COVERING INDEX dues_member_month)/);
      expect(steps.join(' / ')).not.toMatch(/TEMP B-TREE|SCAN/);
    }
    // The page reader gives the window's rows in key order, page after page, and nothing outside it.
    const reader = createRollupReader(db);
    const all = reader.memberMonths('2000-01', '2099-12').map((r) => `${r.month}|${r.member_id}`);
    for (const [from, to] of [['2025-04', '2026-04'], ['2026-04', '2026-04'], ['2026-03', '2026-03']]) {
      const seen: string[] = [];
      for (let after = null as ReturnType<typeof reader.memberMonthPage>[number] | null; ; ) {
        const part = reader.memberMonthPage(from, to, after, 2);
        seen.push(...part.map((r) => `${r.month}|${r.member_id}`));
        if (part.length < 2) break;
        after = part[part.length - 1];
      }
      expect(seen).toEqual(all.filter((k) => k.slice(0, 7) >= from && k.slice(0, 7) <= to).sort());
      expect(seen.length).toBeGreaterThan(0);
    }
    expect(all.length).toBeGreaterThan(new Set(all.map((k) => k.slice(0, 7))).size);
  });

  it('keeps the newest RECENT_EVENTS events for the ticker, in arrival order, across batches', () => {
    store = createStore(':memory:');
    store.importDataset(tinyDataset());
    const hours = (i: number) => ({ id: `v${i}`, type: 'activity.logged', at: '2026-04-12T09:00:00+08:00', member: 'M1', kind: 'volunteer', hours: 1 });
    let n = 0;
    for (const size of [30, 45, 1, 60]) store.applyEvents(Array.from({ length: size }, () => hours(n++)) as never, AT);
    // A batch of duplicates only adds nothing.
    store.applyEvents([hours(0)] as never, AT);
    const ids = (store.db.prepare('SELECT body FROM recent_events ORDER BY seq').all() as { body: string }[]).map((r) => JSON.parse(r.body).id);
    expect(ids).toEqual(Array.from({ length: RECENT_EVENTS }, (_, i) => `v${n - RECENT_EVENTS + i}`));
  });
});
