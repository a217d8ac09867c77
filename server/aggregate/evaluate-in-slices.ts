// A full evaluation for background work (the monthly reports) that hands the event loop back
// between slices. evaluateAll of the district runs for seconds in one piece, and requests,
// sockets and ingest would wait that long; this gives the same Evaluation in turns of about
// `budgetMs` each. The window's rollups are read first, in key-ordered pages, into memory: the
// batch evaluates past month ends, whose windows lie outside the live rollup cache, and asking
// SQLite for each slice's members separately would cost a window scan per slice.

import type { MemberMonthSql, OrgMonthSql, RollupReader } from '../store/rollup-read.ts';
import type { Evaluation, ReaderDeps } from './engine.ts';
import { evaluateBranches, freshEngine, postOrder, rollup } from './engine.ts';
import { windowOf } from './load-facts.ts';

export interface SliceOptions {
  /** Work per turn of the event loop before yielding (ms). */
  budgetMs?: number;
  /** Checked after every yield: the caller may have shut down (the database may be closed). */
  cancelled?: () => boolean;
  /** Rows per page of the window read (tests make it small to cross page boundaries). */
  pageRows?: number;
}

/** Branches per call and rows per page: each well inside the budget at district scale. */
const STEP = 16;
const PAGE_ROWS = 5_000;

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

class Cancelled extends Error {}

/** Resolves to null when cancelled. */
export async function evaluateAllInSlices(deps: ReaderDeps, asOf: number, opts: SliceOptions = {}): Promise<Evaluation | null> {
  const budget = opts.budgetMs ?? 40;
  let turn = performance.now();
  const pause = async () => {
    if (performance.now() - turn < budget) return;
    await nextTurn();
    if (opts.cancelled?.()) throw new Cancelled();
    turn = performance.now();
  };
  try {
    const reader = await windowInMemory(deps.reader, asOf, opts.pageRows ?? PAGE_ROWS, pause);
    const engine = freshEngine({ ...deps, reader });
    const ev: Evaluation = { asOf, orgs: new Map(), members: new Map() };
    const branches = [...deps.dir.orgs.values()].filter((o) => o.type === 'branch').map((o) => o.code);
    for (let i = 0; i < branches.length; i += STEP) {
      evaluateBranches(engine, asOf, ev, branches.slice(i, i + STEP));
      await pause();
    }
    // Children before parents; the whole tree at once is ≈ 0.3 s at district scale.
    for (const code of postOrder(deps.dir, deps.dir.root)) {
      if (deps.dir.orgs.get(code)!.type !== 'branch') rollup(engine, asOf, ev, code);
      await pause();
    }
    return ev;
  } catch (err) {
    if (err instanceof Cancelled) return null;
    throw err;
  }
}

/** A reader answering from the window around `asOf`, loaded page by page. */
async function windowInMemory(sql: RollupReader, asOf: number, limit: number, pause: () => Promise<void>): Promise<RollupReader> {
  const { from, to } = windowOf(asOf);
  const byOrg = await grouped((after: OrgMonthSql | null) => sql.orgMonthPage(from, to, after, limit), (r) => r.org_code, limit, pause);
  const byMember = await grouped((after: MemberMonthSql | null) => sql.memberMonthPage(from, to, after, limit), (r) => r.member_id, limit, pause);
  // Asked once per slice by loadBranchFacts, and the same for every slice of one evaluation.
  const latest = sql.latestMeetingAt();
  const upTo = new Map<string, ReturnType<RollupReader['meetingsUpTo']>>();
  return {
    ...sql,
    // The lookups the facts loader uses: rows of the window as loaded (callers skip other months).
    orgMonthsOf: (lo, hi, orgs) => (lo < from ? sql.orgMonthsOf(lo, hi, orgs) : (id) => byOrg.get(id)),
    memberMonthsOf: (lo, hi, members) => (lo < from ? sql.memberMonthsOf(lo, hi, members) : (id) => byMember.get(id)),
    latestMeetingAt: () => latest,
    meetingsUpTo(month, at) {
      const key = `${month}|${at}`;
      let rows = upTo.get(key);
      if (!rows) upTo.set(key, (rows = sql.meetingsUpTo(month, at)));
      return rows;
    },
  };
}

async function grouped<T>(page: (after: T | null) => T[], key: (r: T) => string, limit: number, pause: () => Promise<void>): Promise<Map<string, T[]>> {
  const out = new Map<string, T[]>();
  let after: T | null = null;
  for (;;) {
    const rows = page(after);
    for (const r of rows) {
      const k = key(r);
      const list = out.get(k);
      if (list) list.push(r);
      else out.set(k, [r]);
    }
    if (rows.length < limit) return out;
    after = rows[rows.length - 1];
    await pause();
  }
}
