// "Durable once answered": a server in a child process answers 200, is killed with SIGKILL at
// once, and every accepted event is in the database when it is opened again.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../server/store/store.ts';
import { tinyDataset } from '../helpers/tiny-dataset.ts';
import { asOperator, testTokensFile } from '../helpers/tokens.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('durability', () => {
  it('kill -9 right after a 200 loses no accepted event', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'vanguard-kill-')), 'kill.db');
    const seed = createStore(db);
    seed.importDataset(tinyDataset());
    seed.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--db', db, '--port', '0', '--no-simulator', '--tokens', testTokensFile(), '--log-level', 'warn', '--screen', ''], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /Vanguard wall: (http:\/\/\S+?)\/?\s/.exec(out);
        if (m) resolve(m[1].replace('localhost', '127.0.0.1'));
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
      setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    });

    const events = Array.from({ length: 500 }, (_, i) => ({ id: `k${i}`, type: 'dues.paid', at: '2026-04-15T10:00:00+08:00', member: `M${(i % 4) + 1}`, month: '2026-04', amount: 1 }));
    const res = await fetch(`${url}/api/events`, { method: 'POST', headers: { ...asOperator, 'content-type': 'application/json' }, body: JSON.stringify(events) });
    expect(await res.json()).toEqual({ accepted: 500, duplicates: 0 });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const after = createStore(db);
    expect(after.counts().events).toBe(500);
    const paid = after.db.prepare("SELECT SUM(paid) AS s FROM member_month WHERE month = '2026-04'").get() as { s: number };
    expect(paid.s).toBe(500);
    after.close();
  }, 90_000);
});
