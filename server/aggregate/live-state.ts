// The live evaluation of the district as of the clock, kept current by ingest and a daily tick,
// plus the light history that lets the wall say "red since … because …".

import { dateOf } from '../../shared/periods.ts';
import type { Clock } from '../clock.ts';
import type { Store } from '../store/store.ts';
import { recordLightChanges } from '../store/light-history.ts';
import { diffLights, evaluateAll, refresh, type EngineDeps, type Evaluation, type LightChange } from './engine.ts';

export interface ChangeNotice {
  /** Organisations re-evaluated: a touched branch and all its ancestors. */
  codes: Set<string>;
  changes: LightChange[];
  /** True when everything was re-evaluated (the daily tick, a rules change, an import). */
  all: boolean;
}

export interface LiveState {
  /** The evaluation as of now: runs any deferred re-evaluation first (reads see every write). */
  current(): Evaluation;
  /**
   * The evaluation as it stands, without running deferred work: what a wall's push shows while a
   * flood's re-evaluation waits its turn (evaluates everything the first time).
   */
  latest(): Evaluation;
  /** An evaluation as of another instant (the API's `at=`); recent ones are cached. */
  at(asOf: number): Evaluation;
  /**
   * Marks organisations touched by a committed write. Re-evaluation is deferred and merged: it
   * runs once per window for everything touched since, or at once when anything reads.
   */
  afterWrite(touched: Set<string>): void;
  /**
   * Runs the deferred re-evaluation now (reads call it; tests may too). With `unlessBusy` (the
   * walls' push), leaves it to its timer while the pacing says the thread is busy (BUSY_FACTOR).
   */
  flush(opts?: { unlessBusy?: boolean }): ChangeNotice | null;
  reevaluateAll(): ChangeNotice;
  /** Re-evaluates everything when the calendar day (Asia/Shanghai) has moved on. */
  tick(): ChangeNotice | null;
  onChange(listener: (n: ChangeNotice) => void): () => void;
  /** Tells listeners that something every snapshot shows changed outside the evaluation (a report batch). */
  announce(): void;
  /** Cancels deferred work; call before the database closes. */
  dispose(): void;
}

/** How long writes are gathered before their branches are re-evaluated: long enough to merge a
 * burst of check-ins, short against the push window that follows. */
export const REEVALUATE_AFTER_MS = 10;

/**
 * After a re-evaluation, the next waits until this many times as long as that one took has
 * passed, so evaluating takes at most about a fifth of the thread and the writes keep the rest.
 * A re-evaluation under a flood costs about the same however many events it merges (every
 * branch is touched, and each is evaluated once), so waiting longer is what buys throughput:
 * with 2 (a third of the thread) the district took 30,000 events/s in-process, with 4 39,000,
 * and the wall, which a flood leaves behind either way, moves about once a second instead of
 * twice (BENCHMARKS.md, session 5). The walls' push keeps to the same pace (`unlessBusy`): when
 * it forced a step early, that step was cheap (a push window's events), the next wait four times
 * its cost was short, and a flood's steps stayed small and many, each evaluating hundreds of
 * branches: a third of the thread again (session 6). A trickle of events never waits on this:
 * there a step takes a few milliseconds and the push window sets the pace.
 */
export const BUSY_FACTOR = 4;

/**
 * A step that took longer than this evaluated a large part of the district: a flood (a source
 * system catching up, a bulk sync). It then waits FLOOD_BUSY_FACTOR times its cost instead, so
 * re-evaluating takes a ninth of the thread rather than a fifth, and the wall, which a flood leaves
 * behind either way, moves every 2.5–3.5 s instead of about every 2 s (the ingest bench, 3
 * connections). In-process on the district the flood went in at 51.9 k events/s instead of 45.1 k
 * (three pairs, BENCHMARKS.md session 6). A trickle never reaches it: a push window's step at
 * 500 events/s touches a few dozen branches (the latency bench's p99 did not move).
 */
export const FLOOD_STEP_MS = 50;
export const FLOOD_BUSY_FACTOR = 8;

/**
 * Under a steady stream, re-evaluations are at least this far apart (the push window: deltas go
 * out at most once per window, and the push reads the evaluation, running any pending step, so
 * refreshing more often only re-rolled the committees and the district for nobody). The first
 * write after a quiet spell still waits only REEVALUATE_AFTER_MS.
 */
export function createLiveState(store: Store, deps: EngineDeps, clock: Clock, opts: { minIntervalMs?: number } = {}): LiveState {
  const minInterval = opts.minIntervalMs ?? 0;
  let ev: Evaluation | null = null;
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let day = '';
  let lastCost = 0;
  let lastRefresh = -Infinity;
  const listeners = new Set<(n: ChangeNotice) => void>();
  const history = new Map<number, Evaluation>();

  const emit = (n: ChangeNotice) => {
    if (n.changes.length) recordLightChanges(store.db, n.changes);
    for (const l of listeners) l(n);
    return n;
  };
  /** When the pacing lets the next re-evaluation run. */
  const due = () => lastRefresh + Math.max((lastCost > FLOOD_STEP_MS ? FLOOD_BUSY_FACTOR : BUSY_FACTOR) * lastCost, minInterval);
  const flush = (opts: { unlessBusy?: boolean } = {}): ChangeNotice | null => {
    if (opts.unlessBusy && timer && performance.now() < due()) return null;
    if (timer) clearTimeout(timer);
    timer = null;
    if (!ev || pending.size === 0) return null;
    history.clear();
    const started = performance.now();
    const { codes, changes } = refresh(deps, ev, pending, clock.now());
    pending.clear();
    lastRefresh = performance.now();
    lastCost = lastRefresh - started;
    return emit({ codes: new Set(codes), changes, all: false });
  };
  const latest = () => {
    if (!ev) {
      ev = evaluateAll(deps, clock.now());
      day = dateOf(ev.asOf);
      recordInitialLights(ev);
    }
    return ev;
  };
  const current = () => {
    if (pending.size) flush();
    return latest();
  };
  // The first evaluation of a database records every light once, so history has a starting point.
  const recordInitialLights = (e: Evaluation) => {
    const known = store.db.prepare('SELECT COUNT(*) AS n FROM light_history').get() as { n: number };
    if (known.n > 0) return;
    recordLightChanges(
      store.db,
      [...e.orgs].map(([code, o]) => ({ code, at: e.asOf, from: null, to: o.light.level, light: o.light })),
    );
  };
  const reevaluateAll = (): ChangeNotice => {
    const prev = current();
    pending.clear();
    history.clear();
    ev = evaluateAll(deps, clock.now());
    day = dateOf(ev.asOf);
    return emit({ codes: new Set(ev.orgs.keys()), changes: diffLights(prev, ev), all: true });
  };

  return {
    current,
    latest,
    at(asOf) {
      const live = current();
      if (asOf === live.asOf) return live;
      let e = history.get(asOf);
      if (!e) {
        e = evaluateAll(deps, asOf);
        if (history.size >= 4) history.delete(history.keys().next().value!);
        history.set(asOf, e);
      }
      return e;
    },
    afterWrite(touched) {
      if (!ev) return; // nothing evaluated yet: the first read evaluates everything anyway
      for (const c of touched) pending.add(c);
      history.clear();
      if (!timer) {
        timer = setTimeout(flush, Math.max(REEVALUATE_AFTER_MS, due() - performance.now()));
        timer.unref?.();
      }
    },
    flush,
    reevaluateAll,
    tick() {
      if (!ev) return null;
      return dateOf(clock.now()) === day ? null : reevaluateAll();
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending.clear();
    },
    announce() {
      emit({ codes: new Set(), changes: [], all: true });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
