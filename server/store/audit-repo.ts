// The audit trail of writes (events batches, imports, rules and tour changes).

import type { Db } from './open-db.ts';

export interface AuditRow {
  id: number;
  at: number;
  who: string;
  action: string;
  rows: number;
  detail: unknown;
}

export function createAuditRepo(db: Db) {
  const insert = db.prepare('INSERT INTO audit (at, who, action, rows, detail) VALUES (?, ?, ?, ?, ?)');
  const recent = db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?');
  return {
    record(at: number, who: string, action: string, rows: number, detail?: unknown): void {
      insert.run(at, who, action, rows, detail === undefined ? null : JSON.stringify(detail));
    },
    list(limit = 200): AuditRow[] {
      return (recent.all(limit) as (Omit<AuditRow, 'detail'> & { detail: string | null })[]).map((r) => ({
        ...r,
        detail: r.detail ? JSON.parse(r.detail) : null,
      }));
    },
  };
}
