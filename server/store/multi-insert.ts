// Multi-row INSERT for the bulk import: one statement writes BATCH rows, which saves a native
// call, a bind and a step per row. It is a plain INSERT on purpose: when every row is new it
// lands them all, and when any key is already there SQLite aborts that one statement (the
// transaction goes on, with nothing of the statement written) and the caller takes the same rows
// the row-by-row way (INSERT OR IGNORE, upsert). So a batch always ends as the row-by-row write
// would have left it, whatever the database held before.

import type { Statement } from 'better-sqlite3';
import type { Db } from './open-db.ts';

/** Rows per statement: 256 rows of up to 10 columns stays far below SQLite's 32,766 variables. */
export const BATCH = 256;

export class MultiInsert {
  private readonly statements = new Map<number, Statement>();

  /** head: `INSERT INTO t (a, b, …)`; width: the number of columns it names. */
  constructor(
    private readonly db: Db,
    private readonly head: string,
    readonly width: number,
  ) {}

  private statement(rows: number): Statement {
    let s = this.statements.get(rows);
    if (!s) {
      const one = `(${new Array(this.width).fill('?').join(', ')})`;
      s = this.db.prepare(`${this.head} VALUES ${new Array(rows).fill(one).join(', ')}`);
      this.statements.set(rows, s);
    }
    return s;
  }

  /**
   * Inserts params.length / width rows (their values one row after another). False, with none of
   * them written, when one of their keys already exists (in the table or earlier in params).
   */
  tryInsert(params: unknown[]): boolean {
    try {
      this.statement(params.length / this.width).run(params);
      return true;
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
      throw err;
    }
  }
}

/**
 * Writes rows in batches: bind() puts a row's values in the batch, then the whole batch goes in
 * at once and fold() is told of each row (all new); a batch that meets an existing key goes row
 * by row through one(), which says whether the row was new. Returns the rows that were new.
 */
export function writeBatched<R>(
  rows: readonly R[],
  into: MultiInsert,
  bind: (r: R, k: number, params: unknown[]) => void,
  fold: (r: R, k: number) => void,
  one: (r: R) => boolean,
): number {
  const params: unknown[] = [];
  let added = 0;
  for (let start = 0; start < rows.length; start += BATCH) {
    const end = Math.min(rows.length, start + BATCH);
    params.length = 0;
    for (let i = start; i < end; i++) bind(rows[i], i - start, params);
    if (into.tryInsert(params)) {
      for (let i = start; i < end; i++) fold(rows[i], i - start);
      added += end - start;
    } else {
      for (let i = start; i < end; i++) if (one(rows[i])) added++;
    }
  }
  return added;
}
