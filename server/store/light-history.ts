// The light history: every change of an organisation's light, with the reasons it had then.

import type { LightResult } from '../../shared/model.ts';
import type { Db } from './open-db.ts';

export interface LightRecord {
  code: string;
  at: number;
  from: string | null;
  to: string;
  light: LightResult;
}

export function recordLightChanges(db: Db, changes: LightRecord[]): void {
  const insert = db.prepare('INSERT OR REPLACE INTO light_history (org_code, at, level, previous, reasons) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const c of changes) insert.run(c.code, c.at, c.to, c.from, JSON.stringify(c.light.reasons));
  })();
}

export interface LightHistoryRow {
  at: number;
  level: string;
  previous: string | null;
  reasons: LightResult['reasons'];
}

export function lightHistory(db: Db, code: string, limit = 50): LightHistoryRow[] {
  return (
    db.prepare('SELECT at, level, previous, reasons FROM light_history WHERE org_code = ? ORDER BY at DESC LIMIT ?').all(code, limit) as {
      at: number;
      level: string;
      previous: string | null;
      reasons: string;
    }[]
  ).map((r) => ({ ...r, reasons: JSON.parse(r.reasons) }));
}

/** When each organisation's current light began: the latest change per organisation. */
export function lightSince(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT org_code, MAX(at) AS at FROM light_history GROUP BY org_code').all() as { org_code: string; at: number }[];
  return new Map(rows.map((r) => [r.org_code, r.at]));
}

/** Organisations whose light went from red to something else since an instant. */
export function clearedSince(db: Db, since: number): string[] {
  return (
    db.prepare("SELECT DISTINCT org_code FROM light_history WHERE at >= ? AND previous = 'red' AND level <> 'red'").all(since) as { org_code: string }[]
  ).map((r) => r.org_code);
}
