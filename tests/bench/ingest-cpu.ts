// ingest-cpu: the ingest path in-process, without HTTP or a load generator beside it, so the
// server's own cost per event can be measured and taken apart (run it under --cpu-prof). Each
// batch of 1,000 events (the ingest bench's mix) is parsed from its JSON text and handed to the
// group commit POST /api/events uses (validate, write, commit, fsync of the WAL), one after the
// other for SECONDS; the deferred re-evaluation runs on its timers as in the server. Prints events
// per second and CPU microseconds per event (the whole process: the fsync and checkpoint threads
// are in it too), then checks that the live evaluation equals a fresh one.
// Run alone: npx tsx tests/bench/ingest-cpu.ts [seconds=10] [batch=1000]
import { copyDb, districtDb, memberIds, report } from './lib.ts';
import { makeEvent } from './events.ts';
import { createServices } from '../../server/services.ts';
import { testConfig } from '../../server/config.ts';
import { evaluateAll } from '../../server/aggregate/engine.ts';
import { loadBranchFacts } from '../../server/aggregate/load-facts.ts';

const SECONDS = Number(process.argv[2] ?? 10);
const BATCH = Number(process.argv[3] ?? 1000);

const db = copyDb(districtDb(), 'ingest-cpu.db');
const members = await memberIds(districtDb());
const services = createServices(testConfig({ db }), {});
services.live.current();

// The request bodies are made before the clock starts: making them is the load generator's work.
const bodies: string[] = [];
const made = Date.now();
for (let b = 0, serial = 0; b < Math.ceil((SECONDS * 80_000) / BATCH); b++) {
  const batch = [];
  for (let j = 0; j < BATCH; j++, serial++) batch.push(makeEvent(`cpu-${made}-${serial}`, members[serial % members.length], serial, made));
  bodies.push(JSON.stringify(batch));
}

let refreshes = 0;
services.live.onChange(() => void (refreshes += 1));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let accepted = 0;
let batches = 0;
while (performance.now() - t0 < SECONDS * 1000 && batches < bodies.length) {
  const items = JSON.parse(bodies[batches++]) as unknown[];
  const res = await services.ingestGrouped({ items, author: { who: 'bench' } });
  if (!res.ok) throw new Error(JSON.stringify(res.errors.slice(0, 3)));
  accepted += res.accepted;
}
const secs = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuUs = (cpu.user + cpu.system) / accepted;

const live = services.live.current();
const fresh = evaluateAll({ loadFacts: (asOf, b) => loadBranchFacts(services.store.reader, services.store.dir, asOf, b), dir: services.store.dir, rules: services.rules }, live.asOf);
const plain = (ev: typeof live, code: string) => JSON.stringify({ ...ev.orgs.get(code), asOf: 0 });
const differing = [...fresh.orgs.keys()].filter((code) => plain(live, code) !== plain(fresh, code));
services.close();
if (differing.length) throw new Error(`the live evaluation after ingest differs from a fresh one at ${differing.length} organisations, e.g. ${differing[0]}`);

report('ingest-cpu', [
  { figure: `in-process ingest, batches of ${BATCH}`, value: accepted / secs, unit: 'events/s', note: `${accepted.toLocaleString('en')} events in ${secs.toFixed(1)} s; ${refreshes} re-evaluations` },
  { figure: '  CPU per event (whole process)', value: cpuUs, unit: 'µs', note: 'the live evaluation after ingest equals a fresh one' },
], { accepted, secs, refreshes, cpuUs });
