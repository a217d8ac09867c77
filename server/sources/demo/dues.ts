// Dues payments month by month. Most members pay within the month (often on the theme day),
// some pay a quarter in advance, some late or in two parts; planted members skip months. Every
// payment is dated no later than the clock, and a completed month of a healthy member is
// always paid by the clock, so only planted problems move a branch's dues rate.

import type { DuesRow } from '../../../shared/domain.ts';
import {
  addMonths, formatInstant, monthEnd, monthOf, monthStart, quarterMonths, quarterOfMonth, type Month,
} from '../../../shared/periods.ts';
import type { BranchPlan, MemberPlan } from './members.ts';
import type { Rng } from './prng.ts';
import type { HistoryWindow } from './window.ts';

const DAY = 86_400_000;

export class DuesWriter {
  private seq = 0;
  readonly rows: DuesRow[] = [];
  /** Month → [first instant, first instant after], computed once for the window. */
  private readonly bounds: Map<Month, [number, number]>;
  constructor(private readonly win: HistoryWindow) {
    this.bounds = new Map(win.months.map((m) => [m, [monthStart(m), monthEnd(m)]]));
  }

  private push(m: MemberPlan, month: Month, amount: number, ms: number): void {
    this.rows.push({ id: `DU${String(++this.seq).padStart(8, '0')}`, member_id: m.row.id, month, amount, paid_at: formatInstant(ms) });
  }

  /** A moment in [from, to), during waking hours, rounded to the second. */
  private moment(rng: Rng, from: number, to: number): number {
    const days = Math.max(1, Math.floor((to - from) / DAY));
    const dayStart = from - ((from + 8 * 3_600_000) % DAY);
    let ms = dayStart + rng.int(0, days - 1) * DAY + rng.int(8 * 3600, 21 * 3600) * 1000;
    if (ms < from) ms = from + rng.int(60, 3600) * 1000;
    return Math.min(ms, to - 1000);
  }

  branch(rng: Rng, b: BranchPlan): void {
    const { clock, start, current } = this.win;
    for (const m of b.members) {
      const first = monthOf(Math.max(start, m.orgSinceMs));
      const earliest = Math.max(start, m.orgSinceMs);
      const paidQuarters = new Set<string>();
      for (const month of this.win.months) {
        if (month < first) continue;
        if ((m.unpaidFrom && month >= m.unpaidFrom) || (m.missMonth && (month === m.missMonth || month === current))) continue;
        const [mStart, mEnd] = this.bounds.get(month)!;
        const from = Math.max(mStart, earliest);
        const to = Math.min(mEnd, clock);
        if (to <= from) continue;
        if (m.quarterly) {
          const q = quarterOfMonth(month);
          if (paidQuarters.has(q)) continue;
          paidQuarters.add(q);
          const at = this.moment(rng, from, Math.min(to, from + 10 * DAY));
          for (const qm of quarterMonths(q)) if (qm >= month && qm <= current) this.push(m, qm, m.due, at);
          continue;
        }
        const r = rng.next();
        if (r < 0.06) {
          // Late: paid in the following month; if that is still to come, it was paid in time after all.
          const late = this.moment(rng, mEnd, mEnd + 15 * DAY);
          if (late <= clock) {
            this.push(m, month, m.due, late);
            continue;
          }
        } else if (r < 0.075 && m.due >= 0.1) {
          const cents = Math.round(m.due * 100);
          const part = Math.round(cents * rng.float(0.3, 0.7));
          const first = this.moment(rng, from, to);
          const second = first + rng.int(2, 10) * DAY + rng.int(-3600, 3600) * 1000;
          if (part / 100 + (cents - part) / 100 >= m.due) {
            this.push(m, month, part / 100, first);
            // A second part still to come stays missing: the month is not paid yet.
            if (second <= clock) this.push(m, month, (cents - part) / 100, second);
            else if (month !== current) this.push(m, month, (cents - part) / 100, this.moment(rng, first, clock));
            continue;
          }
        }
        const at = this.moment(rng, from, month === current ? mEnd : to);
        if (at <= clock) this.push(m, month, m.due, at);
      }
    }
  }
}

/** Picks who skips dues in a branch with a planted dues or red-member problem. */
export function plantDues(rng: Rng, win: HistoryWindow, b: BranchPlan): void {
  const candidates = b.members.filter((m) => m.orgSinceMs < win.start && !m.row.on_committee);
  const n = b.members.length;
  const take = (k: number) => rng.shuffle([...candidates]).slice(0, Math.min(k, candidates.length));
  const streak = (lo: number, hi: number) => addMonths(win.lastCompleted, -(rng.int(lo, hi) - 1));
  switch (b.issue) {
    case 'redMembersY':
      for (const m of take(Math.floor(0.1 * n) + 1)) { m.unpaidFrom = streak(3, 5); m.quarterly = false; }
      break;
    case 'redMembersR':
      for (const m of take(Math.floor(0.2 * n) + 1)) { m.unpaidFrom = streak(3, 6); m.quarterly = false; }
      break;
    case 'chronicPayer':
      for (const m of take(1)) { m.unpaidFrom = streak(3, 7); m.quarterly = false; }
      break;
    case 'duesY':
      for (const m of take(Math.max(1, Math.round(0.1 * n)))) { m.missMonth = win.lastCompleted; m.quarterly = false; }
      break;
    case 'duesR':
      for (const m of take(Math.floor(0.2 * n) + 1)) { m.missMonth = win.lastCompleted; m.quarterly = false; }
      break;
    case 'absentMember':
      for (const m of take(1)) m.absentFrom = monthStart(addMonths(win.lastCompleted, -rng.int(2, 3)));
      break;
    default:
  }
}
