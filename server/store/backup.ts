// Online backup through SQLite's backup API: consistent while the server keeps writing, because
// it copies pages under SQLite's own locking, never the file behind its back.

import { openDb, type Db } from './open-db.ts';

export async function backupTo(db: Db, target: string): Promise<{ pages: number }> {
  let pages = 0;
  await db.backup(target, {
    progress: ({ totalPages }) => {
      pages = totalPages;
      // Copy in slices so a running server keeps answering between them.
      return 1000;
    },
  });
  return { pages };
}

/** Checks a backup opens, has the schema, and passes SQLite's integrity check. */
export function verifyBackup(file: string): { ok: boolean; detail: string } {
  const db = openDb(file, { readonly: true });
  try {
    const res = db.pragma('integrity_check', { simple: true }) as string;
    return { ok: res === 'ok', detail: res };
  } finally {
    db.close();
  }
}
