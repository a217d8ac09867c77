// Shared helpers of the benchmarks (npm run bench): temp dir, the district database built once per
// run, a server child process, CPU ticks from /proc, and results merged into tests/artifacts/bench.json.
// Not a test: nothing here asserts on speed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { request as httpRequest } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServerBundle } from '../../server/bundle.ts';
import { buildDemo } from '../../server/cli/demo-build.ts';
import { asOperator, testTokensFile } from '../helpers/tokens.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACT = join(ROOT, 'tests/artifacts/bench.json');

/** One temp dir per `npm run bench` (passed to the sub-benchmarks in VANGUARD_BENCH_DIR), or per file run alone. */
export function benchDir(): string {
  let dir = process.env.VANGUARD_BENCH_DIR;
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'vanguard-bench-'));
    process.env.VANGUARD_BENCH_DIR = dir;
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The demo district (seed 1) built with the clock at "now", so live events stamped now fall in its current month. */
export function districtDb(): string {
  const dir = benchDir();
  const db = join(dir, 'district.db');
  if (!existsSync(db)) {
    process.stderr.write('building the district database (seed 1)…\n');
    buildDemo({ db, seed: 1, scale: 'district', clock: Date.now(), dataDir: join(dir, 'data') });
    prepareDistrict(db);
  }
  return db;
}

/** Stores last month's diagnosis batch, as a running deployment has it (prepare-district.ts). */
export function prepareDistrict(db: string): void {
  const prepared = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/bench/prepare-district.ts'), db], { cwd: ROOT, stdio: 'inherit' });
  if (prepared.status !== 0) throw new Error('preparing the district database failed');
}

export function copyDb(src: string, name: string): string {
  const dst = join(benchDir(), name);
  // A WAL left beside an earlier copy by a run killed mid-way would be read as part of this one.
  for (const suffix of ['-wal', '-shm']) rmSync(dst + suffix, { force: true });
  copyFileSync(src, dst);
  // On disk before anything is measured: otherwise the kernel writes the copy back (~200 MB)
  // during the bench, and every fsync of the server under test waits behind it.
  const fd = openSync(dst, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return dst;
}

export function machine(): Record<string, string | number> {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  // Virtual machines of one kind can sit on different CPU generations under the same model name
  // ("AMD EPYC"); family and model tell them apart, and figures from two of them differ.
  const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.+)$`, 'm').exec(cpuinfo)?.[1]?.trim() ?? '?';
  return {
    nproc: cpus().length,
    cpu: model.trim(),
    cpuFamily: `${field('cpu family')}/${field('model')}`,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export interface Figure {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  target?: string;
  baseline?: string;
  note?: string;
}

/** Prints the figures as a table and merges them (by bench name) into tests/artifacts/bench.json. */
export function report(bench: string, figures: Omit<Figure, 'bench'>[], details: Record<string, unknown> = {}): void {
  const rows = figures.map((f) => ({ bench, ...f }));
  printTable(rows);
  mkdirSync(dirname(ARTIFACT), { recursive: true });
  let all: { machine: unknown; results: Record<string, unknown> } = { machine: machine(), results: {} };
  if (existsSync(ARTIFACT)) {
    try { all = JSON.parse(readFileSync(ARTIFACT, 'utf8')); } catch { /* start again */ }
  }
  all.machine = machine();
  all.results[bench] = { at: new Date().toISOString(), loadavg: loadavg(), figures: rows, details };
  writeFileSync(ARTIFACT, JSON.stringify(all, null, 2));
}

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en');
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(3);
}

export function printTable(rows: Figure[]): void {
  const cols: [string, (r: Figure) => string][] = [
    ['bench', (r) => r.bench], ['figure', (r) => r.figure], ['value', (r) => fmt(r.value)], ['unit', (r) => r.unit],
    ['target', (r) => r.target ?? ''], ['note', (r) => r.note ?? ''],
  ];
  const w = cols.map(([h, f]) => Math.max(h.length, ...rows.map((r) => f(r).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ');
  console.log(line(cols.map(([h]) => h)));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(line(cols.map(([, f]) => f(r))));
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
export function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** Epoch milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
export const nowMs = () => performance.timeOrigin + performance.now();

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

export interface ServerProc {
  proc: ChildProcess;
  pid: number;
  url: string;
  spawnedAt: number;
  stop(): Promise<void>;
}

/** `node dist/server/main.js --db … --port … --host 127.0.0.1 --tokens …` as a child process (real clock, the test tokens). */
export async function spawnServer(db: string, extra: string[] = []): Promise<ServerProc> {
  const port = await freePort();
  // The server runs from its bundle, as `npm start` runs it (server/bundle.ts); built before the clock starts.
  const bundle = ensureServerBundle();
  const spawnedAt = nowMs();
  // VANGUARD_BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server.
  const nodeArgs = (process.env.VANGUARD_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, bundle, '--db', db, '--port', String(port), '--host', '127.0.0.1', '--data', join(benchDir(), 'data'), '--log-level', 'warn', '--tokens', testTokensFile(), ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => new Promise<void>((res) => {
    if (proc.exitCode !== null) return res();
    proc.once('exit', () => res());
    proc.kill('SIGTERM');
    setTimeout(() => proc.exitCode === null && proc.kill('SIGKILL'), 5000).unref();
  });
  return { proc, pid: proc.pid!, url: `http://127.0.0.1:${port}`, spawnedAt, stop };
}

/** Polls a path until it answers 200; returns the epoch ms of the first 200. */
export async function waitFor200(url: string, timeoutMs = 60_000): Promise<number> {
  const start = Date.now();
  for (;;) {
    try {
      const r = await fetch(url);
      await r.arrayBuffer();
      if (r.status === 200) return nowMs();
    } catch { /* not listening yet */ }
    if (Date.now() - start > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** utime + stime of a process in seconds (Linux /proc/<pid>/stat; 100 ticks/s). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "(comm)": field 3 is state, so utime (14) and stime (15) are at 11 and 12 here.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Ids of current members that can pay dues (read from the database, not from the server). */
export async function memberIds(db: string, limit = 20_000): Promise<string[]> {
  const { default: Database } = await import('better-sqlite3');
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT id FROM members WHERE left_on IS NULL ORDER BY id LIMIT ?').all(limit) as { id: string }[]).map((r) => r.id);
  } finally {
    d.close();
  }
}

export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(url);
}

/** POST a JSON body as the test operator over a keep-alive agent (node:http; one socket per concurrent request). */
export function postJson(agent: import('node:http').Agent, url: string, body: string): Promise<{ status: number; json: unknown }> {
  return new Promise((res, rej) => {
    const req = httpRequest(url, { method: 'POST', agent, headers: { ...asOperator, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try { res({ status: r.statusCode ?? 0, json: JSON.parse(text) }); } catch { res({ status: r.statusCode ?? 0, json: text }); }
      });
      r.on('error', rej);
    });
    req.on('error', rej);
    req.end(body);
  });
}
