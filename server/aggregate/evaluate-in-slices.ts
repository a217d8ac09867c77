// A full evaluation for background work (the monthly reports) that hands the event loop back
// between slices of branches. evaluateAll of the district runs for seconds in one piece, and
// requests, sockets and ingest would wait that long; this gives the same Evaluation, in turns
// of about `budgetMs` each.

import type { Evaluation, EngineDeps } from './engine.ts';
import { evaluateBranches, rollupTree } from './engine.ts';

export interface SliceOptions {
  /** Work per turn of the event loop before yielding (ms). */
  budgetMs?: number;
  /** Checked after every yield: the caller may have shut down (the database may be closed). */
  cancelled?: () => boolean;
}

/** Branches per call: small enough that one call stays well inside the budget at district scale. */
const STEP = 16;

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Resolves to null when cancelled. */
export async function evaluateAllInSlices(deps: EngineDeps, asOf: number, opts: SliceOptions = {}): Promise<Evaluation | null> {
  const budget = opts.budgetMs ?? 40;
  const cancelled = opts.cancelled ?? (() => false);
  const ev: Evaluation = { asOf, orgs: new Map(), members: new Map() };
  const branches = [...deps.dir.orgs.values()].filter((o) => o.type === 'branch').map((o) => o.code);
  let turn = performance.now();
  for (let i = 0; i < branches.length; i += STEP) {
    evaluateBranches(deps, asOf, ev, branches.slice(i, i + STEP));
    if (performance.now() - turn >= budget) {
      await nextTurn();
      if (cancelled()) return null;
      turn = performance.now();
    }
  }
  // Roll-ups only add kept ratios: milliseconds for the whole tree, so one piece.
  rollupTree(deps, ev);
  return ev;
}
