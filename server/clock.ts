// The one source of "now". Injected everywhere so tests, demos and replays can freeze or move time.

export interface Clock {
  now(): number;
}

export interface ManualClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function systemClock(): Clock {
  return { now: () => Date.now() };
}

export function manualClock(start: number): ManualClock {
  let t = start;
  return {
    now: () => t,
    set: (ms) => {
      t = ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** A clock frozen at `start` when given (--clock), else the system clock. */
export function clockFor(frozen: number | null): Clock {
  return frozen === null ? systemClock() : manualClock(frozen);
}

/**
 * Wall time for identifiers only (never for figures): a sequence base that grows across
 * restarts, so numbers from an earlier server can never be mistaken for current ones.
 */
export function epochMs(): number {
  return Math.floor(performance.timeOrigin + performance.now());
}
