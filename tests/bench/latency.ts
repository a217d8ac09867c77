// 6. latency: the server as in ingest; 50 wall clients in two separate processes subscribed to the
// district root scope; this process posts single-event batches at 500 events/s for 3 s of warm-up
// (not counted) and then ~20 s. Latency
// per event and client = time the delta carrying it (its feed item lat-<i>) arrives − time its POST
// was sent. Side by side the polling approach: 50 clients GET /api/snapshot every 5 s; latency =
// time until a poll answer shows the event. Server CPU (/proc/<pid>/stat) for both modes.
// Run alone: npx tsx tests/bench/latency.ts [seconds=20] [rate=500] [clients=50] [pollMs=5000]
// (LATENCY_MODES=push runs the push mode only.)
import { fork } from 'node:child_process';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { copyDb, cpuSeconds, districtDb, memberIds, nowMs, postJson, quantile, report, ROOT, spawnServer, waitFor200 } from './lib.ts';
import { makeEvent } from './events.ts';

const SECONDS = Number(process.argv[2] ?? 20);
const RATE = Number(process.argv[3] ?? 500);
const CLIENTS = Number(process.argv[4] ?? 50);
const POLL_MS = Number(process.argv[5] ?? 5000);
const PROCS = 2;
// The first WARMUP_SECONDS of posting run at the same rate but are not counted: the server has
// just started, and its first seconds (code compiled on first use, first reads of each branch's
// facts) are not the steady state the figure is about. LATENCY_WARMUP=0 counts everything.
const WARMUP_SECONDS = Number(process.env.LATENCY_WARMUP ?? 3);
const WARMUP = WARMUP_SECONDS * RATE;
const EVENTS = (SECONDS + WARMUP_SECONDS) * RATE;
const DRAIN_MS = 15_000;

const members = await memberIds(districtDb());

async function run(mode: 'push' | 'poll') {
  // A fresh copy per mode: the event ids of one mode would be duplicates in the other.
  const db = copyDb(districtDb(), `latency-${mode}.db`);
  const server = await spawnServer(db, ['--no-simulator']);
  try {
    await waitFor200(`${server.url}/api/health`);
    const scope = ((await (await fetch(`${server.url}/api/config`)).json()) as { scope: string }).scope;
    await waitFor200(`${server.url}/api/snapshot`, 120_000); // the first evaluation is done
    process.stderr.write(`${mode}: server ready, starting ${CLIENTS} clients\n`);
    const per = Math.ceil(CLIENTS / PROCS);
    const kids = Array.from({ length: PROCS }, (_, k) =>
      fork(join(ROOT, 'tests/bench/latency-clients.ts'), [server.url, scope, mode, String(Math.min(per, CLIENTS - k * per)), String(POLL_MS), String(EVENTS)], {
        execArgv: ['--import', 'tsx'], cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }));
    await Promise.all(kids.map((k) => new Promise<void>((res) => k.once('message', () => res()))));
    await new Promise((r) => setTimeout(r, 1000));

    process.stderr.write(`${mode}: clients ready, posting ${EVENTS} events at ${RATE}/s\n`);
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const sent = new Float64Array(EVENTS).fill(NaN);
    const accepted = new Float64Array(EVENTS).fill(NaN);
    let failed = 0;
    const cpu0 = cpuSeconds(server.pid);
    const t0 = nowMs();
    const pending: Promise<void>[] = [];
    let next = 0;
    // Sends every event that is due (t0 + i / RATE), checking every millisecond or so.
    await new Promise<void>((done) => {
      const tick = () => {
        const due = Math.min(EVENTS, Math.floor(((nowMs() - t0) * RATE) / 1000) + 1);
        for (; next < due; next++) {
          const i = next;
          const body = JSON.stringify([makeEvent(`lat-${i}`, members[i % members.length], i)]);
          sent[i] = nowMs();
          pending.push(postJson(agent, `${server.url}/api/events`, body).then((r) => {
            if (r.status === 200 && (r.json as { accepted: number }).accepted === 1) accepted[i] = nowMs();
            else if (failed++ === 0) console.error(`POST lat-${i}: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
          }, () => void failed++));
        }
        if (next >= EVENTS) return done();
        setTimeout(tick, 1);
      };
      tick();
    });
    const postSecs = (nowMs() - t0) / 1000;
    // The server may fall behind: wait for the answers at most DRAIN_MS; unanswered = not counted.
    await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, DRAIN_MS))]);
    const drainSecs = (nowMs() - t0) / 1000 - postSecs;
    const unanswered = sent.length - accepted.filter((x) => !Number.isNaN(x)).length - failed;
    // Let the last deltas / polls arrive.
    await new Promise((r) => setTimeout(r, mode === 'poll' ? POLL_MS + 1000 : 1000));
    const cpu = cpuSeconds(server.pid) - cpu0;
    const wallSecs = (nowMs() - t0) / 1000;
    agent.destroy();
    const results = await Promise.all(kids.map((k) => new Promise<{ seen: number[][]; messages: number; bytes: number }>((res) => {
      k.once('message', (m) => res(m as never));
      k.send({ stop: true });
    })));
    const lat: number[] = [];
    const ackLat: number[] = [];
    let missing = 0;
    for (let i = WARMUP; i < EVENTS; i++) if (!Number.isNaN(accepted[i])) ackLat.push(accepted[i] - sent[i]);
    const warmLat: number[] = [];
    for (const r of results) for (const client of r.seen) for (let i = 0; i < WARMUP; i++) {
      if (!Number.isNaN(accepted[i]) && !Number.isNaN(client[i])) warmLat.push(client[i] - sent[i]);
    }
    for (const r of results) for (const client of r.seen) for (let i = WARMUP; i < EVENTS; i++) {
      if (Number.isNaN(accepted[i])) continue;
      if (Number.isNaN(client[i])) missing++;
      else lat.push(client[i] - sent[i]);
    }
    return {
      mode, events: EVENTS - WARMUP, postSecs, drainSecs, unanswered, achievedRate: EVENTS / postSecs, failed, missing,
      warmP99: quantile(warmLat, 0.99),
      p50: quantile(lat, 0.5), p99: quantile(lat, 0.99), max: quantile(lat, 1),
      ackP50: quantile(ackLat, 0.5), ackP99: quantile(ackLat, 0.99),
      serverCpu: cpu, serverCpuPct: (cpu / wallSecs) * 100, wallSecs,
      messages: results.reduce((n, r) => n + r.messages, 0), mbytes: results.reduce((n, r) => n + r.bytes, 0) / 2 ** 20,
    };
  } finally {
    await server.stop();
  }
}

// LATENCY_MODES=push skips the polling run (profiling the push path alone).
const modes = (process.env.LATENCY_MODES ?? 'push,poll').split(',');
const push = await run('push');
const poll = modes.includes('poll') ? await run('poll') : null;
const n = (r: typeof push) => `${r.events} events at ${r.achievedRate.toFixed(0)}/s, ${CLIENTS} clients; POST answered p50 ${r.ackP50.toFixed(1)} / p99 ${r.ackP99.toFixed(1)} ms; ${r.failed} failed, ${r.unanswered} unanswered after ${r.drainSecs.toFixed(1)} s drain, ${r.missing} (event, client) pairs never seen`;
report('latency', [
  { figure: 'push: event → delta at wall, p50', value: push.p50, unit: 'ms', note: n(push) },
  { figure: 'push: event → delta at wall, p99', value: push.p99, unit: 'ms', target: '≤ 150 ms', note: `max ${push.max.toFixed(0)} ms; ${push.messages.toLocaleString('en')} deltas, ${push.mbytes.toFixed(1)} MiB; after ${WARMUP_SECONDS} s of warm-up at the same rate (its p99: ${push.warmP99.toFixed(0)} ms)` },
  { figure: 'server CPU, push (ingest + deltas)', value: push.serverCpuPct, unit: '% of 1 core', note: `${push.serverCpu.toFixed(1)} s over ${push.wallSecs.toFixed(1)} s` },
  // Without the polling run (LATENCY_MODES=push) there is nothing to set beside the push figures.
  ...(poll
    ? [
        { figure: `poll ${POLL_MS / 1000} s: event → poll sees it, p50`, value: poll.p50, unit: 'ms', note: n(poll) },
        { figure: `poll ${POLL_MS / 1000} s: event → poll sees it, p99`, value: poll.p99, unit: 'ms', note: `max ${poll.max.toFixed(0)} ms; ${poll.messages.toLocaleString('en')} polls, ${poll.mbytes.toFixed(1)} MiB` },
        { figure: 'p99 ratio poll / push', value: poll.p99 / push.p99, unit: '×', baseline: 'polling' },
        { figure: 'server CPU, poll (ingest + snapshots)', value: poll.serverCpuPct, unit: '% of 1 core', note: `${poll.serverCpu.toFixed(1)} s over ${poll.wallSecs.toFixed(1)} s` },
      ]
    : []),
], { push, poll, seconds: SECONDS, rate: RATE, clients: CLIENTS, pollMs: POLL_MS });
