// The server as users run it: the bundle `npm start` builds (server/bundle.ts), in a child process.
// It answers the read API, and it is "durable once answered": killed with SIGKILL right after a
// 200, every accepted event is in the database when it is opened again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureServerBundle } from '../../server/bundle.ts';
import { createStore, type Store } from '../../server/store/store.ts';
import { tinyDataset } from '../helpers/tiny-dataset.ts';
import { asOperator, testTokensFile } from '../helpers/tokens.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function seededDb(): string {
  const db = join(mkdtempSync(join(tmpdir(), 'vanguard-kill-')), 'kill.db');
  const seed = createStore(db);
  seed.importDataset(tinyDataset());
  seed.close();
  return db;
}

/** Starts the bundled server on a free port; answers its child process and base URL. */
async function startBundled(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [ensureServerBundle(), '--db', db, '--port', '0', '--no-simulator', '--tokens', testTokensFile(), '--log-level', 'warn', '--screen', ''], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Vanguard wall: (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) resolve(m[1].replace('localhost', '127.0.0.1'));
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
    setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
  });
  return { child, url };
}

describe('the bundled server', () => {
  it('answers health, the tree and a public snapshot from its files (migrations, rules, tour)', async () => {
    const { url } = await startBundled(seededDb());
    const health = (await (await fetch(`${url}/api/health`)).json()) as { counts: { orgs: number; members: number } };
    expect(health.counts.orgs).toBeGreaterThan(0);
    expect(health.counts.members).toBeGreaterThan(0);
    const tree = (await (await fetch(`${url}/api/orgs/tree`)).json()) as { code: string; children: unknown[] };
    expect(tree.children.length).toBeGreaterThan(0);
    const snap = await fetch(`${url}/api/snapshot?scope=${tree.code}`);
    expect(snap.status).toBe(200);
    expect(((await snap.json()) as { kpis: { members: number } }).kpis.members).toBe(health.counts.members);
    const tour = await fetch(`${url}/api/tour`);
    expect(tour.status).toBe(200);
  }, 90_000);

  /** kill -9 the server, then open its database as the next start would. */
  async function killAndReopen(child: ChildProcess, db: string): Promise<Store> {
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    return createStore(db);
  }

  it('kill -9 right after a 200 loses no accepted event', async () => {
    const db = seededDb();
    const { child, url } = await startBundled(db);

    const events = Array.from({ length: 500 }, (_, i) => ({ id: `k${i}`, type: 'dues.paid', at: '2026-04-15T10:00:00+08:00', member: `M${(i % 4) + 1}`, month: '2026-04', amount: 1 }));
    const res = await fetch(`${url}/api/events`, { method: 'POST', headers: { ...asOperator, 'content-type': 'application/json' }, body: JSON.stringify(events) });
    expect(await res.json()).toEqual({ accepted: 500, duplicates: 0 });
    const after = await killAndReopen(child, db);
    expect(after.counts().events).toBe(500);
    const paid = after.db.prepare("SELECT SUM(paid) AS s FROM member_month WHERE month = '2026-04'").get() as { s: number };
    expect(paid.s).toBe(500);
    after.close();
  }, 90_000);

  it('kill -9 right after the answers of concurrent batches (one shared commit, one fsync off the thread) loses none', async () => {
    const db = seededDb();
    const { child, url } = await startBundled(db);
    const post = (b: number) =>
      fetch(`${url}/api/events`, {
        method: 'POST',
        headers: { ...asOperator, 'content-type': 'application/json' },
        body: JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ id: `c${b}-${i}`, type: 'activity.logged', at: '2026-04-15T10:00:00+08:00', member: `M${(i % 4) + 1}`, kind: 'volunteer', hours: 1 }))),
      }).then((r) => r.json());
    const answers = await Promise.all([0, 1, 2, 3, 4, 5].map(post));
    expect(answers).toEqual(Array(6).fill({ accepted: 300, duplicates: 0 }));
    const after = await killAndReopen(child, db);
    expect(after.counts().events).toBe(1800);
    const hours = after.db.prepare("SELECT SUM(volunteer_hours) AS h FROM member_month WHERE month = '2026-04'").get() as { h: number };
    expect(hours.h).toBe(1800);
    after.close();
  }, 90_000);
});
