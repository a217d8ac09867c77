// 5. ingest: the server as a child process on a copy of the district database
// (--no-simulator --log-level warn, the test tokens); this process posts batches of 1,000 valid
// events with unique ids for ~10 s, first on one connection, then on 3 concurrent connections.
// One wall watches the district over Socket.IO throughout, as in a deployment: its deltas show how
// often the wall moved while the flood went in.
// The server answers only after the transaction commits and an fsync of the WAL covers it
// (server/store/wal-sync.ts), so accepted = durable.
// Run alone: npx tsx tests/bench/ingest.ts [seconds=10] [batch=1000] [connections=3]
import { Agent } from 'node:http';
import { io } from 'socket.io-client';
import { copyDb, cpuSeconds, districtDb, memberIds, nowMs, postJson, report, spawnServer, waitFor200 } from './lib.ts';
import { makeEvent } from './events.ts';

const SECONDS = Number(process.argv[2] ?? 10);
const BATCH = Number(process.argv[3] ?? 1000);
const CONNS = Number(process.argv[4] ?? 3);

const db = copyDb(districtDb(), 'ingest.db');
const members = await memberIds(db);
const server = await spawnServer(db, ['--no-simulator']);
let serial = 0;
/** When the watching wall received each delta. */
const deltas: number[] = [];

/** Gaps between the wall's deltas inside [from, to] (ms): how often the wall moved. */
function wallGaps(from: number, to: number): { count: number; p50: number; max: number } {
  const inPhase = deltas.filter((t) => t >= from && t <= to);
  const gaps = inPhase.slice(1).map((t, i) => t - inPhase[i]).sort((a, b) => a - b);
  return { count: inPhase.length, p50: gaps[Math.floor(gaps.length / 2)] ?? NaN, max: gaps.at(-1) ?? NaN };
}

async function phase(name: string, connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let accepted = 0;
  let duplicates = 0;
  let failed = 0;
  const cpu0 = cpuSeconds(server.pid);
  const t0 = nowMs();
  const end = t0 + SECONDS * 1000;
  const worker = async () => {
    while (nowMs() < end) {
      const at = Date.now();
      const batch = [];
      for (let j = 0; j < BATCH; j++, serial++) batch.push(makeEvent(`bench-${name}-${serial}`, members[serial % members.length], serial, at));
      const body = JSON.stringify(batch);
      const s = nowMs();
      const res = await postJson(agent, `${server.url}/api/events`, body);
      const out = res.json as { accepted?: number; duplicates?: number; message?: string };
      latencies.push(nowMs() - s);
      if (res.status !== 200) {
        failed++;
        if (failed === 1) console.error(`${name}: HTTP ${res.status} ${JSON.stringify(out).slice(0, 400)}`);
        continue;
      }
      accepted += out.accepted ?? 0;
      duplicates += out.duplicates ?? 0;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const secs = (nowMs() - t0) / 1000;
  const cpu = cpuSeconds(server.pid) - cpu0;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const wall = wallGaps(t0, t0 + secs * 1000);
  return { name, connections, secs, accepted, duplicates, failed, rate: accepted / secs, serverCpu: cpu, batchP50: latencies[Math.floor(latencies.length / 2)] ?? NaN, batchMax: latencies.at(-1) ?? NaN, wall };
}

try {
  await waitFor200(`${server.url}/api/health`);
  // Post only after the first full evaluation (it answers the first snapshot): a phase that began
  // earlier would count seconds of start-up work as ingest time.
  await waitFor200(`${server.url}/api/snapshot`, 120_000);
  const scope = ((await (await fetch(`${server.url}/api/config`)).json()) as { scope: string }).scope;
  const wall = io(server.url, { transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve) => {
    wall.on('connect', () => wall.emit('subscribe', { scope }));
    wall.once('snapshot', () => resolve());
  });
  wall.on('delta', () => void deltas.push(nowMs()));
  const seq = await phase('seq', 1);
  const conc = await phase('conc', CONNS);
  wall.close();
  const moved = (p: typeof seq) => `wall moved ${p.wall.count}×, gap p50 ${p.wall.p50.toFixed(0)} / max ${p.wall.max.toFixed(0)} ms`;
  report('ingest', [
    { figure: `sequential, batches of ${BATCH}`, value: seq.rate, unit: 'events/s', target: '≥ 50,000/s', note: `${seq.accepted.toLocaleString('en')} accepted in ${seq.secs.toFixed(1)} s; batch p50 ${seq.batchP50.toFixed(0)} ms; server CPU ${seq.serverCpu.toFixed(1)} s; ${seq.failed} failed; ${moved(seq)}` },
    { figure: `${CONNS} connections, batches of ${BATCH}`, value: conc.rate, unit: 'events/s', target: '≥ 50,000/s', note: `${conc.accepted.toLocaleString('en')} accepted in ${conc.secs.toFixed(1)} s; batch p50 ${conc.batchP50.toFixed(0)} ms; server CPU ${conc.serverCpu.toFixed(1)} s; ${conc.failed} failed; ${moved(conc)}` },
  ], { seq, conc, members: members.length });
} finally {
  await server.stop();
}
