// Child process of latency.ts: N wall clients, either subscribed over Socket.IO (push) or polling
// GET /api/snapshot every P ms (poll). Each event carries its index in its id (`lat-<i>`); a delta
// or a poll answer whose feed holds lat-k shows every event up to k (events are applied in order).
// Records, per client, when each index was first seen; sends the arrays to the parent on 'stop'.
// argv: <url> <scope> <mode push|poll> <clients> <pollMs> <events>
import { io } from 'socket.io-client';
import { nowMs } from './lib.ts';

const [url, scope, mode, nClients, pollMs, nEvents] = process.argv.slice(2);
const CLIENTS = Number(nClients);
const EVENTS = Number(nEvents);
const seen = Array.from({ length: CLIENTS }, () => new Float64Array(EVENTS).fill(NaN));
const upTo = new Int32Array(CLIENTS).fill(-1);
const MARK = /"id":"lat-(\d+)"/g;
let messages = 0;
let bytes = 0;

function mark(c: number, text: string, at: number) {
  let max = -1;
  for (const m of text.matchAll(MARK)) max = Math.max(max, Number(m[1]));
  for (let i = upTo[c] + 1; i <= max && i < EVENTS; i++) seen[c][i] = at;
  if (max > upTo[c]) upTo[c] = Math.min(max, EVENTS - 1);
}

const stops: (() => void)[] = [];
let ready = 0;
for (let c = 0; c < CLIENTS; c++) {
  if (mode === 'push') {
    const s = io(url, { transports: ['websocket'], reconnection: false });
    s.on('connect', () => s.emit('subscribe', { scope }));
    s.on('snapshot', () => {
      if (++ready === CLIENTS) process.send!({ ready: true });
    });
    s.on('delta', (d: unknown) => {
      const at = nowMs();
      const text = JSON.stringify(d);
      messages++;
      bytes += text.length;
      mark(c, text, at);
    });
    stops.push(() => s.close());
  } else {
    let stopped = false;
    const P = Number(pollMs);
    const poll = async () => {
      if (stopped) return;
      const res = await fetch(`${url}/api/snapshot?scope=${encodeURIComponent(scope)}`);
      const text = await res.text();
      const at = nowMs();
      messages++;
      bytes += text.length;
      mark(c, text, at);
    };
    // Phases spread over the period, as independent walls would be.
    const timer = setTimeout(function tick() {
      void poll().catch(() => {});
      if (!stopped) t2 = setTimeout(tick, P);
    }, (P * c) / CLIENTS);
    let t2: NodeJS.Timeout | undefined;
    stops.push(() => { stopped = true; clearTimeout(timer); if (t2) clearTimeout(t2); });
    if (++ready === CLIENTS) process.send!({ ready: true });
  }
}

process.on('message', (m: { stop?: boolean }) => {
  if (!m.stop) return;
  for (const s of stops) s();
  process.send!({ seen: seen.map((a) => Array.from(a)), messages, bytes }, () => process.exit(0));
});
