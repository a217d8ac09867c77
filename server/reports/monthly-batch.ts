// The monthly diagnosis batch: on the 5th of each month (Asia/Shanghai) every branch's report of
// the month before is generated and stored. Whether a month is due is decided from the clock and
// the store alone, so a restart on the 6th finds the batch and does nothing, and a server that was
// down on the 5th generates it once when it next checks (start-up, the daily tick, an import).

import { addMonths, dateOf, monthOf, type Month } from '../../shared/periods.ts';
import type { ReportsSent } from '../../shared/snapshot.ts';
import type { Clock } from '../clock.ts';
import { nextTurn } from '../aggregate/evaluate-in-slices.ts';
import type { ReportRepo } from '../store/report-repo.ts';
import type { Diagnoses } from './diagnoses.ts';

export const BATCH_DAY = 5;
const SAVE_CHUNK = 200;

/** The month whose batch is due at `now`: the month before the latest 5th at or before now. */
export function dueMonth(now: number): Month {
  const day = Number(dateOf(now).slice(8, 10));
  return addMonths(monthOf(now), day >= BATCH_DAY ? -1 : -2);
}

export interface MonthlyReports {
  /** Generates the due batch unless it is stored; resolves to the month generated, else null (never rejects). */
  runIfDue(): Promise<Month | null>;
  /** The latest batch as the wall shows it: how many of these organisations were sent a report. */
  sent(codes: Set<string>): ReportsSent | null;
  /** Stops a batch in progress at its next slice (before the database closes). */
  dispose(): void;
}

export interface BatchDeps {
  clock: Clock;
  repo: ReportRepo;
  diagnoses: Diagnoses;
  /** False until a tree has been imported: nothing to report on. */
  ready: () => boolean;
  /** Called after a batch is stored, so walls showing the count are told. */
  stored: () => void;
  /** A batch that throws is reported here and tried again at the next check. */
  failed: (err: Error) => void;
}

export function createMonthlyReports(deps: BatchDeps): MonthlyReports {
  const { clock, repo, diagnoses } = deps;
  let disposed = false;
  let running: Promise<Month | null> | null = null;
  const toSent = (b: ReturnType<ReportRepo['latest']>) => (b ? { month: b.month, at: b.generatedAt, codes: new Set(b.codes) } : null);
  let latest = toSent(repo.latest());

  const generate = async (month: Month): Promise<Month | null> => {
    const started = performance.now();
    const reports = await diagnoses.all(month, () => disposed);
    if (!reports || disposed) return null;
    repo.discardReports(month);
    // A district's reports in one transaction hold the event loop for a fifth of a second or more.
    for (let i = 0; i < reports.length; i += SAVE_CHUNK) {
      repo.saveReports(month, reports.slice(i, i + SAVE_CHUNK).map((r) => ({ code: r.org.code, body: r })));
      await nextTurn();
      if (disposed) return null;
    }
    const batch = { month, generatedAt: clock.now(), branches: reports.length, elapsedMs: Math.round(performance.now() - started) };
    if (!repo.saveBatch(batch)) return null;
    latest = toSent(repo.latest());
    deps.stored();
    return month;
  };

  return {
    runIfDue() {
      if (running) return running;
      if (disposed || !deps.ready()) return Promise.resolve(null);
      const month = dueMonth(clock.now());
      if (repo.has(month)) return Promise.resolve(null);
      running = generate(month)
        .catch((err: Error) => {
          deps.failed(err);
          return null;
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
    sent(codes) {
      if (!latest) return null;
      let count = 0;
      for (const c of latest.codes) if (codes.has(c)) count += 1;
      return { month: latest.month, count, at: latest.at };
    },
    dispose() {
      disposed = true;
    },
  };
}
