// Weeks unattended: what we cannot foresee (a leak in a browser or a driver, a connection that
// never heals) is met by a soft reload — the tour's place and the scope are saved first and
// restored on start. Triggers: the JS heap past a limit, the connection stale or reconnecting
// for too long, and a daily reload at a quiet hour. A reload only happens while the server
// answers: reloading a page whose server is down would leave the wall on a browser error page.
import { nextLocalTime } from '../../shared/periods.ts';
import type { WatchdogSettings } from '../../shared/tour.ts';
import type { ConnectionState } from '../stores/connection.ts';

export type ReloadReason = 'heap' | 'stale' | 'quiet-hour';

export interface WatchdogDeps {
  settings: () => WatchdogSettings | null;
  /** Used JS heap in MB, or null where the browser does not say (performance.memory is Chromium's). */
  heapUsedMb: () => number | null;
  connection: { state: ConnectionState; since: number | null };
  reachable: () => Promise<boolean>;
  /** Saves the tour's place and the scope, then reloads. */
  reload: (reason: ReloadReason) => void;
  now?: () => number;
  checkEveryMs?: number;
}

export interface Watchdog {
  check(): Promise<ReloadReason | null>;
  stop(): void;
}

export function createWatchdog(deps: WatchdogDeps): Watchdog {
  const now = deps.now ?? (() => Date.now());
  const startedAt = now();
  let reloading = false;

  function due(): ReloadReason | null {
    const s = deps.settings();
    if (!s) return null;
    const t = now();
    const heap = deps.heapUsedMb();
    if (heap !== null && heap > s.heapLimitMb) return 'heap';
    const { state, since } = deps.connection;
    if (state !== 'live' && t - (since ?? startedAt) > s.staleMinutes * 60_000) return 'stale';
    if (s.quietHour && t >= nextLocalTime(startedAt, s.quietHour)) return 'quiet-hour';
    return null;
  }

  async function check(): Promise<ReloadReason | null> {
    if (reloading) return null;
    const reason = due();
    if (!reason || !(await deps.reachable().catch(() => false))) return null;
    reloading = true;
    deps.reload(reason);
    return reason;
  }

  const timer = setInterval(() => void check(), deps.checkEveryMs ?? 30_000);
  return {
    check,
    stop: () => clearInterval(timer),
  };
}

/** Chromium's non-standard performance.memory, in MB. */
export function chromiumHeapMb(): number | null {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 1_048_576 : null;
}
