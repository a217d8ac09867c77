// Stored monthly diagnosis batches: one row per month, one report per branch. Reports go in
// first, in as many calls as the caller likes; the batch row last marks the month complete.

import type { Db } from './open-db.ts';

export interface BatchInfo {
  month: string;
  generatedAt: number;
  branches: number;
  elapsedMs: number;
}

export interface ReportRepo {
  has(month: string): boolean;
  /** Forgets the reports of an unfinished batch (one interrupted before its batch row). */
  discardReports(month: string): void;
  /** Writes (or rewrites) some of a month's reports in one transaction. */
  saveReports(month: string, reports: { code: string; body: unknown }[]): void;
  /** Marks the month complete; false when it already was (another writer finished first). */
  saveBatch(batch: BatchInfo): boolean;
  list(): BatchInfo[];
  latest(): (BatchInfo & { codes: string[] }) | null;
  report(month: string, code: string): unknown | null;
}

interface BatchSql {
  month: string;
  generated_at: number;
  branches: number;
  elapsed_ms: number;
}
const toInfo = (r: BatchSql): BatchInfo => ({ month: r.month, generatedAt: r.generated_at, branches: r.branches, elapsedMs: r.elapsed_ms });

export function createReportRepo(db: Db): ReportRepo {
  const get = db.prepare('SELECT * FROM report_batches WHERE month = ?');
  const insertBatch = db.prepare('INSERT OR IGNORE INTO report_batches (month, generated_at, branches, elapsed_ms) VALUES (?, ?, ?, ?)');
  const insertReport = db.prepare('INSERT OR REPLACE INTO diagnosis_reports (month, org_code, body) VALUES (?, ?, ?)');
  const discard = db.prepare('DELETE FROM diagnosis_reports WHERE month = ?');
  const all = db.prepare('SELECT * FROM report_batches ORDER BY month DESC');
  const codes = db.prepare('SELECT org_code FROM diagnosis_reports WHERE month = ? ORDER BY org_code').pluck();
  const one = db.prepare('SELECT body FROM diagnosis_reports WHERE month = ? AND org_code = ?').pluck();
  const saveReports = db.transaction((month: string, reports: { code: string; body: unknown }[]) => {
    for (const r of reports) insertReport.run(month, r.code, JSON.stringify(r.body));
  });
  return {
    has: (month) => get.get(month) !== undefined,
    discardReports: (month) => void discard.run(month),
    saveReports: (month, reports) => saveReports(month, reports),
    // A second writer of the same month (two servers on one file) finds the row and adds nothing.
    saveBatch: (b) => insertBatch.run(b.month, b.generatedAt, b.branches, b.elapsedMs).changes > 0,
    list: () => (all.all() as BatchSql[]).map(toInfo),
    latest() {
      const top = all.get() as BatchSql | undefined;
      return top ? { ...toInfo(top), codes: codes.all(top.month) as string[] } : null;
    },
    report(month, code) {
      const body = one.get(month, code) as string | undefined;
      return body === undefined ? null : JSON.parse(body);
    },
  };
}
