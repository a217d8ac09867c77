// The running system, wired in data-flow order: store → aggregate → (push listens) → http.
// buildApp hands this to the plugins; tests can build it directly.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../shared/domain.ts';
import { monthOf, monthStart } from '../shared/periods.ts';
import type { Pipeline, Structure, WallSnapshot } from '../shared/snapshot.ts';
import { structureOf } from './aggregate/structure.ts';
import type { Profile } from '../shared/socket.ts';
import type { PrescriptionTable as Prescriptions, RulesConfig } from '../shared/rules/index.ts';
import { prescriptionFor } from '../shared/rules/index.ts';
import { clockFor, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { createLiveState, type ChangeNotice, type LiveState } from './aggregate/live-state.ts';
import { createFactsLoader, loadApplicants, type FactsLoader } from './aggregate/load-facts.ts';
import { publicOrgName } from './aggregate/public-name.ts';
import { buildSnapshot, scopeMemberFacts } from './aggregate/snapshot.ts';
import { SnapshotCache } from './aggregate/snapshot-cache.ts';
import type { ScopeLeader } from './aggregate/vanguard-leaders.ts';
import type { Evaluation } from './aggregate/engine.ts';
import { createFeed, eventFeedItem, lightFeedItem, newestFeedItems, type Feed } from './push/feed.ts';
import { loadPrescriptions, loadRules } from './rules-file.ts';
import { validateEvents, type EventError } from './sources/events/validate.ts';
import { clearedSince, lightSince } from './store/light-history.ts';
import { RECENT_EVENTS, type BatchAuthor, type PendingBatch } from './store/apply-events.ts';
import type { LiveEvent } from './sources/events/schema.ts';
import { groupCommit } from './sources/events/group-commit.ts';
import type { ImportSummary } from './store/import-dataset.ts';
import { createStore, type Store } from './store/store.ts';
import { createReportRepo, type ReportRepo } from './store/report-repo.ts';
import { createDiagnoses, type Diagnoses } from './reports/diagnoses.ts';
import { createMonthlyReports, type MonthlyReports } from './reports/monthly-batch.ts';
import { keepMany } from '../shared/memo.ts';
import { dateOf } from '../shared/periods.ts';

export const VERSION = '0.1.0';

export type IngestResult = { ok: true; accepted: number; duplicates: number } | { ok: false; errors: EventError[] };

export interface Services {
  config: Config;
  clock: Clock;
  version: string;
  store: Store;
  live: LiveState;
  feed: Feed;
  diagnoses: Diagnoses;
  reportRepo: ReportRepo;
  /** The monthly diagnosis batch; checked at start-up (app.ts) and on every full re-evaluation. */
  reports: MonthlyReports;
  rules(): RulesConfig;
  /** Replaces the rules (already validated) and re-evaluates everything. */
  setRules(next: RulesConfig): void;
  ready(): boolean;
  uptimeSeconds(): number;
  /** Validates and applies a batch; with an author, the audit row is part of the batch's commit. */
  /** Validates and writes one batch in its own transaction (the simulator, tests). */
  ingest(items: unknown[], author?: BatchAuthor): IngestResult;
  /** The same, sharing one commit with the other requests of this event-loop turn (POST /api/events). */
  ingestGrouped(batch: PendingBatch): Promise<IngestResult>;
  importDataset(ds: Dataset): ImportSummary;
  snapshot(scope: string, profile: Profile, ev?: Evaluation): WallSnapshot;
  /** Branch facts as of the live evaluation's instant, from the members' facts it keeps. */
  liveFacts: FactsLoader;
  close(): void;
}

export function createServices(config: Config, deps: { clock?: Clock } = {}): Services {
  const clock = deps.clock ?? clockFor(config.clock);
  let rules = loadRules(config.rulesFile);
  const prescriptions: Prescriptions = loadPrescriptions();
  const store = createStore(config.db);
  // The monthly reports evaluate past month ends in slices (aggregate/evaluate-in-slices.ts);
  // the live evaluation keeps each member's facts between runs (aggregate/load-facts.ts).
  const engine = { reader: store.reader, dir: store.dir, rules: () => rules };
  const liveFacts = createFactsLoader(store.reader, store.dir);
  const live = createLiveState(store, { loadFacts: liveFacts, dir: store.dir, rules: () => rules }, clock, { minIntervalMs: config.deltaWindowMs });
  // A restarted wall should not show an empty ticker: replay the latest stored events into it.
  // Read now (the newest rows of a small table), turned into lines on the feed's first use.
  const recent = store.db.prepare('SELECT body FROM recent_events ORDER BY seq DESC LIMIT ?').all(RECENT_EVENTS) as { body: string }[];
  const feed = createFeed(() =>
    recent
      .reverse()
      .map((r) => eventFeedItem(JSON.parse(r.body), store.dir))
      .filter((x) => x !== null),
  );
  const diagnoses = createDiagnoses({ engine, live, clock, prescriptions });
  const reportRepo = createReportRepo(store.db);
  const reports = createMonthlyReports({
    clock,
    repo: reportRepo,
    diagnoses,
    ready: () => store.dir.root !== null,
    stored: () => live.announce(),
    failed: (err) => console.error(`monthly diagnosis batch failed: ${err.message}`),
  });
  const started = performance.now();
  const mapFile = join(config.dataDir, 'maps', 'district.geojson');
  // Parts of a snapshot that change far more slowly than the deltas that rebuild it, kept until
  // what they are read from changes. Structure counts and the scope's members walk every member
  // (they change with the directory and the date, not with events); pipeline counts also read
  // applicants and the rules; light history and cleared counts change with lights.
  let applicantsVersion = 0;
  let lightsVersion = 0;
  let rulesVersion = 0;
  const applicantsKept = keepLast<ReturnType<typeof loadApplicants>>();
  const lightSinceKept = keepLast<Map<string, number>>();
  const clearedKept = keepLast<Set<string>>();
  const structureKept = keepMany<Structure>();
  const membersKept = keepMany<ReturnType<typeof scopeMemberFacts>>();
  const pipelineKept = keepMany<Pipeline>();
  // Members' points change only where the evaluation changed: a scope's count moves when it is in
  // a change notice (a re-evaluated branch, or an ancestor of one), and every count when all was.
  let evaluatedAll = 0;
  const evaluated = new Map<string, number>();
  const leadersKept = keepMany<ScopeLeader[]>();
  // Branch views and ranking orders of the live snapshots, moved by what each window changed.
  const snapshotCache = new SnapshotCache();
  const directoryKey = (scope: string, asOf: number) => `${scope}|${dateOf(asOf)}|${store.dir.version}`;

  live.onChange((n: ChangeNotice) => {
    if (n.changes.length || n.all) lightsVersion += 1;
    if (n.all) evaluatedAll += 1;
    else for (const c of n.codes) evaluated.set(c, (evaluated.get(c) ?? 0) + 1);
    const ev = live.current();
    const publicName = (code: string) => publicOrgName(store.dir, ev, code, rules.privacy.smallBranchSize);
    const items = n.changes.map((c) => lightFeedItem(c, store.dir, publicName)).filter((x) => x !== null);
    feed.add(items);
    // The daily tick is a full re-evaluation: the day the 5th begins, the batch falls due.
    if (n.all) void reports.runIfDue();
  });

  const afterApplied = (applied: LiveEvent[], touched: Set<string>) => {
    if (!applied.length) return;
    if (applied.some((e) => e.type === 'applicant.staged')) applicantsVersion += 1;
    feed.add(newestFeedItems(applied, store.dir));
    live.afterWrite(touched);
  };
  const ingestNow = (items: unknown[], author?: BatchAuthor): IngestResult => {
    const { events, errors } = validateEvents(items, store.lookup, clock.now());
    if (errors.length) return { ok: false, errors };
    const res = store.applyEvents(events, clock.now(), author);
    afterApplied(res.applied, res.touched);
    return { ok: true, accepted: res.accepted, duplicates: res.duplicates };
  };
  const ingestGrouped = groupCommit<PendingBatch, IngestResult>((batches) => {
    const now = clock.now();
    const { outcomes, touched } = store.applyBatches(batches, now, (items) => validateEvents(items, store.lookup, now));
    return {
      results: outcomes.map((o) => (o.ok ? { ok: true, accepted: o.accepted, duplicates: o.duplicates } : o)),
      then: () => afterApplied(outcomes.flatMap((o) => (o.ok ? o.applied : [])), touched),
    };
  }, (b) => ingestNow(b.items, b.author), () => store.durable());

  const services: Services = {
    config,
    clock,
    version: VERSION,
    store,
    live,
    feed,
    diagnoses,
    reportRepo,
    reports,
    rules: () => rules,
    setRules(next) {
      rules = next;
      rulesVersion += 1;
      live.reevaluateAll();
    },
    ready: () => store.dir.root !== null,
    uptimeSeconds: () => Math.round((performance.now() - started) / 1000),
    ingest: ingestNow,
    ingestGrouped,
    importDataset(ds) {
      const summary = store.importDataset(ds);
      applicantsVersion += 1;
      live.reevaluateAll();
      return summary;
    },
    snapshot(scope, profile, ev = live.current()) {
      const monthBegin = monthStart(monthOf(ev.asOf));
      // Only the live evaluation has change notices; one as of another instant is computed afresh.
      const isLive = ev === live.latest();
      return buildSnapshot(ev, store.dir, scope, profile, {
        centreName: config.centreName,
        rules,
        checkins: store.reader.checkins(dateOf(ev.asOf)),
        applicants: applicantsKept(`${applicantsVersion}`, () => loadApplicants(store.reader)),
        lightSince: lightSinceKept(`${lightsVersion}`, () => lightSince(store.db)),
        clearedThisMonth: (codes) => {
          const cleared = clearedKept(`${lightsVersion}|${monthBegin}`, () => new Set(clearedSince(store.db, monthBegin)));
          let n = 0;
          for (const c of cleared) if (codes.has(c)) n += 1;
          return n;
        },
        reportsSent: (codes) => reports.sent(codes),
        feed: feed.list(profile),
        prescription: (rule, level) => {
          const p = prescriptionFor(prescriptions, rule, level);
          return { label: p.label, text: p.prescription };
        },
        map: { demo: !existsSync(mapFile), mapName: existsSync(mapFile) ? 'district' : 'demo' },
        smallBranchSize: profile === 'public' ? rules.privacy.smallBranchSize : null,
        structure: (code) => structureKept(directoryKey(code, ev.asOf), () => structureOf(store.dir, code, ev.asOf)),
        members: (code) => membersKept(directoryKey(code, ev.asOf), () => scopeMemberFacts(store.dir, code, ev.asOf)),
        pipeline: (code, compute) => pipelineKept(`${directoryKey(code, ev.asOf)}|${applicantsVersion}|${rulesVersion}`, compute),
        vanguardLeaders: (code, compute) => (isLive ? leadersKept(`${directoryKey(code, ev.asOf)}|${evaluatedAll}|${evaluated.get(code) ?? 0}`, compute) : compute()),
        cache: isLive ? snapshotCache : undefined,
      });
    },
    liveFacts,
    close() {
      reports.dispose();
      live.dispose();
      store.close();
    },
  };
  return services;
}

/** One remembered value, recomputed when its key changes. */
function keepLast<T>(): (key: string, compute: () => T) => T {
  let kept: { key: string; value: T } | null = null;
  return (key, compute) => {
    if (kept?.key !== key) kept = { key, value: compute() };
    return kept.value;
  };
}
