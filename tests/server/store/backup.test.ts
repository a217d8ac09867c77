// A backup taken while events keep arriving restores to a consistent database: every fact that
// is in it has its rollups, and the integrity check passes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../server/clock.ts';
import { testConfig } from '../../../server/config.ts';
import { createServices } from '../../../server/services.ts';
import { backupTo, verifyBackup } from '../../../server/store/backup.ts';
import { createStore } from '../../../server/store/store.ts';
import { parseInstant } from '../../../shared/periods.ts';
import { tinyDataset } from '../../helpers/tiny-dataset.ts';

describe('backup', () => {
  it('taken under live ingest, restores to a consistent database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanguard-backup-'));
    const s = createServices(testConfig({ db: join(dir, 'live.db') }), { clock: manualClock(parseInstant('2026-04-15T12:00:00+08:00')!) });
    s.importDataset(tinyDataset());
    let n = 0;
    const pay = () => s.ingest(Array.from({ length: 50 }, () => ({ id: `p${n++}`, type: 'dues.paid', at: '2026-04-15T10:00:00+08:00', member: 'M1', month: '2026-04', amount: 0.5 })));
    pay();
    // Writes interleave with the backup's slices on the event loop.
    const writer = setInterval(pay, 1);
    await backupTo(s.store.db, join(dir, 'copy.db'));
    clearInterval(writer);
    s.close();

    expect(verifyBackup(join(dir, 'copy.db'))).toEqual({ ok: true, detail: 'ok' });
    const copy = createStore(join(dir, 'copy.db'));
    const events = copy.counts().events;
    expect(events).toBeGreaterThan(0);
    const paid = copy.db.prepare("SELECT paid FROM member_month WHERE member_id = 'M1' AND month = '2026-04'").get() as { paid: number };
    // Facts and rollups committed together, so the copy agrees with itself.
    expect(paid.paid).toBeCloseTo(events * 0.5, 6);
    copy.close();
  });
});
