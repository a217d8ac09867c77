// Diagnoses as the routes and the monthly batch make them: one branch on demand, or every branch
// of a month in the background. Both evaluate a month at its last instant (the current month: as
// of now) and share the month-end scores behind the six-month trend.

import type { Month } from '../../shared/periods.ts';
import { addMonths } from '../../shared/periods.ts';
import type { PrescriptionTable } from '../../shared/rules/index.ts';
import type { Clock } from '../clock.ts';
import type { Evaluation, ReaderDeps } from '../aggregate/engine.ts';
import { evaluateAllInSlices, nextTurn } from '../aggregate/evaluate-in-slices.ts';
import type { LiveState } from '../aggregate/live-state.ts';
import { branchesOf } from '../aggregate/structure.ts';
import { buildDiagnosis, compareBranches, reportInstant, type Diagnosis } from './diagnosis.ts';

export interface Diagnoses {
  one(code: string, month: Month): Diagnosis;
  /** Every branch founded by the month's end; null when cancelled. Yields between slices. */
  all(month: Month, cancelled: () => boolean): Promise<Diagnosis[] | null>;
}

type Scores = Map<string, number | null>;
const TREND_MONTHS = 6;

export function createDiagnoses(deps: { engine: ReaderDeps; live: LiveState; clock: Clock; prescriptions: PrescriptionTable }): Diagnoses {
  const { engine, live, clock, prescriptions } = deps;
  // Month-end scores for the trend: one evaluation per month end, kept until the data changes.
  const scores = new Map<number, Scores>();
  live.onChange(() => scores.clear());
  const keep = (at: number, m: Scores) => {
    if (scores.size >= 24) scores.delete(scores.keys().next().value!);
    scores.set(at, m);
  };
  const scoresOf = (ev: Evaluation): Scores => new Map([...ev.orgs].map(([c, e]) => [c, e.score]));
  // The current month is reported as of now: evaluating past the clock would age deadlines early.
  const asOfFor = (month: Month) => Math.min(reportInstant(month), clock.now());

  const scoresAt = (month: Month): Scores => {
    const at = asOfFor(month);
    let m = scores.get(at);
    if (!m) keep(at, (m = scoresOf(live.at(at))));
    return m;
  };

  return {
    one(code, month) {
      const ev = live.at(asOfFor(month));
      return buildDiagnosis(engine.dir, code, month, ev, prescriptions, (m) => scoresAt(m).get(code) ?? null);
    },

    async all(month, cancelled) {
      // Evaluations of the live state (live.at) run in one piece; here each is sliced, and the
      // trend's earlier month ends are evaluated once for every branch.
      const evaluate = (m: Month) => evaluateAllInSlices(engine, asOfFor(m), { cancelled });
      const ev = await evaluate(month);
      if (!ev) return null;
      const trend = new Map<Month, Scores>([[month, scoresOf(ev)]]);
      for (let i = 1; i < TREND_MONTHS; i++) {
        const m = addMonths(month, -i);
        const cached = scores.get(asOfFor(m));
        const e = cached ? null : await evaluate(m);
        if (!cached && !e) return null;
        trend.set(m, cached ?? scoresOf(e!));
      }
      const comparison = compareBranches(engine.dir, month, ev);
      const codes = branchesOf(engine.dir, engine.dir.root!).filter((b) => (ev.orgs.get(b)?.score ?? null) !== null);
      const out: Diagnosis[] = [];
      let turn = performance.now();
      for (const code of codes) {
        out.push(buildDiagnosis(engine.dir, code, month, ev, prescriptions, (m) => trend.get(m)?.get(code) ?? null, comparison));
        if (performance.now() - turn >= 40) {
          await nextTurn();
          if (cancelled()) return null;
          turn = performance.now();
        }
      }
      return out;
    },
  };
}
