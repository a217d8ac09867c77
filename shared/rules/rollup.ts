// Roll-up of a committee, general branch or the district from its children's evaluations. A
// child may itself be a roll-up, so everything carried must compose: counts add, every ratio
// adds numerator and denominator (never a mean of rates), and the score is carried as the
// member-weighted sum in ratio 'score.weighted'.

import type { OrgEvaluation, OrgNode, Ratio, Reason } from '../model.ts';
import type { RulesConfig } from './config.ts';
import { worstLevel } from './levels.ts';
import { pct, rate } from './ratio.ts';
import { termReason } from './term-reason.ts';

function sumCounts(children: OrgEvaluation[]): OrgEvaluation['counts'] {
  const c: OrgEvaluation['counts'] = {
    branches: 0,
    members: 0,
    probationary: 0,
    membersByLight: { red: 0, yellow: 0, green: 0 },
    branchesByLight: { red: 0, yellow: 0, green: 0, grey: 0 },
  };
  // Field by field (this runs for every re-rolled committee in every push window).
  const m = c.membersByLight;
  const b = c.branchesByLight;
  for (const { counts: x } of children) {
    c.branches += x.branches;
    c.members += x.members;
    c.probationary += x.probationary;
    m.red += x.membersByLight.red;
    m.yellow += x.membersByLight.yellow;
    m.green += x.membersByLight.green;
    b.red += x.branchesByLight.red;
    b.yellow += x.branchesByLight.yellow;
    b.green += x.branchesByLight.green;
    b.grey += x.branchesByLight.grey;
  }
  return c;
}

/** Red when its own term is red or more than redBranchShare of its branches are red (strictly);
 * yellow when its term is yellow or any branch is red. */
function rollupLight(org: OrgNode, counts: OrgEvaluation['counts'], asOf: number, rules: RulesConfig) {
  const reasons: Reason[] = [];
  const term = termReason(org, asOf, rules);
  if (term) reasons.push(term);
  const red = counts.branchesByLight.red;
  if (red > 0) {
    const share = red / counts.branches;
    const limit = rules.thresholds.committee.redBranchShare;
    const level = share > limit ? 'red' : 'yellow';
    reasons.push({
      rule: 'redBranches',
      level,
      value: share,
      threshold: level === 'red' ? limit : 0,
      message: `${counts.branches}个支部中${red}个亮红灯 (${pct(share)})`,
    });
  }
  return { level: worstLevel(reasons), reasons };
}

export function rollupOrg(org: OrgNode, children: OrgEvaluation[], asOf: number, rules: RulesConfig): OrgEvaluation {
  // Accumulators are this roll-up's own objects: the children's figures are never written to.
  const ratios: Record<string, Ratio> = {};
  const indicators: Record<string, number | null> = {};
  for (const ch of children) {
    for (const id in ch.ratios) {
      const sum = (ratios[id] ??= { num: 0, den: 0 });
      sum.num += ch.ratios[id].num;
      sum.den += ch.ratios[id].den;
    }
    for (const id in ch.indicators) {
      const v = ch.indicators[id];
      if (v != null && id.startsWith('meetings.')) indicators[id] = ((indicators[id] as number | undefined) ?? 0) + v;
    }
  }
  return finish(org, children, asOf, rules, ratios, indicators);
}

/** What rollupOrg and rerollOrg share once the sums are made: rates, score, counts, light. */
function finish(
  org: OrgNode,
  children: OrgEvaluation[],
  asOf: number,
  rules: RulesConfig,
  ratios: Record<string, Ratio>,
  indicators: Record<string, number | null>,
): OrgEvaluation {
  const counts = sumCounts(children);
  for (const id in ratios) if (id !== 'score.weighted') indicators[id] = rate(ratios[id]);
  const score = rate(ratios['score.weighted']);
  indicators.score = score;
  indicators.members = counts.members;
  indicators.probationary = counts.probationary;
  return { code: org.code, type: org.type, asOf, indicators, ratios, light: rollupLight(org, counts, asOf, rules), score, counts };
}

/** A child's evaluation before and after a change. */
export interface ChildChange {
  before: OrgEvaluation;
  after: OrgEvaluation;
}

/**
 * The same result as rollupOrg(org, children, …), worked out from the organisation's previous
 * roll-up and the children that changed since: every summed figure moves by after − before.
 * A district re-rolls its committees every push window while events flow, and a committee has up
 * to a few hundred branches; summing ~200 figures of every child each time was most of the
 * window's work, when one or two children had changed.
 *
 * Exact, not approximately equal: the sums carried by difference are counts (integers, so their
 * order does not matter), and the one fractional ratio, the member-weighted score, is summed
 * afresh over the children in rollupOrg's order. A change that adds or drops a figure, or any
 * fractional value where a count is expected, falls back to summing everything.
 */
export function rerollOrg(
  org: OrgNode,
  previous: OrgEvaluation,
  changed: readonly ChildChange[],
  children: OrgEvaluation[],
  asOf: number,
  rules: RulesConfig,
): OrgEvaluation {
  const was = figuresOf(previous);
  for (const c of changed) if (!sameFigures(figuresOf(c.before), figuresOf(c.after))) return rollupOrg(org, children, asOf, rules);
  const ratios: Record<string, Ratio> = {};
  // (The score's place is kept, so the ids come in rollupOrg's order; its sum is made below.)
  for (const id of was.ratioIds) ratios[id] = id === 'score.weighted' ? { num: 0, den: 0 } : { num: previous.ratios[id].num, den: previous.ratios[id].den };
  const indicators: Record<string, number | null> = {};
  for (const id of was.meetingIds) indicators[id] = previous.indicators[id];
  for (const { before, after } of changed) {
    for (const id of figuresOf(after).ratioIds) {
      if (id === 'score.weighted') continue;
      const sum = ratios[id];
      if (!sum) return rollupOrg(org, children, asOf, rules);
      sum.num += after.ratios[id].num - before.ratios[id].num;
      sum.den += after.ratios[id].den - before.ratios[id].den;
    }
    for (const id of figuresOf(after).meetingIds) {
      if (typeof indicators[id] !== 'number') return rollupOrg(org, children, asOf, rules);
      indicators[id] = (indicators[id] as number) + (after.indicators[id] as number) - (before.indicators[id] as number);
    }
  }
  let weighted = false;
  for (const ch of children) {
    // (Read from the child's kept figures: a lookup in its ratios, an object of ~50 long keys,
    // cost most of a large committee's re-roll.)
    const w = figuresOf(ch).weighted;
    if (!w) continue;
    const sum = (ratios['score.weighted'] ??= { num: 0, den: 0 });
    sum.num += w.num;
    sum.den += w.den;
    weighted = true;
  }
  if (!weighted) delete ratios['score.weighted'];
  return finish(org, children, asOf, rules, ratios, indicators);
}

/** The figures an evaluation carries for roll-ups, listed once per evaluation (they never change). */
interface Figures {
  ratioIds: string[];
  /** Meeting counts that are not null. */
  meetingIds: string[];
  /** Every ratio but the score, and every meeting count, is a whole number. */
  whole: boolean;
  /** The member-weighted score. */
  weighted: Ratio | undefined;
}
const figuresKept = new WeakMap<OrgEvaluation, Figures>();

function figuresOf(e: OrgEvaluation): Figures {
  let f = figuresKept.get(e);
  if (!f) {
    f = { ratioIds: [], meetingIds: [], whole: true, weighted: e.ratios['score.weighted'] };
    for (const id in e.ratios) {
      f.ratioIds.push(id);
      const r = e.ratios[id];
      if (id !== 'score.weighted' && !(Number.isInteger(r.num) && Number.isInteger(r.den))) f.whole = false;
    }
    for (const id in e.indicators) {
      const v = e.indicators[id];
      if (v == null || !id.startsWith('meetings.')) continue;
      f.meetingIds.push(id);
      if (!Number.isInteger(v)) f.whole = false;
    }
    figuresKept.set(e, f);
  }
  return f;
}

/**
 * True when two evaluations of one child carry the same figures (the same ratio ids, the same
 * non-null meeting counts, in the same order) and all of them apart from the score are whole
 * numbers, so that moving a sum by their difference is exact.
 */
function sameFigures(a: Figures, b: Figures): boolean {
  if (!a.whole || !b.whole || a.ratioIds.length !== b.ratioIds.length || a.meetingIds.length !== b.meetingIds.length) return false;
  for (let i = 0; i < a.ratioIds.length; i++) if (a.ratioIds[i] !== b.ratioIds[i]) return false;
  for (let i = 0; i < a.meetingIds.length; i++) if (a.meetingIds[i] !== b.meetingIds[i]) return false;
  return true;
}
