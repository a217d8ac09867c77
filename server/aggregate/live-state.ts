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
  afterWrite(touched: Set<string>, events?: number): void;
  /**
   * Runs the deferred re-evaluation now (reads call it; tests may too). With `unlessFlood`, leaves
   * it to its timer when more than FLOOD_EVENTS events wait for it (the walls' push asks so).
   */
  flush(opts?: { unlessFlood?: boolean }): ChangeNotice | null;
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
 * Under heavy ingest a re-evaluation waits this many times as long as the last one took, so
 * evaluating never takes more than about a fifth of the thread and the writes keep the rest.
 * A re-evaluation under a flood costs about the same however many events it merges (every
 * branch is touched, and each is evaluated once), so waiting longer is what buys throughput:
 * with 2 (a third of the thread) the district took 30,000 events/s in-process, with 4 39,000,
 * and the wall, which a flood leaves behind either way, moves about once a second instead of
 * twice (BENCHMARKS.md, session 5). A trickle of events never reaches this: there the last
 * re-evaluation took a few milliseconds and the push window sets the pace.
 */
export const BUSY_FACTOR = 4;

/**
 * More events than this waiting for one re-evaluation is a flood (a source system catching up, a
 * bulk sync): the walls' push then shows the evaluation as it stands instead of forcing the
 * re-evaluation each push window, which kept a flood's steps small and many (every step evaluates
 * most branches whatever it merges) and spent a third of the thread on them. The walls move when
 * the paced step lands, about once a second under 40,000 events/s; at the latency bench's
 * 500 events/s about 50 wait per window, and every window's push runs its step as before.
 */
export const FLOOD_EVENTS = 2000;

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
  let pendingEvents = 0;
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
  const flush = (opts: { unlessFlood?: boolean } = {}): ChangeNotice | null => {
    if (opts.unlessFlood && timer && pendingEvents > FLOOD_EVENTS) return null;
    if (timer) clearTimeout(timer);
    timer = null;
    pendingEvents = 0;
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
    afterWrite(touched, events = 1) {
      if (!ev) return; // nothing evaluated yet: the first read evaluates everything anyway
      for (const c of touched) pending.add(c);
      pendingEvents += events;
      history.clear();
      if (!timer) {
        timer = setTimeout(flush, Math.max(REEVALUATE_AFTER_MS, BUSY_FACTOR * lastCost, lastRefresh + minInterval - performance.now()));
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
      pendingEvents = 0;
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
