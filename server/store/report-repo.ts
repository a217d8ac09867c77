// Stored monthly diagnosis batches: one row per month, one report per branch, written together.

import type { Db } from './open-db.ts';

export interface BatchInfo {
  month: string;
  generatedAt: number;
  branches: number;
  elapsedMs: number;
}

export interface ReportRepo {
  has(month: string): boolean;
  /** Writes the batch and its reports in one transaction; false when the month was already stored. */
  save(batch: BatchInfo, reports: { code: string; body: unknown }[]): boolean;
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
  const insertReport = db.prepare('INSERT INTO diagnosis_reports (month, org_code, body) VALUES (?, ?, ?)');
  const all = db.prepare('SELECT * FROM report_batches ORDER BY month DESC');
  const codes = db.prepare('SELECT org_code FROM diagnosis_reports WHERE month = ? ORDER BY org_code').pluck();
  const one = db.prepare('SELECT body FROM diagnosis_reports WHERE month = ? AND org_code = ?').pluck();
  const save = db.transaction((b: BatchInfo, reports: { code: string; body: unknown }[]) => {
    // A second writer of the same month (two servers on one file) finds the row and adds nothing.
    if (insertBatch.run(b.month, b.generatedAt, b.branches, b.elapsedMs).changes === 0) return false;
    for (const r of reports) insertReport.run(b.month, r.code, JSON.stringify(r.body));
    return true;
  });
  return {
    has: (month) => get.get(month) !== undefined,
    save: (b, reports) => save(b, reports),
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
