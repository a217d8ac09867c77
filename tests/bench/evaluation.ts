// 4. evaluation: evaluateAll over the whole district (all lights, scores and member results, from
// the rollups) and the district ranking, median of 3, as of the demo clock. Two ways: as the server runs it (each member's
// facts kept between evaluations and rebuilt only when they change) and cold (every member's facts
// rebuilt from the in-memory rollups). Side by side, the BI-dashboard approach of recomputing the
// same figures on refresh with GROUP BY over the raw fact tables.
// Run alone: npx tsx tests/bench/evaluation.ts
import { evaluateAll, type EngineDeps } from '../../server/aggregate/engine.ts';
import { createFactsLoader, loadBranchFacts, windowOf } from '../../server/aggregate/load-facts.ts';
import { loadRules } from '../../server/rules-file.ts';
import { rankBranches } from '../../shared/rules/index.ts';
import { createStore } from '../../server/store/store.ts';
import { districtDb, median, report } from './lib.ts';

const RUNS = 3;
const store = createStore(districtDb());
const meta = store.db.prepare("SELECT value FROM meta WHERE key = 'demo'").get() as { value: string } | undefined;
const asOf = meta ? (JSON.parse(meta.value) as { clock: number }).clock : Date.now();
const rules = loadRules(null);
const live: EngineDeps = { loadFacts: createFactsLoader(store.reader, store.dir), dir: store.dir, rules: () => rules };
const cold: EngineDeps = { loadFacts: (at, branches) => loadBranchFacts(store.reader, store.dir, at, branches), dir: store.dir, rules: () => rules };

const time = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

// Ours: rollups → facts per branch → rules → roll-ups up the tree → the district's ranking.
const full = (deps: EngineDeps) => {
  const e = evaluateAll(deps, asOf);
  const rows = [...e.orgs.values()]
    .filter((o) => o.type === 'branch')
    .map((o) => ({ code: o.code, name: store.dir.orgs.get(o.code)!.name, parentName: null, score: o.score, light: o.light.level }));
  return rankBranches(rows);
};
const first = time(() => full(live)); // fills the rollups and the kept facts; reported, not in the median
const ours = Array.from({ length: RUNS }, () => time(() => full(live)));
const coldRuns = Array.from({ length: RUNS }, () => time(() => full(cold)));
const loadOnly = Array.from({ length: RUNS }, () => time(() => loadBranchFacts(store.reader, store.dir, asOf)));
const ev = evaluateAll(live, asOf);

// Baseline: the same figures computed by GROUP BY over the raw facts, for the same 12-month window.
const { from, to } = windowOf(asOf);
const q = {
  meetingsPerBranchMonthKind: store.db.prepare(
    `SELECT org_code, month, kind, COALESCE(group_code, '') AS g, COUNT(*) AS n FROM meetings
     WHERE month BETWEEN ? AND ? GROUP BY org_code, month, kind, g`),
  attendancePerBranchMonthKind: store.db.prepare(
    `SELECT m.org_code, m.month, m.kind, COUNT(*) AS expected, SUM(a.status = 'present') AS present
     FROM meetings m JOIN attendance a ON a.meeting_id = m.id
     WHERE m.month BETWEEN ? AND ? GROUP BY m.org_code, m.month, m.kind`),
  duesPerMemberMonth: store.db.prepare(
    `SELECT d.member_id, d.month, SUM(d.amount) AS paid, MAX(mem.dues_monthly) AS due, SUM(d.amount) >= MAX(mem.dues_monthly) AS full
     FROM dues d JOIN members mem ON mem.id = d.member_id
     WHERE d.month BETWEEN ? AND ? GROUP BY d.member_id, d.month`),
  attendancePerMemberMonth: store.db.prepare(
    `SELECT a.member_id, m.month, COUNT(*) AS expected, SUM(a.status = 'present') AS present, SUM(a.status = 'leave') AS excused
     FROM meetings m JOIN attendance a ON a.meeting_id = m.id
     WHERE m.month BETWEEN ? AND ? GROUP BY a.member_id, m.month`),
};
const rowsOut: Record<string, number> = {};
const perQuery: Record<string, number[]> = {};
const groupBy = () => {
  for (const [name, stmt] of Object.entries(q)) {
    const t = performance.now();
    rowsOut[name] = stmt.all(from, to).length;
    (perQuery[name] ??= []).push(performance.now() - t);
  }
};
groupBy(); // warm-up, same as ours
for (const k of Object.keys(perQuery)) perQuery[k] = [];
const base = Array.from({ length: RUNS }, () => time(groupBy));

const count = (t: string, where = '') => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${t} ${where}`).get() as { n: number }).n;
const facts = { meetings: count('meetings'), attendance: count('attendance'), dues: count('dues'), members: count('members') };
store.close();

const oursMs = median(ours);
const baseMs = median(base);
report('evaluation', [
  { figure: 'full evaluation + ranking (whole district), live model', value: oursMs, unit: 'ms', target: '< 1000 ms', note: `median of ${RUNS}; ${ev.orgs.size} orgs; members' facts kept between evaluations` },
  { figure: 'full evaluation + ranking, cold (all facts rebuilt)', value: median(coldRuns), unit: 'ms', note: `median of ${RUNS}` },
  { figure: '  first evaluation after opening', value: first, unit: 'ms', note: 'includes reading the 13-month rollups into memory' },
  { figure: '  loadBranchFacts alone (cold)', value: median(loadOnly), unit: 'ms' },
  { figure: 'baseline: GROUP BY over raw facts', value: baseMs, unit: 'ms', note: `median of ${RUNS}; figures only, no rules` },
  { figure: 'ratio baseline / ours (live model)', value: baseMs / oursMs, unit: '×', baseline: 'GROUP BY' },
  { figure: 'ratio baseline / ours (cold)', value: baseMs / median(coldRuns), unit: '×', baseline: 'GROUP BY' },
  ...Object.entries(perQuery).map(([k, v]) => ({ figure: `  GROUP BY ${k}`, value: median(v), unit: 'ms', note: `${rowsOut[k].toLocaleString('en')} result rows` })),
], { asOf: new Date(asOf).toISOString(), window: { from, to }, first, ours, cold: coldRuns, base, perQuery, rowsOut, facts });
