// push-window: what one push window costs the server at the district root, in-process and step by
// step, so the latency bench's p99 can be taken apart. Each window applies W events (the latency
// bench's mix: dues and volunteer hours of random members, W = 500 events/s × 100 ms), then runs
// what the socket plugin runs: the pending re-evaluation (refresh: touched branches, then their
// ancestors rolled up), then each watched channel's rebuild and diff (public and leader walls on
// the district). Prints the median and p95 of each step's CPU time over N windows (CPU, not wall
// time: the step is synchronous, and CPU time does not count other processes on a shared machine),
// then checks that the live evaluation it ends with equals a fresh full evaluation.
// Run alone: npx tsx tests/bench/push-window.ts [windows=60] [eventsPerWindow=50]
import { copyDb, districtDb, memberIds, quantile, report } from './lib.ts';
import { makeEvent } from './events.ts';
import { createServices } from '../../server/services.ts';
import { testConfig } from '../../server/config.ts';
import { ScopeChannel } from '../../server/push/scope-channel.ts';
import { evaluateAll } from '../../server/aggregate/engine.ts';
import { loadBranchFacts } from '../../server/aggregate/load-facts.ts';

/** CPU milliseconds of this process (user + system) since `from`. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

const WINDOWS = Number(process.argv[2] ?? 60);
const PER_WINDOW = Number(process.argv[3] ?? 50);

const db = copyDb(districtDb(), 'push-window.db');
const members = await memberIds(districtDb());
const services = createServices(testConfig({ db }), {});
const t0 = performance.now();
services.live.current();
const firstEvaluation = performance.now() - t0;
const root = services.store.dir.root!;
const channels = (['public', 'leader'] as const).map((p) => new ScopeChannel(root, p, () => services.snapshot(root, p), 0));
for (const ch of channels) ch.snapshotMsg();

const steps = { ingest: [] as number[], refresh: [] as number[], public: [] as number[], leader: [] as number[], total: [] as number[] };
let sent = 0;
let patches = 0;
let bytes = 0;
for (let w = 0; w < WINDOWS; w++) {
  const events = Array.from({ length: PER_WINDOW }, (_, k) => {
    const i = w * PER_WINDOW + k;
    return makeEvent(`pw-${Date.now()}-${i}`, members[(i * 7919) % members.length], i);
  });
  let t = process.cpuUsage();
  const res = services.ingest(events);
  if (!res.ok) throw new Error(JSON.stringify(res.errors.slice(0, 3)));
  steps.ingest.push(cpuMs(t));
  const start = (t = process.cpuUsage());
  services.live.flush();
  steps.refresh.push(cpuMs(t));
  for (const ch of channels) {
    t = process.cpuUsage();
    const delta = ch.update();
    steps[ch.profile as 'public' | 'leader'].push(cpuMs(t));
    if (delta) {
      sent += 1;
      patches += delta.patches.length;
      bytes += JSON.stringify(delta).length;
    }
  }
  steps.total.push(cpuMs(start));
}
// The incremental steps must have arrived where a fresh evaluation does.
const live = services.live.current();
const fresh = evaluateAll({ loadFacts: (asOf, b) => loadBranchFacts(services.store.reader, services.store.dir, asOf, b), dir: services.store.dir, rules: services.rules }, live.asOf);
// (Each organisation's asOf is when it was last evaluated: an untouched branch keeps its own.)
const plain = (ev: typeof live, code: string) => JSON.stringify({ ...ev.orgs.get(code), asOf: 0 });
const differing = [...fresh.orgs.keys()].filter((code) => plain(live, code) !== plain(fresh, code));
const agrees = differing.length === 0;
if (!agrees) console.error(`differs at ${differing.length} organisations, e.g. ${differing[0]}:\n${plain(live, differing[0])}\n${plain(fresh, differing[0])}`);
services.close();
if (!agrees) throw new Error('the live evaluation after the windows differs from a fresh one');

const row = (figure: string, xs: number[], note = '') => [
  { figure: `${figure}, median`, value: quantile(xs, 0.5), unit: 'ms CPU', note },
  { figure: `${figure}, p95`, value: quantile(xs, 0.95), unit: 'ms CPU' },
];
report('push-window', [
  { figure: 'first full evaluation (in-process, wall time)', value: firstEvaluation, unit: 'ms', note: 'the live evaluation after the windows equals a fresh one' },
  ...row(`apply ${PER_WINDOW} events (one transaction)`, steps.ingest),
  ...row('re-evaluate the touched branches and their ancestors', steps.refresh),
  ...row('district snapshot, public wall: rebuild + diff', steps.public),
  ...row('district snapshot, leader wall: rebuild + diff', steps.leader),
  ...row('window total (re-evaluation + both walls)', steps.total, `${WINDOWS} windows; ${sent} deltas, ${(patches / Math.max(1, sent)).toFixed(1)} patches and ${(bytes / Math.max(1, sent) / 1024).toFixed(1)} KiB each`),
], { windows: WINDOWS, perWindow: PER_WINDOW });
