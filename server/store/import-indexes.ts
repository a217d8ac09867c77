// Secondary indexes of the tables an import fills, set aside while it writes: an index built once
// from the finished table (one sort) costs less than the same index kept up row by row, most of
// all for meetings(month, held_at), whose entries land all over the index. Only tables that are
// empty when the import starts are treated so; on a table that already holds rows the index is
// kept, as rebuilding it would cost more than the rows the import adds. The drop and the
// re-creation are inside the import's one transaction: a failed or killed import rolls them back
// with the rows, and a finished one commits the same schema (the indexes' own SQL, re-run).

import type { Db } from './open-db.ts';

const TABLES = ['orgs', 'party_groups', 'members', 'memberships', 'meetings', 'attendance', 'dues', 'activities', 'tasks', 'applicants', 'org_month', 'org_day', 'member_month'];

/** Call inside the transaction, before the first row; returns what puts the indexes back, to call before the commit. */
export function setIndexesAside(db: Db): () => void {
  const indexes = db
    .prepare(`SELECT name, tbl_name AS tbl, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${TABLES.map(() => '?').join(', ')}) ORDER BY name`)
    .all(...TABLES) as { name: string; tbl: string; sql: string }[];
  const aside = indexes.filter((i) => isEmpty(db, i.tbl));
  for (const i of aside) db.exec(`DROP INDEX "${i.name}"`);
  return () => {
    for (const i of aside) db.exec(i.sql);
  };
}

function isEmpty(db: Db, table: string): boolean {
  return (db.prepare(`SELECT EXISTS (SELECT 1 FROM "${table}") AS x`).get() as { x: number }).x === 0;
}
